// Rebuilds every leaderboard from MySQL, the source of truth, so a flushed Redis is recovered and any drift
// (an increment lost to a Redis outage, a crash between commit and increment) is corrected. Run by the worker
// on a schedule and once when workers start (lib/jobs), one at a time (the lock below).
//
// Each board is written to a fresh temporary key and then RENAMEd over the live one in one MULTI, so readers
// see the old board or the new one, never a half-built one. An increment that lands between the SQL read and
// the RENAME is overwritten; the next rebuild counts it (its ledger row is already committed).
import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { db } from "@/db";
import { logger } from "@/lib/log";
import { key, redis } from "@/lib/redis";
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

// One rebuild at a time across every worker and process: two at once run the same INSERT IGNORE … SELECT into
// points_ledger side by side, which MariaDB may fail ("Failed to read auto-increment value from storage
// engine"), and build the same boards twice. A Redis lock with a random token (only its holder releases or
// extends it) and an expiry (a crashed holder frees it by itself); it is extended after each board.
const LOCK_KEY = () => key("lb", "rebuild-lock");
const LOCK_MS = BUILD_TTL_SECONDS * 1000;
const WAIT_POLL_MS = 200;

const RELEASE_SCRIPT = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end return 0`;
const EXTEND_SCRIPT = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("PEXPIRE", KEYS[1], ARGV[2]) end return 0`;

async function acquire(token: string, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    if ((await redis().set(LOCK_KEY(), token, { nx: true, px: LOCK_MS })) === "OK") return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
  }
}

export type RebuildResult = { skipped: false; awarded: { lessons: number; courses: number }; sizes: Record<string, number> } | { skipped: true };

/**
 * Reconciles the ledger, then rebuilds every board of every period, holding the rebuild lock. When another
 * rebuild holds it, `ifBusy: "skip"` (the scheduled job) returns at once without building (the other one is
 * doing the work), and "wait" (the default) waits for it to finish, up to the lock's expiry, and then builds.
 */
export async function rebuildAll(now: Date = new Date(), options: { ifBusy?: "wait" | "skip" } = {}): Promise<RebuildResult> {
  const token = randomUUID();
  if (!(await acquire(token, options.ifBusy === "skip" ? 0 : LOCK_MS))) {
    log.info("another leaderboard rebuild is running; this one skipped");
    return { skipped: true };
  }
  try {
    const awarded = await reconcileAwards();
    const sizes: Record<string, number> = {};
    for (const board of BOARDS) {
      for (const period of BOARD_PERIODS[board]) {
        sizes[`${board}:${period}`] = await rebuildBoard(board, period, now);
        await redis().eval(EXTEND_SCRIPT, [LOCK_KEY()], [token, String(LOCK_MS)]);
      }
    }
    log.info({ awarded, sizes }, "leaderboards rebuilt");
    return { skipped: false, awarded, sizes };
  } finally {
    await redis()
      .eval(RELEASE_SCRIPT, [LOCK_KEY()], [token])
      .catch((error: unknown) => log.warn({ err: error }, "could not release the leaderboard rebuild lock; it expires by itself"));
  }
}
