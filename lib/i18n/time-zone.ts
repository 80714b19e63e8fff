// The reader's time zone. Every time a person sees is written in their own zone with the zone's label (the
// named formats in ./config.ts). The browser tells us its zone in the `tz` cookie (components/i18n/
// time-zone-sync.tsx writes it); lib/i18n/request.ts hands the validated zone to next-intl, so server and
// client components format alike. Pure and free of Node APIs: the browser uses the same checks.
import { timeZone as fallbackTimeZone } from "./config";

/** The cookie holding the browser's IANA zone name, e.g. `Europe/Berlin`. */
export const TIME_ZONE_COOKIE = "tz";
/** One year, in seconds. */
export const TIME_ZONE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

// Zone names are letters, digits and `_ + - /` (`Etc/GMT+5`, `America/Port-au-Prince`); anything else never
// reaches Intl. Offsets such as `+08:00` are refused: Node 20 does not accept them.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;
const known = new Map<string, string | null>();

/**
 * The canonical name of a zone Intl knows (`asia/shanghai` → `Asia/Shanghai`, `utc` → `UTC`), or null.
 * Intl.supportedValuesOf("timeZone") is no use here: Node 20's list lacks `UTC` and the browsers' aliases.
 */
export function validTimeZone(value: unknown): string | null {
  if (typeof value !== "string" || !ZONE_NAME.test(value)) return null;
  const cached = known.get(value);
  if (cached !== undefined) return cached;
  let zone: string | null;
  try {
    zone = new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    zone = null;
  }
  // A bounded memo: a cookie can hold anything, and names are few.
  if (known.size < 500) known.set(value, zone);
  return zone;
}

/** The zone to show times in for a raw cookie value: the cookie's zone when valid, China time otherwise. */
export function resolveTimeZone(value: unknown): string {
  return validTimeZone(value) ?? fallbackTimeZone;
}

/** The browser's own zone (client only), or null when the browser does not say or says something unknown. */
export function browserTimeZone(): string | null {
  try {
    return validTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  } catch {
    return null;
  }
}

const wallClock = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of an instant in a zone. */
function wallFields(at: number, zone: string): { y: number; mo: number; d: number; h: number; mi: number } {
  let format = wallClock.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    wallClock.set(zone, format);
  }
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(at)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return { y: parts.year!, mo: parts.month!, d: parts.day!, h: parts.hour!, mi: parts.minute! };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms (to the minute). */
function offsetAt(at: number, zone: string): number {
  const w = wallFields(at, zone);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi) - Math.floor(at / 60_000) * 60_000;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as a `datetime-local` value (`2026-11-21T21:55`) on the wall clock of `zone`. */
export function toZonedInput(at: Date, zone: string): string {
  const w = wallFields(at.getTime(), zone);
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant a `datetime-local` value names on the wall clock of `zone`, or null for a value that is not a
 * real date and time. A clock time a daylight-saving change repeats reads as the earlier instant; one it skips
 * reads as if the clock had not yet changed (02:30 on a spring-forward night is 03:30 after the change).
 */
export function fromZonedInput(value: string, zone: string): Date | null {
  const m = LOCAL_INPUT.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  // The zone's offsets a day either side cover any change near this time; keep those that land on the asked
  // wall clock, earliest first.
  const before = offsetAt(asUtc - 86_400_000, zone);
  const after = offsetAt(asUtc + 86_400_000, zone);
  const asked = Date.UTC(y, mo - 1, d, h, mi);
  const lands = (offset: number) => {
    const w = wallFields(asUtc - offset, zone);
    return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi) === asked;
  };
  const fits = [before, after].filter(lands).map((offset) => asUtc - offset);
  return new Date(fits.length > 0 ? Math.min(...fits) : asUtc - before);
}

/**
 * The short label of a zone at an instant, as the named formats write it after a time: `GMT+8`, `UTC`, `EST`.
 * For stating the zone beside inputs that are read in it.
 */
export function zoneLabel(zone: string, at: Date, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? zone;
  } catch {
    return zone;
  }
}
