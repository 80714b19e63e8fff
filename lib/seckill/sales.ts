// Reading flash sales, and loading their seats into Redis. MySQL holds the record; Redis holds the live
// counts the admission script works on. A sale is loaded when it is saved and again by a job shortly before
// it starts (loading is idempotent: an already-loaded sale only gets its window and status refreshed).
import "server-only";
import type { Redis } from "@upstash/redis";
import { and, asc, desc, eq, gt, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { courses, seckillSales, seckillSeats } from "@/db/schema";
import { redis } from "@/lib/redis";
import { seckillKeys } from "./keys";
import { runScript } from "./redis-scripts";
import { LOAD } from "./scripts";

export interface SaleRecord {
  id: number;
  courseId: number;
  courseTitle: string;
  courseSlug: string;
  coverUrl: string | null;
  listPriceFen: number;
  priceFen: number;
  seats: number;
  seatsLeft: number;
  startsAt: Date;
  endsAt: Date;
  status: "active" | "cancelled";
}

const saleColumns = {
  id: seckillSales.id,
  courseId: seckillSales.courseId,
  courseTitle: courses.title,
  courseSlug: courses.slug,
  coverUrl: courses.coverUrl,
  listPriceFen: courses.priceFen,
  priceFen: seckillSales.priceFen,
  seats: seckillSales.seats,
  seatsLeft: seckillSales.seatsLeft,
  startsAt: seckillSales.startsAt,
  endsAt: seckillSales.endsAt,
  status: seckillSales.status,
};

export async function findSale(saleId: number): Promise<SaleRecord | null> {
  const [row] = await db().select(saleColumns).from(seckillSales).innerJoin(courses, eq(courses.id, seckillSales.courseId)).where(eq(seckillSales.id, saleId)).limit(1);
  return row ?? null;
}

const recent = new Map<number, { at: number; sale: SaleRecord | null }>();

/**
 * findSale with a one-second memory per process: the sale page polls and every learner fetches a token at the
 * start, and the record changes rarely (seats left shown come from Redis, not from this).
 */
export async function findSaleCached(saleId: number): Promise<SaleRecord | null> {
  const hit = recent.get(saleId);
  if (hit && Date.now() - hit.at < 1_000) return hit.sale;
  const sale = await findSale(saleId);
  if (recent.size > 1_000) recent.clear();
  recent.set(saleId, { at: Date.now(), sale });
  return sale;
}

/** Sales a learner can see: active ones not yet ended, soonest first. */
export async function listOpenSales(now = new Date(), limit = 50): Promise<SaleRecord[]> {
  return db()
    .select(saleColumns)
    .from(seckillSales)
    .innerJoin(courses, eq(courses.id, seckillSales.courseId))
    .where(and(eq(seckillSales.status, "active"), gt(seckillSales.endsAt, now)))
    .orderBy(asc(seckillSales.startsAt))
    .limit(limit);
}

/** Every sale, newest first, for the admin list. */
export async function listSalesPage(page: number, perPage: number): Promise<{ rows: SaleRecord[]; total: number }> {
  const [rows, [count]] = await Promise.all([
    db()
      .select(saleColumns)
      .from(seckillSales)
      .innerJoin(courses, eq(courses.id, seckillSales.courseId))
      .orderBy(desc(seckillSales.startsAt), desc(seckillSales.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db().select({ n: sql<number>`count(*)` }).from(seckillSales),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

/** Held and paid seats of a sale in MySQL. */
export async function seatCounts(saleId: number): Promise<{ held: number; paid: number }> {
  const rows = await db()
    .select({ status: seckillSeats.status, n: sql<number>`count(*)` })
    .from(seckillSeats)
    .where(and(eq(seckillSeats.saleId, saleId), inArray(seckillSeats.status, ["held", "paid"])))
    .groupBy(seckillSeats.status);
  const of = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { held: of("held"), paid: of("paid") };
}

/** Learners holding a live (held or paid) seat of the sale in MySQL. */
export async function liveHolders(saleId: number): Promise<number[]> {
  const rows = await db()
    .select({ userId: seckillSeats.holderId })
    .from(seckillSeats)
    .where(and(eq(seckillSeats.saleId, saleId), isNotNull(seckillSeats.holderId)));
  return rows.map((r) => Number(r.userId));
}

/**
 * Puts the sale's seats into Redis (first load: seats, seats left and holders from MySQL), or refreshes the
 * window and status of a loaded one. Returns the seats left in Redis.
 */
export async function loadSale(saleId: number, client: Redis = redis()): Promise<number | null> {
  const sale = await findSale(saleId);
  if (!sale) return null;
  const holders = await liveHolders(saleId);
  const [, left] = await runScript<[string, string]>(
    LOAD,
    [seckillKeys.sale(saleId), seckillKeys.buyers(saleId)],
    [sale.seats, sale.seatsLeft, sale.startsAt.getTime(), sale.endsAt.getTime(), sale.status, ...holders],
    client,
  );
  return Number(left);
}

/** Loads every active sale starting within the next `aheadMs` or running now (the scheduled job). */
export async function loadUpcomingSales(now = new Date(), aheadMs = 60 * 60_000): Promise<number> {
  const rows = await db()
    .select({ id: seckillSales.id })
    .from(seckillSales)
    .where(and(eq(seckillSales.status, "active"), lte(seckillSales.startsAt, new Date(now.getTime() + aheadMs)), gt(seckillSales.endsAt, now)));
  for (const row of rows) await loadSale(row.id);
  return rows.length;
}

/** The live counts for the sale page: seats and seats left from Redis when loaded, else MySQL's. */
export async function liveSeats(sale: Pick<SaleRecord, "id" | "seats" | "seatsLeft">, client: Redis = redis()): Promise<{ seats: number; seatsLeft: number }> {
  // With automatic deserialisation off, the client answers HMGET with the plain array of values.
  const live = (await client.hmget(seckillKeys.sale(sale.id), "seats", "left")) as unknown as Array<string | null> | null;
  const [seats, left] = live ?? [];
  if (seats === undefined || seats === null || left === undefined || left === null) return { seats: sale.seats, seatsLeft: sale.seatsLeft };
  return { seats: Number(seats), seatsLeft: Math.max(0, Number(left)) };
}
