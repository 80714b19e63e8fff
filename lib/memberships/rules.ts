// The membership rules that need no database: how long each period lasts, when its monthly bonuses fall due,
// how far ahead a learner may buy, and what a refund gives back. Pure, so pages, the API and tests share them.
import type { membershipPeriods } from "@/db/schema";

export type MembershipPeriod = (typeof membershipPeriods)[number];

const DAY_MS = 86_400_000;

/** A period is a fixed number of days (not calendar months), so every term and refund is exact. */
export const PERIOD_DAYS: Record<MembershipPeriod, number> = { monthly: 30, quarterly: 90, yearly: 365 };

/** Each term gives its plan's monthly points once per 30 days it starts: 1, 3 or 12 times. */
export const BONUS_INTERVAL_DAYS = 30;
export const bonusCount = (days: number) => Math.max(1, Math.floor(days / BONUS_INTERVAL_DAYS));

/** No purchase may take a membership's end further than this from today. */
export const MAX_HORIZON_DAYS = 5 * 365;

export const addDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

/** Where a new term of `days` would begin and end: after the current end when the learner is a member now. */
export function nextTerm(currentEnd: Date | null, days: number, now: Date): { startsAt: Date; endsAt: Date } {
  const startsAt = currentEnd && currentEnd > now ? currentEnd : now;
  return { startsAt, endsAt: addDays(startsAt, days) };
}

export const beyondHorizon = (endsAt: Date, now: Date) => endsAt.getTime() > addDays(now, MAX_HORIZON_DAYS).getTime();

/**
 * What a refund of a term gives back at `now`: all of it before the term begins, the unused share (by the
 * millisecond, rounded down to the fen) while it runs, nothing once it is over.
 */
export function proRataRefundFen(term: { startsAt: Date; endsAt: Date; paidFen: number }, now: Date): number {
  const start = term.startsAt.getTime();
  const end = term.endsAt.getTime();
  const at = now.getTime();
  if (at <= start) return term.paidFen;
  if (at >= end || end <= start) return 0;
  return Math.floor((term.paidFen * (end - at)) / (end - start));
}
