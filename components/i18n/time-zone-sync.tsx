"use client";
// Tells the server the browser's time zone, and makes the client components write times in it.
//
// The server renders times in the zone of the `tz` cookie (lib/i18n/request.ts), China time without one. On
// mount this writes the browser's zone into the cookie when it is missing or different, and when the page was
// rendered in another zone, asks for it again once (router.refresh()), so a first visit from abroad reads its
// own clock after a moment. The provider below also switches the client components to the browser's zone at
// once: the root layout is not rendered again on client navigation, and the full-page cache serves catalogue
// pages rendered without any cookie, so the zone the layout was rendered with can be stale.
import { useRouter } from "next/navigation";
import { NextIntlClientProvider, useLocale, useMessages, useTimeZone } from "next-intl";
import { useEffect, useSyncExternalStore, type ReactNode } from "react";
import { formats } from "@/lib/i18n/config";
import { browserTimeZone, TIME_ZONE_COOKIE, TIME_ZONE_COOKIE_MAX_AGE } from "@/lib/i18n/time-zone";

const noSubscription = () => () => undefined;

function cookieZone(): string | undefined {
  const prefix = `${TIME_ZONE_COOKIE}=`;
  return document.cookie
    .split("; ")
    .find((c) => c.startsWith(prefix))
    ?.slice(prefix.length);
}

export function TimeZoneSync({ children }: { children: ReactNode }) {
  const rendered = useTimeZone();
  const locale = useLocale();
  const messages = useMessages();
  const router = useRouter();
  // Null on the server and while hydrating, so the first client render matches the server's HTML.
  const browser = useSyncExternalStore(noSubscription, browserTimeZone, () => null);

  useEffect(() => {
    const zone = browserTimeZone();
    if (!zone || cookieZone() === zone) return;
    const secure = window.location.protocol === "https:" ? "; secure" : "";
    document.cookie = `${TIME_ZONE_COOKIE}=${zone}; path=/; max-age=${TIME_ZONE_COOKIE_MAX_AGE}; samesite=lax${secure}`;
    // Only when the cookie changed: a page from the full-page cache was rendered without the cookie, and
    // refreshing every such page would undo the cache for everyone outside China.
    if (zone === rendered) return;
    // Once the page has settled: a refresh while the page is still hydrating (its streamed metadata in
    // particular) leaves a second <title> and set of <meta> tags in <head> with Next.js 16.4.
    let cancelled = false;
    const idle = (run: () => void) => (typeof window.requestIdleCallback === "function" ? window.requestIdleCallback(run, { timeout: 2000 }) : window.setTimeout(run, 200));
    const refresh = () => idle(() => !cancelled && router.refresh());
    if (document.readyState === "complete") refresh();
    else window.addEventListener("load", refresh, { once: true });
    return () => {
      cancelled = true;
      window.removeEventListener("load", refresh);
    };
    // Once per page load: a refresh re-renders the layout with the new zone, which needs no second look.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <NextIntlClientProvider locale={locale} messages={messages} formats={formats} timeZone={browser ?? rendered}>
      {children}
    </NextIntlClientProvider>
  );
}
