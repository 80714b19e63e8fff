// Leaderboards as the API and the /leaderboard page show them: the Redis ranking joined with names from MySQL,
// and a learner's own points over time (from the ledger).
import "server-only";
import { sql } from "drizzle-orm";
import { replicaDb } from "@/db";
import type { Rows } from "@/db/tx";
import type { CoursesBoardResponse, HistoryResponse, PointsBoardResponse } from "./api-schemas";
import { periodStart, type Period } from "./periods";
import { readBoard } from "./store";

const idList = (ids: number[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

export async function pointsBoard(period: Period, limit: number, viewerId: number | null): Promise<PointsBoardResponse> {
  const { entries, me } = await readBoard("points", period, limit, viewerId ?? undefined);
  const names = new Map<number, string>();
  if (entries.length > 0) {
    const [rows] = (await replicaDb().execute(sql`SELECT id, name FROM users WHERE id IN (${idList(entries.map((e) => e.id))})`)) as unknown as Rows<{ id: string | number; name: string }>;
    for (const row of rows) names.set(Number(row.id), row.name);
  }
  return {
    // An account deleted since the last rebuild is left out until the rebuild drops it.
    data: entries.filter((e) => names.has(e.id)).map((e) => ({ rank: e.rank, user: { id: e.id, name: names.get(e.id)! }, score: e.score })),
    ...(me ? { me } : {}),
  };
}

export async function coursesBoard(limit: number): Promise<CoursesBoardResponse> {
  const { entries } = await readBoard("courses", "week", limit);
  const courses = new Map<number, { slug: string; title: string }>();
  if (entries.length > 0) {
    const [rows] = (await replicaDb().execute(
      sql`SELECT id, slug, title FROM courses WHERE status = 'published' AND id IN (${idList(entries.map((e) => e.id))})`,
    )) as unknown as Rows<{ id: string | number; slug: string; title: string }>;
    for (const row of rows) courses.set(Number(row.id), { slug: row.slug, title: row.title });
  }
  return { data: entries.filter((e) => courses.has(e.id)).map((e) => ({ rank: e.rank, course: { id: e.id, ...courses.get(e.id)! }, score: e.score })) };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The learner's points earned in the period, cumulative: per day (week, month) or per month (all). */
export async function pointsHistory(userId: number, period: Period, now: Date = new Date()): Promise<HistoryResponse> {
  const since = periodStart(period, now);
  const monthly = period === "all";
  const bucket = monthly ? sql`DATE_FORMAT(created_at, '%Y-%m')` : sql`DATE_FORMAT(created_at, '%Y-%m-%d')`;
  const [rows] = (await replicaDb().execute(sql`
    SELECT ${bucket} AS bucket, SUM(points) AS points FROM points_ledger
    WHERE user_id = ${userId} ${since ? sql`AND created_at >= ${since}` : sql``}
    GROUP BY bucket ORDER BY bucket`)) as unknown as Rows<{ bucket: string; points: string | number }>;
  const earned = new Map(rows.map((r) => [r.bucket, Number(r.points)]));

  const labels: string[] = [];
  if (monthly) {
    const first = rows[0]?.bucket ?? now.toISOString().slice(0, 7);
    const cursor = new Date(`${first}-01T00:00:00Z`);
    while (cursor.getTime() <= now.getTime()) {
      labels.push(cursor.toISOString().slice(0, 7));
      cursor.setUTCMonth(cursor.getUTCMonth() + 1);
    }
  } else {
    for (let t = since!.getTime(); t <= now.getTime(); t += 86_400_000) labels.push(day(new Date(t)));
  }
  let total = 0;
  return { data: labels.map((date) => ({ date, points: (total += earned.get(date) ?? 0) })) };
}
