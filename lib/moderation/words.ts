// The built-in sensitive-word list: spam, gambling and off-platform trading that course sites see most,
// in Chinese and English. Admins extend it (and the live chat and reviews screen against both); this list
// only keeps a fresh install from being defenceless.
export const defaultSensitiveWords: readonly string[] = [
  // Off-platform trading and spam
  "加微信",
  "加qq",
  "私聊领取",
  "代写",
  "代考",
  "刷单",
  "代开发票",
  "免费领取资料",
  "whatsapp me",
  "dm me for",
  "free followers",
  // Gambling and fraud
  "赌博",
  "博彩",
  "网赌",
  "时时彩",
  "casino",
  "online betting",
  "crypto doubling",
  // Abuse
  "傻逼",
  "去死",
  "fuck you",
  "kill yourself",
];
