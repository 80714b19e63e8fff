// The texts of the notifications we send, in both UI languages. SMS gateways in China only deliver templates
// registered with them beforehand, so change these wordings together with the gateway's registered templates.
import type { AppLocale } from "@/lib/i18n/config";
import type { Message } from "./message";

/**
 * What a verification code is for: the codes of lib/auth. Named here, not imported, so that notify needs
 * nothing from auth; a purpose auth adds without a template here does not compile where the code is sent.
 */
export type CodeMessagePurpose = "sign_up" | "sign_in" | "reset_password";

interface CodeTemplate {
  subject: string;
  text: (code: string, minutes: number) => string;
}

const codeTemplates: Record<AppLocale, Record<CodeMessagePurpose, CodeTemplate>> = {
  "zh-CN": {
    sign_up: {
      subject: "【学府】注册验证码",
      text: (code, minutes) => `【学府】您的验证码是 ${code}，用于注册学府账号，${minutes} 分钟内有效。如非本人操作请忽略。`,
    },
    reset_password: {
      subject: "【学府】重置密码验证码",
      text: (code, minutes) => `【学府】您的验证码是 ${code}，用于重置密码，${minutes} 分钟内有效。请勿告诉他人；如非本人操作请忽略。`,
    },
    sign_in: {
      subject: "【学府】登录验证码",
      text: (code, minutes) => `【学府】您的验证码是 ${code}，用于登录学府账号，${minutes} 分钟内有效。请勿告诉他人；如非本人操作，说明有人知道您的密码，请立即修改密码。`,
    },
  },
  en: {
    sign_up: {
      subject: "Your Xuefu sign-up code",
      text: (code, minutes) =>
        `[Xuefu] Your verification code is ${code}. Use it to create your Xuefu account; it expires in ${minutes} minutes. If you did not ask for it, ignore this message.`,
    },
    reset_password: {
      subject: "Your Xuefu password reset code",
      text: (code, minutes) =>
        `[Xuefu] Your verification code is ${code}. Use it to reset your password; it expires in ${minutes} minutes. Never share it. If you did not ask for it, ignore this message.`,
    },
    sign_in: {
      subject: "Your Xuefu sign-in code",
      text: (code, minutes) =>
        `[Xuefu] Your verification code is ${code}. Use it to sign in to Xuefu; it expires in ${minutes} minutes. Never share it. If you are not signing in, someone knows your password: change it now.`,
    },
  },
};

export function verificationCodeMessage(input: {
  purpose: CodeMessagePurpose;
  channel: Message["channel"];
  to: string;
  code: string;
  minutes: number;
  locale: AppLocale;
}): Message {
  const template = codeTemplates[input.locale][input.purpose];
  return { channel: input.channel, to: input.to, subject: template.subject, text: template.text(input.code, input.minutes) };
}

const CHINA_TIME = "Asia/Shanghai";

/** The reminder that a membership ends soon (7 days and 1 day before); the end is written in China time. */
export function membershipReminderMessage(input: { channel: Message["channel"]; to: string; locale: AppLocale; endsAt: Date; daysLeft: 1 | 7 }): Message {
  const end = new Intl.DateTimeFormat(input.locale, { timeZone: CHINA_TIME, year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(input.endsAt);
  if (input.locale === "zh-CN") {
    const when = input.daysLeft === 1 ? "明天" : "7 天后";
    return {
      channel: input.channel,
      to: input.to,
      subject: `【学府】您的会员将于${when}到期`,
      text: `【学府】您的会员将于 ${end}（北京时间）到期。到期后会员价和会员课程将不再可用；如需继续，请在“会员”页续费，续费从当前到期时间起延长。`,
    };
  }
  const when = input.daysLeft === 1 ? "tomorrow" : "in 7 days";
  return {
    channel: input.channel,
    to: input.to,
    subject: `Your Xuefu membership ends ${when}`,
    text: `[Xuefu] Your membership ends on ${end} (China time). After that, member prices and the courses included in membership close. To keep them, renew on the Membership page: a renewal extends from your current end date.`,
  };
}

const yuan = (fen: number) => (fen / 100).toFixed(2);
const chinaTime = (iso: string, locale: AppLocale) =>
  new Intl.DateTimeFormat(locale, { timeZone: CHINA_TIME, month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso));

type Texts = { subject: string; text: string };

/**
 * The email/SMS text of a notification-centre kind (lib/notifications/kinds.ts), or null for a kind that is
 * only ever shown in the site. `data` has been validated against the kind's schema by the caller.
 */
export function notificationMessage(kind: string, data: Record<string, unknown>, input: { channel: Message["channel"]; to: string; locale: AppLocale }): Message | null {
  const zh = input.locale === "zh-CN";
  const str = (name: string) => String(data[name] ?? "");
  const num = (name: string) => Number(data[name] ?? 0);
  let texts: Texts | null = null;
  switch (kind) {
    case "order.paid":
      texts = zh
        ? { subject: "【学府】订单已支付", text: `【学府】订单 ${str("orderNo")} 已支付（¥${yuan(num("totalFen"))}），课程已开通，祝学习愉快。` }
        : { subject: "Your Xuefu order is paid", text: `[Xuefu] Order ${str("orderNo")} is paid (¥${yuan(num("totalFen"))}). Your courses are open: enjoy learning.` };
      break;
    case "order.refunded":
      texts = zh
        ? { subject: "【学府】退款已完成", text: `【学府】订单 ${str("orderNo")} 的退款 ¥${yuan(num("amountFen"))} 已完成，将原路退回。` }
        : { subject: "Your Xuefu refund is done", text: `[Xuefu] The refund of ¥${yuan(num("amountFen"))} for order ${str("orderNo")} is done; it goes back the way you paid.` };
      break;
    case "membership.ending": {
      const daysLeft = num("daysLeft") === 1 ? 1 : 7;
      return membershipReminderMessage({ channel: input.channel, to: input.to, locale: input.locale, endsAt: new Date(str("endsAt")), daysLeft });
    }
    case "seckill.won":
      texts = zh
        ? { subject: "【学府】秒杀成功，请尽快支付", text: `【学府】恭喜抢到名额！订单 ${str("orderNo")}（¥${yuan(num("totalFen"))}）请在 ${chinaTime(str("payBefore"), input.locale)}（北京时间）前支付，逾期名额将释放。` }
        : { subject: "You won a Xuefu flash-sale seat", text: `[Xuefu] You won a seat! Pay order ${str("orderNo")} (¥${yuan(num("totalFen"))}) before ${chinaTime(str("payBefore"), input.locale)} (China time), or the seat goes back.` };
      break;
    case "order.pay-reminder":
      texts = zh
        ? { subject: "【学府】订单即将关闭", text: `【学府】订单 ${str("orderNo")}（¥${yuan(num("totalFen"))}）将于 ${chinaTime(str("payBefore"), input.locale)}（北京时间）关闭，请尽快支付。` }
        : { subject: "Your Xuefu order closes soon", text: `[Xuefu] Order ${str("orderNo")} (¥${yuan(num("totalFen"))}) closes at ${chinaTime(str("payBefore"), input.locale)} (China time). Pay now to keep it.` };
      break;
    case "course.updated":
      texts = zh
        ? { subject: `【学府】${str("title")} 更新了`, text: `【学府】您关注的课程《${str("title")}》新增了 ${num("newLessons")} 节课。` }
        : { subject: `${str("title")} has new lessons`, text: `[Xuefu] ${str("title")}, a course you follow, has ${num("newLessons")} new lesson(s).` };
      break;
    case "review.replied":
      texts = zh
        ? { subject: "【学府】老师回复了您的评价", text: `【学府】《${str("courseTitle")}》的老师回复了您的评价。` }
        : { subject: "The teacher replied to your review", text: `[Xuefu] The teacher of ${str("courseTitle")} replied to your review.` };
      break;
    case "qa.answered":
      texts = zh
        ? { subject: "【学府】您的提问有了回答", text: `【学府】${str("by")} 回答了您在课时中的提问。` }
        : { subject: "Your question has an answer", text: `[Xuefu] ${str("by")} answered your question under a lesson.` };
      break;
    case "qa.mentioned":
      texts = zh
        ? { subject: "【学府】有人提到了您", text: `【学府】${str("by")} 在课时问答中提到了您。` }
        : { subject: "You were mentioned", text: `[Xuefu] ${str("by")} mentioned you in a lesson's questions.` };
      break;
    case "live.starting":
      texts = zh
        ? { subject: `【学府】直播即将开始：${str("lessonTitle")}`, text: `【学府】《${str("courseTitle")}》的直播课「${str("lessonTitle")}」将于 ${chinaTime(str("startsAt"), input.locale)}（北京时间）开始。` }
        : { subject: `Live soon: ${str("lessonTitle")}`, text: `[Xuefu] The live class "${str("lessonTitle")}" of ${str("courseTitle")} starts at ${chinaTime(str("startsAt"), input.locale)} (China time).` };
      break;
  }
  return texts ? { channel: input.channel, to: input.to, ...texts } : null;
}
