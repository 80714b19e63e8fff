// Display helpers for catalogue numbers: money in fen, ratings and durations. Pure, so server and client
// format alike.

// Building an Intl.NumberFormat costs far more than using one, and a course list formats dozens of prices:
// keep one per locale and style (two locales, two styles: the map stays tiny).
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, kind: "price" | "rating"): Intl.NumberFormat {
  const id = `${kind}|${locale}`;
  let f = formatters.get(id);
  if (!f) {
    f =
      kind === "price"
        ? new Intl.NumberFormat(locale, { style: "currency", currency: "CNY", trailingZeroDisplay: "stripIfInteger" })
        : new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    formatters.set(id, f);
  }
  return f;
}

/** A price in fen as CNY in the reader's locale, e.g. "¥199" or "¥19.90" (zh-CN), "CN¥199" (en). */
export function formatFen(fen: number, locale: string): string {
  return formatter(locale, "price").format(fen / 100);
}

/** The average of a rating sum over its count, to one decimal; null when nobody has rated yet. */
export function averageRating(sum: number, count: number): number | null {
  if (!Number.isFinite(sum) || !Number.isFinite(count) || count <= 0) return null;
  return Math.round((sum / count) * 10) / 10;
}

/** A rating with exactly one decimal, e.g. "4.0". */
export function formatRating(rating: number, locale: string): string {
  return formatter(locale, "rating").format(rating);
}

export type DurationStyle = "short" | "long";

/**
 * A duration as hours and minutes, the one way the catalogue writes lengths (course totals, chapters, lessons,
 * cards): "1 小时 25 分钟" / "1 h 25 min", or in English with `long` (for screen readers) "1 hour 25 minutes".
 * Rounded to the minute; anything above zero is at least a minute, so a 40-second lesson never reads "0 min".
 * Written out here rather than with Intl.DurationFormat, which Node 20 (our minimum) does not have.
 */
export function formatDuration(seconds: number, locale: string, style: DurationStyle = "short"): string {
  const s = Number.isFinite(seconds) ? Math.max(0, seconds) : 0;
  const total = s > 0 ? Math.max(1, Math.round(s / 60)) : 0;
  const h = Math.floor(total / 60);
  const m = total % 60;
  const parts: string[] = [];
  if (locale.startsWith("zh")) {
    if (h > 0) parts.push(`${h} 小时`);
    if (m > 0 || h === 0) parts.push(`${m} 分钟`);
    return parts.join(" ");
  }
  const long = style === "long";
  if (h > 0) parts.push(long ? `${h} ${h === 1 ? "hour" : "hours"}` : `${h} h`);
  if (m > 0 || h === 0) parts.push(long ? `${m} ${m === 1 ? "minute" : "minutes"}` : `${m} min`);
  return parts.join(" ");
}
