// next-intl's per-request configuration (wired up in next.config.js): the locale from the NEXT_LOCALE cookie,
// falling back to Chinese, that locale's messages, and the reader's time zone from the `tz` cookie the browser
// sets (lib/i18n/time-zone.ts), falling back to China time. Server components (getFormatter) and client
// components (useFormatter, through NextIntlClientProvider) then write every time in that zone, with the
// named formats of ./config.ts.
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { formats, localeCookieName, resolveLocale } from "./config";
import { resolveTimeZone, TIME_ZONE_COOKIE } from "./time-zone";

export default getRequestConfig(async () => {
  const jar = await cookies();
  const locale = resolveLocale(jar.get(localeCookieName)?.value);
  return {
    locale,
    timeZone: resolveTimeZone(jar.get(TIME_ZONE_COOKIE)?.value),
    formats,
    messages: (await import(`./messages/${locale}.json`)).default,
  };
});
