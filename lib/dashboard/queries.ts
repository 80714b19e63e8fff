// Figures for the admin dashboard's charts, per UTC day over a date range. Each is read only when the viewer
// may see its data (the admin home page decides). Money is fen; the charts show yuan.
import "server-only";
import { sql } from "drizzle-orm";
import { replicaDb } from "@/db";
import type { Rows } from "@/db/tx";
import { paymentProviders } from "@/db/schema/commerce";
import { key, redis } from "@/lib/redis";
import type { DateRange } from "./range";

type Provider = (typeof paymentProviders)[number];

/** A zero for every day of the range, then the rows' values in their days. */
function perDay(range: DateRange, rows: Array<{ day: string | Date; n: string | number }>): number[] {
  const byDay = new Map(rows.map((r) => [typeof r.day === "string" ? r.day.slice(0, 10) : r.day.toISOString().slice(0, 10), Number(r.n)]));
  return range.days.map((d) => byDay.get(d) ?? 0);
}

/**
 * Net revenue per day by payment provider: paid orders (including those being or partly refunded) on the day
 * they were paid, less what has been refunded of them.
 */
export async function revenueByProvider(range: DateRange): Promise<Record<Provider, number[]>> {
  const [rows] = (await replicaDb().execute(sql`
    SELECT DATE_FORMAT(paid_at, '%Y-%m-%d') AS day, provider, SUM(total_fen - refunded_fen) AS n FROM orders
    WHERE paid_at >= ${range.start} AND paid_at < ${range.end} AND status IN ('paid', 'refunding', 'refunded') AND provider IS NOT NULL
    GROUP BY day, provider`)) as unknown as Rows<{ day: string; provider: Provider; n: string }>;
  return Object.fromEntries(paymentProviders.map((p) => [p, perDay(range, rows.filter((r) => r.provider === p))])) as Record<Provider, number[]>;
}

/** Orders placed (any outcome) and orders paid, per day. */
export async function ordersPerDay(range: DateRange): Promise<{ placed: number[]; paid: number[] }> {
  const [[placed], [paid]] = (await Promise.all([
    replicaDb().execute(sql`SELECT DATE_FORMAT(created_at, '%Y-%m-%d') AS day, COUNT(*) AS n FROM orders WHERE created_at >= ${range.start} AND created_at < ${range.end} GROUP BY day`),
    replicaDb().execute(sql`
      SELECT DATE_FORMAT(paid_at, '%Y-%m-%d') AS day, COUNT(*) AS n FROM orders
      WHERE paid_at >= ${range.start} AND paid_at < ${range.end} AND status IN ('paid', 'refunding', 'refunded') GROUP BY day`),
  ])) as unknown as [Rows<{ day: string; n: string }>, Rows<{ day: string; n: string }>];
  return { placed: perDay(range, placed), paid: perDay(range, paid) };
}

export async function enrolmentsPerDay(range: DateRange): Promise<number[]> {
  const [rows] = (await replicaDb().execute(
    sql`SELECT DATE_FORMAT(created_at, '%Y-%m-%d') AS day, COUNT(*) AS n FROM enrolments WHERE created_at >= ${range.start} AND created_at < ${range.end} GROUP BY day`,
  )) as unknown as Rows<{ day: string; n: string }>;
  return perDay(range, rows);
}

/** The courses with the most new learners in the range. */
export async function topCourses(range: DateRange, limit = 10): Promise<Array<{ id: number; title: string; enrolments: number }>> {
  const [rows] = (await replicaDb().execute(sql`
    SELECT e.course_id AS id, c.title, COUNT(*) AS n FROM enrolments e JOIN courses c ON c.id = e.course_id
    WHERE e.created_at >= ${range.start} AND e.created_at < ${range.end}
    GROUP BY e.course_id, c.title ORDER BY n DESC, e.course_id LIMIT ${limit}`)) as unknown as Rows<{ id: string | number; title: string; n: string }>;
  return rows.map((r) => ({ id: Number(r.id), title: r.title, enrolments: Number(r.n) }));
}

export interface Funnel {
  attempts: number;
  won: number;
  paid: number;
}

/** The Redis hash of one UTC day's flash-sale attempts (field: sale id, value: attempts), written by lib/seckill. */
export const funnelAttemptsKey = (day: string) => key("seckill", "funnel", day);

/**
 * The flash-sale funnel over the range: attempts counted by lib/seckill in Redis per day, seats won (seats
 * created in the range) and seats paid in the range. Zeros until sales exist.
 */
export async function flashSaleFunnel(range: DateRange): Promise<Funnel> {
  const p = redis().pipeline();
  for (const day of range.days) p.hvals(funnelAttemptsKey(day));
  const [attemptDays, [counts]] = await Promise.all([
    p.exec() as Promise<Array<Array<string | number> | null>>,
    replicaDb().execute(sql`
      SELECT (SELECT COUNT(*) FROM seckill_seats WHERE created_at >= ${range.start} AND created_at < ${range.end}) AS won,
             (SELECT COUNT(*) FROM seckill_seats WHERE status = 'paid' AND paid_at >= ${range.start} AND paid_at < ${range.end}) AS paid`) as unknown as Promise<
      Rows<{ won: string; paid: string }>
    >,
  ]);
  const attempts = attemptDays.reduce((sum: number, values) => sum + (values ?? []).reduce((s: number, v) => s + (Number(v) || 0), 0), 0);
  return { attempts, won: Number(counts[0]?.won ?? 0), paid: Number(counts[0]?.paid ?? 0) };
}
