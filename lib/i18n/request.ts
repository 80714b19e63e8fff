// next-intl's per-request configuration (wired up in next.config.js): the locale from the NEXT_LOCALE cookie,
// falling back to Chinese, and that locale's messages.
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { localeCookieName, resolveLocale, timeZone } from "./config";

export default getRequestConfig(async () => {
  const locale = resolveLocale((await cookies()).get(localeCookieName)?.value);
  return {
    locale,
    timeZone,
    messages: (await import(`./messages/${locale}.json`)).default,
  };
});
