// The leaderboard API's request and response shapes; the route handlers validate with them and
// lib/api-docs turns them into the OpenAPI document.
import { z } from "zod";
import { BOARDS, PERIODS } from "./periods";

export const MAX_LIMIT = 100;

export const leaderboardQuerySchema = z.strictObject({
  period: z.enum(PERIODS).optional().describe("week (from Monday 00:00 UTC), month (from the 1st, UTC) or all. Default week. The courses board has week only."),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).optional().describe(`How many entries from the top, 1-${MAX_LIMIT}; default 10.`),
});

export const historyQuerySchema = z.strictObject({
  period: z.enum(PERIODS).optional().describe("week and month: one point per day; all: one per month. Default week."),
});

export const boardParamSchema = z.enum(BOARDS);

const standing = z.object({
  rank: z.int().min(1).nullable().describe("1 + how many have strictly more; null before the first point."),
  score: z.int().min(0),
});

export const pointsBoardResponseSchema = z.object({
  data: z.array(z.object({ rank: z.int().min(1), user: z.object({ id: z.int(), name: z.string() }), score: z.int().min(0) })),
  me: standing.optional().describe("The caller's own standing, even outside the top; only when signed in."),
});

export const coursesBoardResponseSchema = z.object({
  data: z.array(z.object({ rank: z.int().min(1), course: z.object({ id: z.int(), slug: z.string(), title: z.string() }), score: z.int().min(0).describe("New enrolments this week.") })),
});

export const historyResponseSchema = z.object({
  data: z.array(z.object({ date: z.string().describe("YYYY-MM-DD (day) or YYYY-MM (month), UTC."), points: z.int().min(0).describe("Points earned in the period up to and including this date.") })),
});

export type PointsBoardResponse = z.infer<typeof pointsBoardResponseSchema>;
export type CoursesBoardResponse = z.infer<typeof coursesBoardResponseSchema>;
export type HistoryResponse = z.infer<typeof historyResponseSchema>;
