// The leaderboards in Redis sorted sets: small increments as points and enrolments happen, and reads of the
// top N with the viewer's own standing. Redis is not the source of truth: lib/leaderboards/rebuild.ts rebuilds
// every board from MySQL (points_ledger, enrolments), so a failed increment or a flushed Redis heals.
//
// Ranking: highest score first. Equal scores share a rank ("1, 2, 2, 4": rank = 1 + how many have strictly
// more), and are listed by ascending id (the earlier account or course first), the order Redis keeps for
// equal scores given zero-padded members (see periods.ts).
import "server-only";
import { key, redis } from "@/lib/redis";
import { logger } from "@/lib/log";
import { BOARD_PERIODS, idOfMember, memberOf, periodLabel, periodTtlSeconds, type Board, type Period } from "./periods";

const log = logger.child({ component: "leaderboards" });

export function boardKey(board: Board, period: Period, at: Date = new Date()): string {
  return key("lb", board, period, periodLabel(period, at));
}

/** Every key of the leaderboards share this prefix (for tests and operators clearing them). */
export const boardKeyPattern = () => key("lb", "*");

export interface BoardEntry {
  rank: number;
  id: number;
  score: number;
}

export interface Standing {
  /** null when the member has no score on this board yet. */
  rank: number | null;
  score: number;
}

/** Adds to one member's score on every period of a board. Failures are logged: the rebuild repairs them. */
async function bump(board: Board, id: number, amount: number, at: Date): Promise<void> {
  try {
    const p = redis().pipeline();
    for (const period of BOARD_PERIODS[board]) {
      const k = boardKey(board, period, at);
      p.zincrby(k, -amount, memberOf(id));
      const ttl = periodTtlSeconds(period);
      if (ttl) p.expire(k, ttl);
    }
    await p.exec();
  } catch (error) {
    log.warn({ err: error, board, id, amount }, "leaderboard increment failed; the next rebuild repairs it");
  }
}

/** Call once per points award that was actually recorded (never for a repeated event). */
export const addPoints = (userId: number, points: number, at: Date = new Date()) => bump("points", userId, points, at);

/** Call once per enrolment that was actually created; the popularity board counts them per week. */
export const addEnrolment = (courseId: number, at: Date = new Date()) => bump("courses", courseId, 1, at);

/** Ranks for an ordered slice that starts at the top: equal scores share the rank of the first of them. */
export function competitionRanks(scores: number[]): number[] {
  const ranks: number[] = [];
  scores.forEach((score, i) => ranks.push(i > 0 && score === scores[i - 1] ? ranks[i - 1]! : i + 1));
  return ranks;
}

/** The top `limit` of a board, best first, and (when `memberId` is given) that member's own standing. */
export async function readBoard(board: Board, period: Period, limit: number, memberId?: number): Promise<{ entries: BoardEntry[]; me: Standing | null }> {
  const k = boardKey(board, period);
  const p = redis().pipeline();
  p.zrange(k, 0, limit - 1, { withScores: true });
  if (memberId !== undefined) p.zscore(k, memberOf(memberId));
  const [flat, ownScore] = (await p.exec()) as [Array<string | number>, string | number | null | undefined];
  const pairs: Array<{ id: number; score: number }> = [];
  for (let i = 0; i + 1 < flat.length; i += 2) pairs.push({ id: idOfMember(String(flat[i])), score: -Number(flat[i + 1]) });
  const ranks = competitionRanks(pairs.map((e) => e.score));
  const entries = pairs.map((e, i) => ({ rank: ranks[i]!, ...e }));

  let me: Standing | null = null;
  if (memberId !== undefined) {
    if (ownScore === null || ownScore === undefined) me = { rank: null, score: 0 };
    else {
      const stored = Number(ownScore);
      // Stored scores are negated: those with strictly more points have a strictly lower stored score.
      const better = Number(await redis().zcount(k, "-inf", `(${stored}`));
      me = { rank: better + 1, score: -stored };
    }
  }
  return { entries, me };
}
