// Xuefu's privacy policy, in Chinese and English (see types.ts for why the text lives here). It describes what
// the code actually stores (db/schema, the session registry and rate limits in Redis, the cookies and browser
// storage): when that changes, change this too, in both languages, with a new `updated`.
import { SUPPORT_EMAIL, type VersionedDocument } from "./types";

const mail = { text: SUPPORT_EMAIL, href: `mailto:${SUPPORT_EMAIL}` };

export const privacyPolicy: VersionedDocument = {
  updated: "2026-12-05",

  en: {
    intro: [
      "This policy explains what Xuefu (学府) stores about you when you use the site, why, for how long, who else sees it and what you can ask us to do with it. In short: we keep what we need to run your account, sell you courses and remember your learning. We do not sell your data, and we use no advertising or third-party tracking.",
    ],
    sections: [
      {
        id: "what-we-store",
        title: "1. What we store and why",
        body: [
          {
            list: [
              "Your account: your name, email address or mobile number, your password as a one-way hash (argon2id; we cannot read it), your language, when the account was created, when you last signed in, and when you agreed to the terms of service and this policy. We need these to let you sign in and to contact you about your account.",
              "Sign-in through QQ, WeChat or Weibo: the identifier the provider gives us for you (and WeChat's union ID when it gives one), and the nickname and avatar address you agreed to share. We use them only to recognise you next time.",
              "Sessions: for every browser signed in to your account and every API token, the device and browser (the user agent), the IP address and when it started. We keep them so you can sign in once and so you can see and end your sessions on Account settings; a browser session lasts at most 30 days, an API token one hour, and signing out ends it at once.",
              "Verification codes: the email address or mobile number a code is sent to, and the code itself for its 5 minutes of validity, to confirm that the address is yours.",
              "Orders and payments: the courses you order, prices, discounts and coupons, the order's status, which payment provider you chose, each payment attempt, and every payment notification the provider sends us, stored in full with the result of checking its signature. A notification holds the provider's transaction number, the amount and time, and may hold the provider's own identifier for the paying account; never a card number or bank password. We keep these to deliver what you bought, to reconcile payments, to refund and to settle disputes.",
              "Refunds: the amount, the course, the reason and the outcome.",
              "Learning: the courses you are enrolled in, your progress in each lesson (how far you read or watched, and whether you completed it) and the points you earned. They let you continue where you stopped and build the leaderboards.",
              "Flash sales: the seats you won and their orders. Attempts are counted per sale, not per person, for our statistics.",
              "Security and operations: our servers log each request with an identifier, the address asked for and any error; rate limits briefly count attempts per account and per IP address; and every change staff make to accounts, courses or orders is recorded in an audit log with who made it.",
            ],
          },
        ],
      },
      {
        id: "cookies",
        title: "2. Cookies and storage in your browser",
        body: [
          "We use only the cookies the site needs to work, and no advertising or analytics cookies.",
          {
            table: {
              head: ["Name", "What it is for", "How long"],
              rows: [
                ["authjs.session-token (on HTTPS: __Secure-authjs.session-token)", "Keeps you signed in. It holds a signed token with your account and session identifiers; scripts on the page cannot read it.", "Until you sign out, at most 30 days"],
                ["authjs.csrf-token, authjs.callback-url", "Protect the sign-in form and remember where to return after signing in.", "Until you close the browser"],
                ["xf-oauth-state", "Links a QQ, WeChat or Weibo sign-in to the browser that started it.", "10 minutes"],
                ["NEXT_LOCALE", "Remembers the language you chose (中文 or English).", "One year"],
                ["tz", "Your device's time zone, so that times are shown in your own zone.", "One year"],
                ["xuefu-cart (local storage, not a cookie)", "Your cart: the courses in it with the title and price last shown. It stays in your browser and is sent to us only when you check out or the cart page checks prices.", "Until you empty the cart or clear your browser's data"],
                ["Offline copies (service worker cache)", "Catalogue pages you visited, the cart page and the site's own files, so they open without a connection. No account or order pages are kept.", "Until replaced by newer versions or cleared"],
              ],
            },
          },
          "You can delete cookies and site data in your browser's settings at any time. Without the session cookie you cannot stay signed in; without the others, the site forgets your language and cart.",
        ],
      },
      {
        id: "sharing",
        title: "3. Who else sees your data",
        body: [
          "We do not sell personal information. We share it only as far as needed with:",
          {
            list: [
              "Alipay, WeChat Pay and UnionPay: the order number, the amount and a description of the order when you pay, and the same for a refund;",
              "the SMS and email services that deliver verification codes: your mobile number or email address and the message;",
              "QQ, WeChat and Weibo, when you choose to sign in with them;",
              "the companies that host our servers and databases, which process data only on our instructions;",
              "authorities, when the law requires it.",
            ],
          },
          "The leaderboards are public: they show the name on your account and your points. Other learners see nothing else about you.",
        ],
      },
      {
        id: "retention",
        title: "4. How long we keep it",
        body: [
          {
            list: [
              "Account, learning and sign-in data: while your account exists. When you close it, we delete or anonymise them within 30 days.",
              "Orders, payments, payment notifications and refunds: for as long as accounting and tax law require, even after an account is closed, then deleted.",
              "Sessions: until they expire or you sign out. Verification codes: 5 minutes. Rate-limit counters: minutes to an hour.",
              "Server logs: at most 30 days. The staff audit log: as long as needed to keep the service secure and accountable.",
            ],
          },
        ],
      },
      {
        id: "rights",
        title: "5. Your rights",
        body: [
          ["You can see and change your name and password and end sessions on ", { text: "Account settings", href: "/account" }, ", and see your orders on ", { text: "My orders", href: "/orders" }, "."],
          ["You may also ask us for a copy of your personal information, to correct or delete it, to withdraw a consent you gave, or to close your account. Write to ", mail, " from the email address or mobile number of the account; we answer within 15 working days. We may need to keep some records, as section 4 explains."],
        ],
      },
      {
        id: "security",
        title: "6. How we protect it",
        body: [
          "Connections to the site are encrypted (HTTPS). Passwords are stored as argon2id hashes. Session tokens are signed, and every session is registered on our servers, so signing out or disabling an account ends it everywhere at once. Repeated sign-in attempts are slowed down. Staff see only what their role requires, and their changes are recorded in the audit log.",
        ],
      },
      {
        id: "children",
        title: "7. Children",
        body: [
          "Xuefu is not meant for children under 14 on their own. A child under 14 may only use an account created or approved by a parent or guardian, who can exercise the rights in section 5 for them. If you believe we hold a child's data without such consent, please tell us and we will delete it.",
        ],
      },
      {
        id: "location",
        title: "8. Where your data is kept",
        body: ["We store and process personal information in mainland China and do not transfer it abroad."],
      },
      {
        id: "changes",
        title: "9. Changes to this policy",
        body: [
          "When we change this policy we publish the new version here with a new date, and for changes that matter to you we tell you on the site or by email before they take effect. Where the law requires your consent to a change, we ask for it.",
        ],
      },
      {
        id: "contact",
        title: "10. Contact",
        body: [["Questions or requests about your data: ", mail, ". See also the ", { text: "contact page", href: "/help/contact" }, "."]],
      },
    ],
  },

  "zh-CN": {
    intro: [
      "本政策说明您使用学府（Xuefu）时我们会保存您的哪些信息、为什么保存、保存多久、会提供给谁，以及您可以要求我们怎样处理这些信息。简单地说：我们只保存运行您的账户、向您出售课程和记录学习进度所需要的信息。我们不出售您的数据，也不使用任何广告或第三方跟踪。",
    ],
    sections: [
      {
        id: "what-we-store",
        title: "1. 我们保存什么，为什么",
        body: [
          {
            list: [
              "账户信息：您的名字、邮箱或手机号、以不可逆哈希（argon2id）形式保存的密码（我们无法读出）、使用的语言、账户创建时间、最近登录时间，以及您同意服务条款和本政策的时间。这些信息用于让您登录，以及就账户事宜与您联系。",
              "通过 QQ、微信或微博登录：平台提供的您的标识（微信提供时还包括 unionid），以及您同意分享的昵称和头像地址。这些信息只用于下次识别您。",
              "登录会话：每个登录了您账户的浏览器和每个 API 令牌的设备与浏览器信息（User-Agent）、IP 地址和开始时间。保存它们是为了让您登录一次即可使用，并让您能在账户设置中查看和结束会话；浏览器会话最长 30 天，API 令牌 1 小时，退出登录后立即失效。",
              "验证码：接收验证码的邮箱或手机号，以及在 5 分钟有效期内的验证码本身，用于确认该地址属于您。",
              "订单与支付：您订购的课程、价格、优惠和优惠券、订单状态、您选择的支付机构、每次支付尝试，以及支付机构发给我们的每一条支付通知（完整保存，并附签名校验结果）。支付通知包含支付机构的交易号、金额和时间，也可能包含支付机构自己的付款账户标识，但绝不包含银行卡号或银行密码。我们保存这些信息，用于交付您购买的课程、对账、退款和处理争议。",
              "退款：退款金额、课程、原因和结果。",
              "学习记录：您报名的课程、每个课时的学习进度（阅读或观看到哪里、是否完成）以及获得的积分。它们让您能从上次停下的地方继续学习，并用于生成排行榜。",
              "限时秒杀：您抢到的名额及其订单。抢购次数只按活动统计，不按个人统计。",
              "安全与运维：我们的服务器会为每个请求记录请求标识、访问的地址和出现的错误；访问频率限制会在短时间内按账户和 IP 地址计数；工作人员对账户、课程或订单的每一次修改都会连同操作人记录在审计日志中。",
            ],
          },
        ],
      },
      {
        id: "cookies",
        title: "2. Cookie 与浏览器中的存储",
        body: [
          "我们只使用网站正常运行所必需的 Cookie，不使用任何广告或统计分析 Cookie。",
          {
            table: {
              head: ["名称", "用途", "保存时间"],
              rows: [
                ["authjs.session-token（HTTPS 下为 __Secure-authjs.session-token）", "保持登录状态。其中是包含账户和会话标识的签名令牌，页面脚本无法读取。", "直到退出登录，最长 30 天"],
                ["authjs.csrf-token、authjs.callback-url", "保护登录表单，并记住登录后要返回的页面。", "关闭浏览器时清除"],
                ["xf-oauth-state", "把 QQ、微信或微博登录与发起登录的浏览器对应起来。", "10 分钟"],
                ["NEXT_LOCALE", "记住您选择的语言（中文或 English）。", "一年"],
                ["tz", "您设备的时区，用于按您所在的时区显示时间。", "一年"],
                ["xuefu-cart（本地存储，不是 Cookie）", "您的购物车：其中的课程及最近显示的标题和价格。它保存在您的浏览器中，只有在结算或购物车页面核对价格时才发送给我们。", "直到清空购物车或清除浏览器数据"],
                ["离线副本（Service Worker 缓存）", "您访问过的课程目录页面、购物车页面和网站自身的文件，以便没有网络时也能打开。不保存任何账户或订单页面。", "直到被新版本替换或被清除"],
              ],
            },
          },
          "您可以随时在浏览器设置中删除 Cookie 和网站数据。没有会话 Cookie 就无法保持登录；没有其他几项，网站会忘记您的语言和购物车。",
        ],
      },
      {
        id: "sharing",
        title: "3. 哪些人会看到您的数据",
        body: [
          "我们不出售个人信息，只在必要范围内与以下各方共享：",
          {
            list: [
              "支付宝、微信支付和银联：付款时提供订单号、金额和订单说明，退款时同样如此；",
              "发送验证码的短信和邮件服务：您的手机号或邮箱以及消息内容；",
              "QQ、微信和微博：在您选择用它们登录时；",
              "为我们托管服务器和数据库的公司，它们只按我们的指示处理数据；",
              "法律要求时的有关机关。",
            ],
          },
          "排行榜是公开的，会显示您账户上的名字和积分。其他学员看不到您的任何其他信息。",
        ],
      },
      {
        id: "retention",
        title: "4. 保存多久",
        body: [
          {
            list: [
              "账户、学习和登录相关数据：在账户存续期间保存。注销账户后，我们会在 30 天内删除或匿名化。",
              "订单、支付、支付通知和退款记录：按会计和税务法律要求的期限保存，即使账户已注销；期满后删除。",
              "登录会话：到期或退出登录为止。验证码：5 分钟。访问频率计数：几分钟到一小时。",
              "服务器日志：最多 30 天。工作人员审计日志：在保障服务安全和可追责所需的期限内保存。",
            ],
          },
        ],
      },
      {
        id: "rights",
        title: "5. 您的权利",
        body: [
          ["您可以在", { text: "账户设置", href: "/account" }, "中查看和修改名字与密码、结束登录会话，并在", { text: "我的订单", href: "/orders" }, "中查看订单。"],
          ["您也可以要求我们提供您个人信息的副本、更正或删除信息、撤回您给予的同意，或注销账户。请用账户绑定的邮箱或手机号写信至 ", mail, "，我们会在 15 个工作日内答复。如第 4 条所述，部分记录我们可能需要依法保留。"],
        ],
      },
      {
        id: "security",
        title: "6. 我们如何保护数据",
        body: [
          "与网站之间的连接经过加密（HTTPS）。密码以 argon2id 哈希保存。会话令牌经过签名，每个会话都在我们的服务器上登记，因此退出登录或停用账户会立即在所有地方生效。多次尝试登录会被限速。工作人员只能看到其角色所需的信息，他们的修改都记录在审计日志中。",
        ],
      },
      {
        id: "children",
        title: "7. 儿童",
        body: [
          "学府不面向单独使用的 14 周岁以下儿童。14 周岁以下的儿童只能使用由父母或监护人创建或同意的账户，监护人可以代为行使第 5 条所述的权利。如果您认为我们在未经这种同意的情况下保存了儿童的数据，请告诉我们，我们会将其删除。",
        ],
      },
      {
        id: "location",
        title: "8. 数据存放在哪里",
        body: ["我们在中国大陆境内存储和处理个人信息，不向境外传输。"],
      },
      {
        id: "changes",
        title: "9. 本政策的变更",
        body: [
          "本政策变更时，我们会在本页发布新版本并更新日期；对您有重要影响的变更，会在生效前通过网站或邮件通知您。法律要求就变更征得您同意的，我们会征求您的同意。",
        ],
      },
      {
        id: "contact",
        title: "10. 联系我们",
        body: [["关于您的数据的问题或请求，请写信至 ", mail, "。另请参阅", { text: "联系我们", href: "/help/contact" }, "页面。"]],
      },
    ],
  },
};
