// Seats left + seats held + seats sold = seats offered, on both sides:
// - MySQL: seats_left + live seats (held or paid) = seats, checked under the sale row's lock, which every
//   writer of seats takes too (the admission writer's conditional UPDATE, the release), so it never races.
// - Redis: left + |buyers| = seats, where buyers are the MySQL holders plus the admissions still queued in
//   the stream. Redis is repaired towards MySQL, the record: learners MySQL does not know (and that no queued
//   admission explains) leave the buyers, holders Redis lost come back, and left is recomputed.
import "server-only";
import type { Redis } from "@upstash/redis";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { seckillSales, seckillSeats } from "@/db/schema";
import { logger } from "@/lib/log";
import { redis } from "@/lib/redis";
import { seckillKeys } from "./keys";
import { runScript } from "./redis-scripts";
import { liveHolders, loadSale } from "./sales";
import { REPAIR, SNAPSHOT } from "./scripts";

const log = logger.child({ component: "seckill-consistency" });

export interface SaleCheck {
  saleId: number;
  mysql: { seats: number; left: number; held: number; paid: number; drift: number; repaired: boolean };
  redis: { seats: number; left: number; buyers: number; queued: number; dropped: number; added: number; leftBefore: number; repaired: boolean } | null;
}

/** Checks (and with repair, fixes) MySQL's counts of one sale. drift = seats - (left + held + paid). */
async function checkMysql(saleId: number, repair: boolean): Promise<SaleCheck["mysql"] | null> {
  return db().transaction(async (tx) => {
    const [sale] = await tx.select({ seats: seckillSales.seats, left: seckillSales.seatsLeft }).from(seckillSales).where(eq(seckillSales.id, saleId)).for("update");
    if (!sale) return null;
    const rows = await tx
      .select({ status: seckillSeats.status, n: sql<number>`count(*)` })
      .from(seckillSeats)
      .where(and(eq(seckillSeats.saleId, saleId), inArray(seckillSeats.status, ["held", "paid"])))
      .groupBy(seckillSeats.status);
    const held = Number(rows.find((r) => r.status === "held")?.n ?? 0);
    const paid = Number(rows.find((r) => r.status === "paid")?.n ?? 0);
    const drift = sale.seats - (sale.left + held + paid);
    let repaired = false;
    if (drift !== 0 && repair) {
      // Live seats are facts (orders exist); seats left is the derived number.
      await tx.update(seckillSales).set({ seatsLeft: Math.max(0, sale.seats - held - paid) }).where(eq(seckillSales.id, saleId));
      repaired = true;
    }
    return { seats: sale.seats, left: sale.left, held, paid, drift, repaired };
  });
}

/** Brings Redis in line with MySQL and the queued admissions (see the module comment). */
export async function repairRedis(saleId: number, opts: { repair: boolean } = { repair: true }, client: Redis = redis()): Promise<SaleCheck["redis"]> {
  const keys = [seckillKeys.sale(saleId), seckillKeys.buyers(saleId), seckillKeys.stream()];
  // Redis first, MySQL second: an admission that leaves the stream (written and acknowledged) in between is
  // then already in MySQL, so it is never mistaken for a stray buyer.
  const [seatsRaw, leftRaw, buyersRaw, queuedRaw] = await runScript<[string | null, string | null, string[], string[]]>(SNAPSHOT, keys, [saleId], client);
  if (seatsRaw === null || leftRaw === null) {
    if (opts.repair) await loadSale(saleId, client);
    return null;
  }
  const holders = new Set((await liveHolders(saleId)).map(String));
  const buyers = new Set(buyersRaw.map(String));
  const queued = new Set(queuedRaw.map(String));
  const drop = [...buyers].filter((u) => !holders.has(u) && !queued.has(u));
  const add = [...holders].filter((u) => !buyers.has(u));
  const seats = Number(seatsRaw);
  const left = Number(leftRaw);
  const countsOff = left + buyers.size !== seats;
  const report = { seats, left, buyers: buyers.size, queued: queued.size, dropped: drop.length, added: add.length, leftBefore: left, repaired: false };
  if (!opts.repair || (!countsOff && drop.length === 0 && add.length === 0)) return report;
  const [dropped, added, newLeft] = await runScript<[number, number, number]>(REPAIR, keys, [saleId, drop.length, ...drop, ...add], client);
  return { ...report, dropped: Number(dropped), added: Number(added), left: Number(newLeft), repaired: true };
}

export async function checkSale(saleId: number, opts: { repair: boolean } = { repair: true }, client: Redis = redis()): Promise<SaleCheck | null> {
  const mysql = await checkMysql(saleId, opts.repair);
  if (!mysql) return null;
  const redisSide = await repairRedis(saleId, opts, client);
  return { saleId, mysql, redis: redisSide };
}

/** The scheduled job: every sale that is running or ended within the last day. Logs any drift found. */
export async function checkRecentSales(now = new Date()): Promise<{ checked: number; drifted: number }> {
  const rows = await db()
    .select({ id: seckillSales.id })
    .from(seckillSales)
    .where(and(eq(seckillSales.status, "active"), gt(seckillSales.endsAt, new Date(now.getTime() - 24 * 3600_000))));
  let drifted = 0;
  for (const { id } of rows) {
    const result = await checkSale(id);
    if (!result) continue;
    const r = result.redis;
    if (result.mysql.drift !== 0 || (r && (r.dropped || r.added || r.leftBefore + r.buyers !== r.seats))) {
      drifted += 1;
      log.warn({ sale: id, mysql: result.mysql, redis: r }, "flash-sale seat counts drifted; repaired");
    }
  }
  return { checked: rows.length, drifted };
}
