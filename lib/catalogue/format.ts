// Display helpers for catalogue numbers: money in fen and ratings. Pure, so server and client format alike.

/** A price in fen as CNY in the reader's locale, e.g. "¥199" or "¥19.90" (zh-CN), "CN¥199" (en). */
export function formatFen(fen: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "CNY",
    trailingZeroDisplay: "stripIfInteger",
  }).format(fen / 100);
}

/** The average of a rating sum over its count, to one decimal; null when nobody has rated yet. */
export function averageRating(sum: number, count: number): number | null {
  if (!Number.isFinite(sum) || !Number.isFinite(count) || count <= 0) return null;
  return Math.round((sum / count) * 10) / 10;
}

/** A rating with exactly one decimal, e.g. "4.0". */
export function formatRating(rating: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rating);
}
