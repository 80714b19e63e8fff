// The UI languages. The locale lives in a cookie, not in the URL, so every page has one address in both
// languages; the cookie is read in lib/i18n/request.ts and written by the setLocale action.

export const locales = ["zh-CN", "en"] as const;
export type AppLocale = (typeof locales)[number];

export const defaultLocale: AppLocale = "zh-CN";

/** The cookie next-intl's own routing would use, so a later switch to next-intl middleware keeps preferences. */
export const localeCookieName = "NEXT_LOCALE";

/** One year, in seconds. */
export const localeCookieMaxAge = 60 * 60 * 24 * 365;

/** The time zone dates are shown in; the business and most learners are in China. */
export const timeZone = "Asia/Shanghai";

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The locale to use for a raw cookie value: the value when it names a supported locale, the default otherwise. */
export function resolveLocale(value: unknown): AppLocale {
  return isLocale(value) ? value : defaultLocale;
}
