// Display helpers for catalogue numbers: money in fen and ratings. Pure, so server and client format alike.

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
