// Leaderboard boards and periods, and the Redis key each (board, period) lives under. Periods are calendar
// periods in UTC: a week starts on Monday 00:00 UTC, a month on the 1st 00:00 UTC; "all" never ends. Each
// period has a key of its own (…:week:2026-11-16), so a new week starts empty without anyone resetting it.
import { z } from "zod";

export const BOARDS = ["points", "courses"] as const;
export type Board = (typeof BOARDS)[number];
export const PERIODS = ["week", "month", "all"] as const;
export type Period = (typeof PERIODS)[number];

/** Course popularity counts new enrolments this week only. */
export const BOARD_PERIODS: Record<Board, readonly Period[]> = { points: PERIODS, courses: ["week"] };

export const periodSchema = z.enum(PERIODS);

const DAY_MS = 86_400_000;

/** The moment the period containing `at` began (UTC), or null for "all". */
export function periodStart(period: Period, at: Date = new Date()): Date | null {
  if (period === "all") return null;
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  if (period === "month") return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - sinceMonday * DAY_MS);
}

/** "2026-11-16" for a week, "2026-11" for a month, "all". */
export function periodLabel(period: Period, at: Date = new Date()): string {
  const start = periodStart(period, at);
  if (!start) return "all";
  const iso = start.toISOString();
  return period === "month" ? iso.slice(0, 7) : iso.slice(0, 10);
}

/** How long a finished period's board is kept after it ends (seconds); "all" is kept for ever. */
export function periodTtlSeconds(period: Period): number | null {
  if (period === "week") return 15 * 86_400;
  if (period === "month") return 70 * 86_400;
  return null;
}

/**
 * Members are zero-padded ids and scores are stored negated, so ZRANGE (ascending) lists the highest score
 * first and, among equal scores, the lowest id first: the tie rule, with no extra work on write.
 */
export const memberOf = (id: number): string => String(id).padStart(15, "0");
export const idOfMember = (member: string): number => Number(member);
