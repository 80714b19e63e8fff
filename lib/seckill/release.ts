// Unpaid seats go back after the pay window (15 minutes). MySQL in one transaction: the order pending → closed
// (only if still pending: a payment that won the race keeps its seat), the seat held → released (holder_id
// cleared, so the learner may try again), seats_left + 1. Then Redis in one script: the learner leaves the
// buyers and the seat is free again. If the process dies between the two, the consistency job finishes the
// Redis side (the learner is a buyer MySQL no longer knows).
// The orders code's 30-minute closing job skips flash-sale orders: this is their only closer. A payment that
// arrives for a closed order is refunded by the payments code; a closed order is never reopened.
import "server-only";
import type { Redis } from "@upstash/redis";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { orders, seckillSales, seckillSeats } from "@/db/schema";
import { logger } from "@/lib/log";
import { redis } from "@/lib/redis";
import { seckillKeys } from "./keys";
import { runScript } from "./redis-scripts";
import { RELEASE } from "./scripts";

const log = logger.child({ component: "seckill-release" });

/** Releases one seat whose pay window has passed. True when this call released it. */
export async function releaseSeat(seatId: number, now = new Date(), client: Redis = redis()): Promise<boolean> {
  const released = await db().transaction(async (tx) => {
    // Lock the order before the seat, the order in which payment settlement (which calls markSeatPaid with the
    // order row locked) takes them, so the two never deadlock.
    const [ref] = await tx.select({ orderId: seckillSeats.orderId }).from(seckillSeats).where(eq(seckillSeats.id, seatId)).limit(1);
    if (!ref) return null;
    if (ref.orderId !== null) await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, ref.orderId)).for("update");
    const [seat] = await tx
      .select({ id: seckillSeats.id, saleId: seckillSeats.saleId, userId: seckillSeats.userId, orderId: seckillSeats.orderId, status: seckillSeats.status, payBefore: seckillSeats.payBefore })
      .from(seckillSeats)
      .where(eq(seckillSeats.id, seatId))
      .for("update");
    if (!seat || seat.status !== "held" || seat.payBefore > now) return null;
    if (seat.orderId !== null) {
      const [closed] = await tx
        .update(orders)
        .set({ status: "closed", closedAt: now })
        .where(and(eq(orders.id, seat.orderId), eq(orders.status, "pending")));
      // Not pending any more: paid meanwhile (the payment's settlement marks the seat paid), so keep it.
      if (closed.affectedRows !== 1) return null;
    }
    const [freed] = await tx
      .update(seckillSeats)
      .set({ status: "released", holderId: null, releasedAt: now })
      .where(and(eq(seckillSeats.id, seat.id), eq(seckillSeats.status, "held")));
    if (freed.affectedRows !== 1) return null;
    await tx
      .update(seckillSales)
      .set({ seatsLeft: sql`${seckillSales.seatsLeft} + 1` })
      .where(eq(seckillSales.id, seat.saleId));
    return seat;
  });
  if (!released) return false;
  await runScript(RELEASE, [seckillKeys.sale(released.saleId), seckillKeys.buyers(released.saleId)], [released.userId], client);
  return true;
}

/** The scheduled job: releases every held seat past its pay window, oldest first, in batches. */
export async function releaseExpiredSeats(now = new Date(), client: Redis = redis()): Promise<number> {
  let total = 0;
  for (;;) {
    const due = await db()
      .select({ id: seckillSeats.id })
      .from(seckillSeats)
      .where(and(eq(seckillSeats.status, "held"), lte(seckillSeats.payBefore, now)))
      .orderBy(asc(seckillSeats.payBefore))
      .limit(200);
    let released = 0;
    for (const { id } of due) {
      try {
        if (await releaseSeat(id, now, client)) released += 1;
      } catch (error) {
        log.error({ err: error, seat: id }, "releasing an unpaid flash-sale seat failed");
      }
    }
    total += released;
    if (due.length < 200 || released === 0) break;
  }
  if (total > 0) log.info({ released: total }, "released unpaid flash-sale seats");
  return total;
}
