"use client";
// A date shown in the reader's own time zone, written by the browser. The course page is cached once for every
// zone (lib/page-cache), so its HTML holds no date or time at all: the server renders an empty placeholder and
// the browser fills it in after hydration.
import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

export function LocalDate({ iso, locale, className }: { iso: string; locale: string; className?: string }) {
  const text = useSyncExternalStore(
    subscribe,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso)),
    () => null,
  );
  return text ? (
    <time className={className} dateTime={iso}>
      {text}
    </time>
  ) : (
    <span className={className} data-local-date={iso} />
  );
}
