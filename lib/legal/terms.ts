// Xuefu's terms of service, in Chinese and English (see types.ts for why the text lives here). The two versions
// say the same thing; change both, and `updated`, together.
import { SUPPORT_EMAIL, type VersionedDocument } from "./types";

const mail = { text: SUPPORT_EMAIL, href: `mailto:${SUPPORT_EMAIL}` };

export const termsOfService: VersionedDocument = {
  updated: "2026-12-05",

  en: {
    intro: [
      "These terms are the agreement between you and Xuefu (学府) when you use the website, its apps and its API. We have tried to write them plainly. By creating an account you confirm that you have read and agree to them and to our privacy policy.",
      ["How we handle your personal information is described in the ", { text: "Privacy Policy", href: "/privacy" }, ", which is part of these terms."],
    ],
    sections: [
      {
        id: "service",
        title: "1. What Xuefu is",
        body: [
          "Xuefu is an online-course store and learning site. You can browse and search the catalogue, buy courses, take part in flash sales, study lessons, track your progress and earn points on the leaderboards. Some courses and preview lessons are free; the rest are sold individually.",
          "Courses are made by the teachers named on each course page. Xuefu sells them, hosts them and supports you while you learn.",
        ],
      },
      {
        id: "account",
        title: "2. Your account",
        body: [
          {
            list: [
              "You sign up with an email address or a Chinese mobile number that you control, or with QQ, WeChat or Weibo. Give a name that is yours or a nickname that does not impersonate anyone.",
              "An account is for one person. Keep your password and verification codes to yourself; you are responsible for what is done with your account until you tell us it was misused.",
              "If you are under 18, use Xuefu with the consent of a parent or guardian. Children under 14 may only have an account created or approved by a parent or guardian.",
              ["You can see where your account is signed in, end any session and sign out everywhere on ", { text: "Account settings", href: "/account" }, "."],
            ],
          },
        ],
      },
      {
        id: "buying",
        title: "3. Buying courses",
        body: [
          {
            list: [
              "Prices are in Chinese yuan (CNY) and include any taxes. The price you pay is the one shown when you place the order: if a price or discount changed since you added a course to your cart, we show you the new total before you pay.",
              "You pay through Alipay, WeChat Pay or UnionPay, under their own terms. We never see your card number or bank password.",
              "An order must be paid within 30 minutes; after that it closes and nothing is charged. A course is yours as soon as its payment is confirmed.",
              "One coupon can be used per order. Coupons have no cash value, cannot be exchanged and may be limited in time, in number of uses or to certain courses.",
              "Courses that show a member price are sold at that price to accounts with an active membership.",
              "We may refuse or cancel an order placed at an obviously wrong price or through abuse of the site; any payment taken for it is refunded in full.",
            ],
          },
        ],
      },
      {
        id: "flash-sales",
        title: "4. Flash sales",
        body: [
          {
            list: [
              "A flash sale offers a limited number of seats in a course at a special price during a set time. Seats are given in the order requests reach us, one per person per sale. Our server's clock decides when a sale starts and ends.",
              "A seat you win must be paid within 15 minutes; otherwise it is released to other learners.",
              "Using scripts, several accounts or other tricks to get seats is not allowed. We may cancel seats obtained that way and refund what was paid for them.",
            ],
          },
        ],
      },
      {
        id: "using-courses",
        title: "5. Using the courses you buy",
        body: [
          "Buying a course gives you a personal, non-transferable right to study it through your Xuefu account, with no time limit while Xuefu operates and unless the course is refunded. You may not:",
          {
            list: [
              "share your account or the course with others, or resell access;",
              "download, copy, record or republish lessons, except for what a feature of the site offers you;",
              "use course material to teach or train others commercially without the rights holder's permission.",
            ],
          },
          "Teachers may update and improve a course; you always get its current version. If we ever have to withdraw a course you bought, we will either keep it available to you or refund it.",
        ],
      },
      {
        id: "refunds",
        title: "6. Refunds",
        body: [
          {
            list: [
              ["If a course is not what you expected, ask for a refund within 7 days of buying it: write to ", mail, " with the order number, which you find on ", { text: "My orders", href: "/orders" }, "."],
              "A refund goes back the way you paid. The order shows Refunding while the payment provider processes it and Refunded when it is done. A course refunded in full leaves My courses.",
              "One course of an order with several can be refunded on its own.",
              "A payment that reaches us for an order that was already closed (for example after the time to pay ran out) is refunded in full automatically.",
              "Nothing in these terms limits the rights you have as a consumer under the law.",
            ],
          },
        ],
      },
      {
        id: "conduct",
        title: "7. Acceptable use",
        body: [
          "Please use Xuefu the way it is meant to be used. In particular, do not:",
          {
            list: [
              "break the law, or post or send anything unlawful, hateful or infringing;",
              "try to get into accounts, data or systems that are not yours, or test our security without our written permission;",
              "overload the site, get round rate limits, or collect its content or other people's data with automated tools (our public API is there for reasonable use);",
              "interfere with payments, coupons or flash sales, for example with fake or duplicate accounts.",
            ],
          },
        ],
      },
      {
        id: "content",
        title: "8. Intellectual property",
        body: [
          "Courses, their videos, texts and code belong to their teachers or to Xuefu and are protected by copyright. The Xuefu name and logo are ours. These terms give you no rights in them beyond what section 5 describes.",
        ],
      },
      {
        id: "availability",
        title: "9. Availability and changes to the service",
        body: [
          "We work to keep Xuefu available and your data safe, but we cannot promise that the site will always be available or free of errors. We may change, add or remove features. If we plan to close the whole service, we will tell you at least 30 days in advance and refund courses you can no longer use as the law requires.",
        ],
      },
      {
        id: "liability",
        title: "10. Liability",
        body: [
          "To the extent the law allows, Xuefu is not liable for indirect losses, and our total liability to you for any claim is limited to what you paid us in the 12 months before it. Nothing in these terms excludes liability that cannot be excluded by law, including for intent or gross negligence.",
        ],
      },
      {
        id: "termination",
        title: "11. Suspending and closing accounts",
        body: [
          ["You may stop using Xuefu at any time and ask us to close your account by writing to ", mail, " from the email address or mobile number of the account."],
          "We may suspend or close an account that seriously or repeatedly breaks these terms. Unless the law or an investigation prevents it, we will tell you why, and you keep the right to ask for a refund of courses you paid for and could not use because of a closure that was not your fault.",
        ],
      },
      {
        id: "changes",
        title: "12. Changes to these terms",
        body: [
          "When we change these terms we publish the new version here with a new date. For changes that matter to you, we tell you on the site or by email before they take effect. If you do not agree, you can stop using Xuefu and close your account; courses you already bought stay available under the terms in force when you bought them.",
        ],
      },
      {
        id: "law",
        title: "13. Law and disputes",
        body: [
          "These terms are governed by the laws of the People's Republic of China (for the purpose of these terms, mainland China). If a dispute arises, please write to us first: most problems can be solved quickly. If we cannot agree, either side may bring the dispute before the competent people's court.",
        ],
      },
      {
        id: "contact",
        title: "14. Contact",
        body: [["Questions about these terms: ", mail, ". Hours and what to include are on the ", { text: "contact page", href: "/help/contact" }, "."]],
      },
    ],
  },

  "zh-CN": {
    intro: [
      "本条款是您在使用学府（Xuefu）网站、应用和 API 时与学府之间的协议。我们尽量用平实的语言来写。创建账户即表示您已阅读并同意本条款和我们的隐私政策。",
      ["我们如何处理您的个人信息，请见", { text: "《隐私政策》", href: "/privacy" }, "，它是本条款的一部分。"],
    ],
    sections: [
      {
        id: "service",
        title: "1. 学府是什么",
        body: [
          "学府是一个在线课程商店和学习网站。您可以浏览和搜索课程、购买课程、参加限时秒杀、学习课时、查看学习进度，并在排行榜上赚取积分。部分课程和试看课时免费，其余课程单独出售。",
          "课程由各课程页面上署名的老师制作。学府负责销售和托管课程，并在您学习期间提供支持。",
        ],
      },
      {
        id: "account",
        title: "2. 您的账户",
        body: [
          {
            list: [
              "您可以使用自己的邮箱或中国大陆手机号注册，也可以使用 QQ、微信或微博登录。请使用您本人的名字，或不冒充他人的昵称。",
              "一个账户只供一个人使用。请妥善保管密码和验证码；在您告知我们账户被盗用之前，账户中发生的操作由您负责。",
              "未满 18 周岁的用户，请在父母或其他监护人同意后使用学府。未满 14 周岁的儿童，只能使用由父母或监护人创建或同意的账户。",
              ["您可以在", { text: "账户设置", href: "/account" }, "中查看账户在哪些设备上登录、结束任一会话或一键退出所有设备。"],
            ],
          },
        ],
      },
      {
        id: "buying",
        title: "3. 购买课程",
        body: [
          {
            list: [
              "价格以人民币计，已包含相关税费。您支付的价格以下单时显示的为准：如果加入购物车后价格或优惠发生变化，我们会在付款前显示新的金额。",
              "您通过支付宝、微信支付或银联付款，并受它们各自条款的约束。我们不会获取您的银行卡号或银行密码。",
              "订单须在 30 分钟内支付，超时后订单自动关闭，不会扣款。支付确认后课程即归您使用。",
              "每个订单限用一张优惠券。优惠券不能兑现、不能转换，并可能有时间、使用次数或适用课程的限制。",
              "标有会员价的课程，对拥有有效会员资格的账户按会员价出售。",
              "对于价格明显错误或通过滥用网站而下的订单，我们可以拒绝或取消，已收取的款项将全额退还。",
            ],
          },
        ],
      },
      {
        id: "flash-sales",
        title: "4. 限时秒杀",
        body: [
          {
            list: [
              "限时秒杀在规定时间内以特价提供数量有限的课程名额。名额按请求到达我们的先后分配，每人每场限一个。活动的开始和结束时间以我们服务器的时钟为准。",
              "抢到的名额须在 15 分钟内支付，否则名额会释放给其他学员。",
              "禁止使用脚本、多个账户或其他手段抢占名额。对以此类方式获得的名额，我们可以取消并退还已支付的款项。",
            ],
          },
        ],
      },
      {
        id: "using-courses",
        title: "5. 如何使用购买的课程",
        body: [
          "购买课程后，您获得通过自己的学府账户学习该课程的个人、不可转让的权利；在学府运营期间且课程未退款的情况下，没有时间限制。您不得：",
          {
            list: [
              "与他人共享账户或课程，或转售学习权限；",
              "下载、复制、录制或重新发布课时内容，网站功能本身提供的除外；",
              "未经权利人许可，将课程资料用于商业教学或培训。",
            ],
          },
          "老师可能会更新和完善课程，您看到的始终是最新版本。如果我们不得不下架您已购买的课程，我们会继续为您保留学习权限，或者为您退款。",
        ],
      },
      {
        id: "refunds",
        title: "6. 退款",
        body: [
          {
            list: [
              ["如果课程与您的预期不符，请在购买后 7 天内申请退款：写信至 ", mail, "，并注明订单号（可在", { text: "我的订单", href: "/orders" }, "中找到）。"],
              "退款按原支付渠道退回。支付机构处理期间订单显示“退款中”，完成后显示“已退款”。全额退款的课程会从“我的课程”中移除。",
              "一个订单中有多门课程时，可以只退其中一门。",
              "如果订单已经关闭（例如超过了支付时限）后我们才收到付款，该款项会自动全额退还。",
              "本条款不限制您作为消费者依法享有的任何权利。",
            ],
          },
        ],
      },
      {
        id: "conduct",
        title: "7. 使用规范",
        body: [
          "请按学府的本来用途使用网站。特别是，请不要：",
          {
            list: [
              "违反法律，或发布、发送违法、仇恨或侵权的内容；",
              "试图进入不属于您的账户、数据或系统，或未经我们书面许可测试我们的安全性；",
              "使网站过载、绕过访问频率限制，或用自动化工具抓取网站内容或他人数据（公开 API 供合理使用）；",
              "干扰支付、优惠券或限时秒杀，例如使用虚假账户或重复账户。",
            ],
          },
        ],
      },
      {
        id: "content",
        title: "8. 知识产权",
        body: [
          "课程及其视频、文字和代码归老师或学府所有，受著作权法保护。学府的名称和标志归我们所有。除第 5 条所述外，本条款不授予您任何其他权利。",
        ],
      },
      {
        id: "availability",
        title: "9. 服务的可用性与变更",
        body: [
          "我们努力保持学府稳定可用、保护您的数据安全，但不能保证网站始终可用或没有错误。我们可能会修改、增加或移除功能。如果计划关闭整个服务，我们会至少提前 30 天通知您，并依法为无法继续使用的课程退款。",
        ],
      },
      {
        id: "liability",
        title: "10. 责任",
        body: [
          "在法律允许的范围内，学府不对间接损失承担责任；对任何索赔，我们对您承担的责任总额以索赔前 12 个月内您向我们支付的金额为限。本条款不排除依法不能排除的责任，包括故意或重大过失的责任。",
        ],
      },
      {
        id: "termination",
        title: "11. 暂停与注销账户",
        body: [
          ["您可以随时停止使用学府，并用账户绑定的邮箱或手机号写信至 ", mail, " 要求注销账户。"],
          "对严重或多次违反本条款的账户，我们可以暂停或注销。除非法律或调查不允许，我们会告诉您原因；如果账户被注销并非您的过错，您仍有权就已付款但无法使用的课程申请退款。",
        ],
      },
      {
        id: "changes",
        title: "12. 条款的变更",
        body: [
          "条款变更时，我们会在本页发布新版本并更新日期。对您有重要影响的变更，我们会在生效前通过网站或邮件通知您。如果您不同意，可以停止使用学府并注销账户；已购买的课程仍按购买时有效的条款提供。",
        ],
      },
      {
        id: "law",
        title: "13. 法律适用与争议解决",
        body: [
          "本条款适用中华人民共和国法律（为本条款之目的，指中国大陆地区法律）。发生争议时，请先写信给我们，大多数问题都能很快解决；协商不成的，任何一方均可向有管辖权的人民法院提起诉讼。",
        ],
      },
      {
        id: "contact",
        title: "14. 联系我们",
        body: [["对本条款有疑问，请写信至 ", mail, "。服务时间和写信须知请见", { text: "联系我们", href: "/help/contact" }, "页面。"]],
      },
    ],
  },
};
