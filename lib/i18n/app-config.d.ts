// Types next-intl checks message keys and locales against: the Chinese messages are the reference set
// (messages.test.ts keeps the English file in step).
import type { AppLocale, formats } from "./config";
import type messages from "./messages/zh-CN.json";

declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof messages;
    Formats: typeof formats;
  }
}
