// The rating a course shows and sorts by: a damped (Bayesian) average. Every course starts with PRIOR_WEIGHT
// imaginary reviews of PRIOR_MEAN stars, so one 5-star review moves a course from 4.0 to 4.1, not to 5.0,
// and a course needs many good reviews to rise above one with a long record. Pure: the catalogue's SQL
// sort, the cards, the course page and the tests all use these numbers.

/** What a course with no reviews "has": a little below the site's typical 4.2–4.9, so praise must be earned. */
export const PRIOR_MEAN = 4;
/** How many reviews the prior counts as. */
export const PRIOR_WEIGHT = 10;

export const MIN_STARS = 1;
export const MAX_STARS = 5;

/** (C·m + sum) / (C + n), unrounded; the prior itself when nobody has rated. */
export function dampedAverage(sum: number, count: number): number {
  const n = Number.isFinite(count) && count > 0 ? count : 0;
  const s = n > 0 && Number.isFinite(sum) ? sum : 0;
  return (PRIOR_WEIGHT * PRIOR_MEAN + s) / (PRIOR_WEIGHT + n);
}

/** The damped average to one decimal, null before the first review (so "no ratings yet" still shows). */
export function displayRating(sum: number, count: number): number | null {
  if (!Number.isFinite(count) || count <= 0) return null;
  return Math.round(dampedAverage(sum, count) * 10) / 10;
}

/** The plain mean to one decimal (what the reviews themselves say), null before the first review. */
export function plainAverage(sum: number, count: number): number | null {
  if (!Number.isFinite(sum) || !Number.isFinite(count) || count <= 0) return null;
  return Math.round((sum / count) * 10) / 10;
}

/** Stars 1–5 with their counts, and each as a share of all (0–100, whole numbers) for the distribution bars. */
export function distribution(counts: ReadonlyMap<number, number>): Array<{ stars: number; count: number; percent: number }> {
  let total = 0;
  for (let s = MIN_STARS; s <= MAX_STARS; s++) total += counts.get(s) ?? 0;
  const rows = [];
  for (let s = MAX_STARS; s >= MIN_STARS; s--) {
    const count = counts.get(s) ?? 0;
    rows.push({ stars: s, count, percent: total > 0 ? Math.round((count / total) * 100) : 0 });
  }
  return rows;
}
