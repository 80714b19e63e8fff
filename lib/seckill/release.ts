// Unpaid seats go back after the pay window (15 minutes). A seat follows its order: the orders code closes a
// flash-sale order whose pay-before time has passed like any other (asking the provider first, so a payment
// whose notification is late is not closed away), and the flash sale's reaction to the close (order-hooks.ts)
// releases the seat in MySQL in the same transaction, then in Redis. A payment that won the race keeps its
// seat; a payment that arrives for a closed order is refunded by the payments code.
// The orders closer runs every minute; this job runs every 15 s because someone may be waiting for the seat:
// it asks the closer for the flash-sale orders due now, and frees the odd held seat whose order is gone.
import "server-only";
import { and, asc, eq, isNull, lte } from "drizzle-orm";
import { db } from "@/db";
import { seckillSeats } from "@/db/schema";
import { logger } from "@/lib/log";
import { closeExpiredOrders } from "@/lib/orders/jobs";
import { releaseHeldSeat } from "./order-hooks";

const log = logger.child({ component: "seckill-release" });
const BATCH = 200;

/** Held seats past their window whose order no longer exists (deleted orders leave the seat's order empty). */
async function releaseOrphanSeats(now: Date): Promise<number> {
  const due = await db()
    .select({ id: seckillSeats.id })
    .from(seckillSeats)
    .where(and(eq(seckillSeats.status, "held"), isNull(seckillSeats.orderId), lte(seckillSeats.payBefore, now)))
    .orderBy(asc(seckillSeats.payBefore))
    .limit(BATCH);
  let released = 0;
  for (const { id } of due) {
    try {
      const followUp = await db().transaction((tx) => releaseHeldSeat(tx, id, now));
      if (!followUp) continue;
      released += 1;
      await followUp();
    } catch (error) {
      log.error({ err: error, seat: id }, "releasing an unpaid flash-sale seat failed");
    }
  }
  return released;
}

/** The scheduled job: closes the flash-sale orders past their pay window (their seats go back), oldest first. */
export async function releaseExpiredSeats(now = new Date()): Promise<number> {
  const { closed } = await closeExpiredOrders(now, { source: "seckill" });
  const total = closed + (await releaseOrphanSeats(now));
  if (total > 0) log.info({ released: total }, "released unpaid flash-sale seats");
  return total;
}
