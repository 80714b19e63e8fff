// The UI languages, and how times are written. The locale lives in a cookie, not in the URL, so every page has
// one address in both languages; the cookie is read in lib/i18n/request.ts and written by the setLocale action.
import type { Formats } from "next-intl";

export const locales = ["zh-CN", "en"] as const;
export type AppLocale = (typeof locales)[number];

export const defaultLocale: AppLocale = "zh-CN";

/** The cookie next-intl's own routing would use, so a later switch to next-intl middleware keeps preferences. */
export const localeCookieName = "NEXT_LOCALE";

/** One year, in seconds. */
export const localeCookieMaxAge = 60 * 60 * 24 * 365;

/**
 * The time zone a person's times are shown in when their browser has not told us theirs yet (the `tz` cookie,
 * lib/i18n/time-zone.ts): the business and most learners are in China. Times always carry the zone's label, so
 * a fallback never passes for the reader's own clock.
 */
export const timeZone = "Asia/Shanghai";

/**
 * The named formats every time on the site is written with (server: getFormatter, client: useFormatter), so
 * the same instant reads the same on every page, in the reader's zone, with the zone written out:
 * "2026年11月21日 GMT+8 21:55" / "Nov 21, 2026, 13:55 UTC". Twenty-four-hour clock in both languages.
 * (dateStyle/timeStyle cannot be combined with timeZoneName, hence the separate fields.)
 */
export const formats = {
  dateTime: {
    /** A moment people act on: deadlines, sale windows, when an order was placed or paid. */
    zoned: { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" },
    /** The same with seconds, for the admin's records of payments, notifications and refunds. */
    zonedSeconds: { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZoneName: "short" },
  },
} satisfies Formats;

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The locale to use for a raw cookie value: the value when it names a supported locale, the default otherwise. */
export function resolveLocale(value: unknown): AppLocale {
  return isLocale(value) ? value : defaultLocale;
}
