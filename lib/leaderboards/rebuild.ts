// Rebuilds every leaderboard from MySQL, the source of truth, so a flushed Redis is recovered and any drift
// (an increment lost to a Redis outage, a crash between commit and increment) is corrected. Run by the worker
// on a schedule and once when workers start (lib/jobs).
//
// Each board is written to a fresh temporary key and then RENAMEd over the live one in one MULTI, so readers
// see the old board or the new one, never a half-built one. An increment that lands between the SQL read and
// the RENAME is overwritten; the next rebuild counts it (its ledger row is already committed).
import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { db } from "@/db";
import { logger } from "@/lib/log";
import { redis } from "@/lib/redis";
import { BOARD_PERIODS, BOARDS, memberOf, periodStart, periodTtlSeconds, type Board, type Period } from "./periods";
import { boardKey } from "./store";
import { LESSON_POINTS, COURSE_POINTS } from "@/lib/progress/points";

const log = logger.child({ component: "leaderboards-rebuild" });
const CHUNK = 1_000;
/** A temporary key left by a crashed rebuild disappears on its own. */
const BUILD_TTL_SECONDS = 600;

type Row = { id: string | number; score: string | number };

async function scores(board: Board, period: Period, now: Date): Promise<Row[]> {
  const since = periodStart(period, now);
  const after = since ? sql`AND created_at >= ${since}` : sql``;
  if (board === "points") {
    const [rows] = await db().execute(sql`SELECT user_id AS id, SUM(points) AS score FROM points_ledger WHERE 1 = 1 ${after} GROUP BY user_id`);
    return rows as unknown as Row[];
  }
  const [rows] = await db().execute(
    sql`SELECT e.course_id AS id, COUNT(*) AS score FROM enrolments e JOIN courses c ON c.id = e.course_id AND c.status = 'published'
        WHERE 1 = 1 ${since ? sql`AND e.created_at >= ${since}` : sql``} GROUP BY e.course_id`,
  );
  return rows as unknown as Row[];
}

/** Replaces one board with what MySQL says; returns how many members it holds. */
export async function rebuildBoard(board: Board, period: Period, now: Date = new Date()): Promise<number> {
  const rows = (await scores(board, period, now)).filter((r) => Number(r.score) > 0);
  const target = boardKey(board, period, now);
  if (rows.length === 0) {
    await redis().del(target);
    return 0;
  }
  const temp = `${target}:build:${randomUUID()}`;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const members = rows.slice(i, i + CHUNK).map((r) => ({ score: -Number(r.score), member: memberOf(Number(r.id)) }));
    const [first, ...rest] = members;
    const p = redis().pipeline();
    p.zadd(temp, first!, ...rest);
    p.expire(temp, BUILD_TTL_SECONDS);
    await p.exec();
  }
  const ttl = periodTtlSeconds(period);
  const tx = redis().multi();
  tx.rename(temp, target);
  if (ttl) tx.expire(target, ttl);
  else tx.persist(target);
  await tx.exec();
  return rows.length;
}

/**
 * Awards points for completions that have none (lesson_progress rows marked complete by the seed, or an award
 * lost between two statements): the ledger's unique key keeps this idempotent and safe beside live awards.
 */
export async function reconcileAwards(): Promise<{ lessons: number; courses: number }> {
  const [lessonResult] = await db().execute(sql`
    INSERT IGNORE INTO points_ledger (user_id, reason, ref_id, points, created_at)
    SELECT p.user_id, 'lesson_completed', p.lesson_id, ${LESSON_POINTS}, p.completed_at FROM lesson_progress p
    WHERE p.completed_at IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM points_ledger l WHERE l.user_id = p.user_id AND l.reason = 'lesson_completed' AND l.ref_id = p.lesson_id)`);
  const [courseResult] = await db().execute(sql`
    INSERT IGNORE INTO points_ledger (user_id, reason, ref_id, points, created_at)
    SELECT p.user_id, 'course_completed', p.course_id, ${COURSE_POINTS}, MAX(p.completed_at) FROM lesson_progress p
    JOIN (SELECT course_id, COUNT(*) AS n FROM lessons GROUP BY course_id) t ON t.course_id = p.course_id
    WHERE p.completed_at IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM points_ledger l WHERE l.user_id = p.user_id AND l.reason = 'course_completed' AND l.ref_id = p.course_id)
    GROUP BY p.user_id, p.course_id, t.n HAVING COUNT(*) = t.n`);
  const affected = (r: unknown) => Number((r as { affectedRows?: number }).affectedRows ?? 0);
  return { lessons: affected(lessonResult), courses: affected(courseResult) };
}

/** Reconciles the ledger, then rebuilds every board of every period. */
export async function rebuildAll(now: Date = new Date()): Promise<Record<string, number>> {
  const awarded = await reconcileAwards();
  const sizes: Record<string, number> = {};
  for (const board of BOARDS) for (const period of BOARD_PERIODS[board]) sizes[`${board}:${period}`] = await rebuildBoard(board, period, now);
  log.info({ awarded, sizes }, "leaderboards rebuilt");
  return sizes;
}
