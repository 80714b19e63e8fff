// The admin dashboard's date range, read from the URL (?from=YYYY-MM-DD&to=YYYY-MM-DD, UTC days, both
// included). Missing or unusable values fall back to the last 30 days; a range is at most 366 days.
import { z } from "zod";

export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));

export interface DateRange {
  from: string;
  to: string;
  /** First instant included and first instant after the range. */
  start: Date;
  end: Date;
  /** Every day of the range, in order. */
  days: string[];
  /** True when the URL asked for something unusable and the default was used instead. */
  corrected: boolean;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function parseRange(raw: { from?: unknown; to?: unknown }, now: Date = new Date()): DateRange {
  const today = iso(now);
  const fallbackFrom = iso(new Date(Date.parse(`${today}T00:00:00Z`) - (DEFAULT_DAYS - 1) * DAY_MS));
  const from = dateSchema.safeParse(raw.from);
  const to = dateSchema.safeParse(raw.to);
  let f = from.success ? from.data : fallbackFrom;
  let t = to.success ? to.data : today;
  let corrected = (raw.from !== undefined && !from.success) || (raw.to !== undefined && !to.success);
  const span = (Date.parse(t) - Date.parse(f)) / DAY_MS + 1;
  if (span < 1 || span > MAX_DAYS) {
    f = fallbackFrom;
    t = today;
    corrected = true;
  }
  const start = new Date(`${f}T00:00:00Z`);
  const end = new Date(Date.parse(`${t}T00:00:00Z`) + DAY_MS);
  const days: string[] = [];
  for (let d = start.getTime(); d < end.getTime(); d += DAY_MS) days.push(iso(new Date(d)));
  return { from: f, to: t, start, end, days, corrected };
}
