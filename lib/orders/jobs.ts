// The order housekeeping the worker runs every minute (lib/jobs):
// - close unpaid orders, of every source, each once its own pay-before time has passed (asking the provider
//   first when the learner started paying, so a payment whose notification is late is not closed away); the
//   domain behind an order reacts to its closing (a flash-sale seat goes back: lib/orders/events.ts);
// - reconcile: ask the providers about orders still pending after a payment was started, and about refunds
//   still pending, so a lost notification never loses a sale or leaves a refund hanging.
import "server-only";
import { and, asc, eq, exists, gt, lt, sql } from "drizzle-orm";
import { db } from "@/db";
import { orders, paymentAttempts, refunds } from "@/db/schema";
import { logger } from "@/lib/log";
import { queryAndApply } from "./pay";
import { reconcileRefund } from "./refunds";
import type { OrderSource } from "./events";
import { closeOrder } from "./settle";

const log = logger.child({ component: "order-jobs" });
const BATCH = 200;

/**
 * Closes the pending orders whose pay-before time has passed, oldest first, in batches until none is left
 * (`only` narrows it to one source: the flash sales' quicker sweep). An order that fails is logged and left
 * for the next run.
 */
export async function closeExpiredOrders(now = new Date(), only?: { source: OrderSource }): Promise<{ closed: number; paid: number }> {
  let closed = 0;
  let paid = 0;
  for (;;) {
    const due = await db()
      .select({ id: orders.id, orderNo: orders.orderNo })
      .from(orders)
      .where(and(eq(orders.status, "pending"), only ? eq(orders.source, only.source) : undefined, lt(orders.payBefore, now)))
      .orderBy(asc(orders.payBefore))
      .limit(BATCH);
    let settled = 0;
    for (const order of due) {
      try {
        const found = await queryAndApply(order.id);
        if (found && (found.outcome === "applied" || found.outcome === "duplicate")) {
          paid += 1;
          settled += 1;
          continue;
        }
        if (await closeOrder(order.id, now)) {
          closed += 1;
          settled += 1;
        }
      } catch (error) {
        log.error({ err: error, orderNo: order.orderNo }, "closing an expired order failed");
      }
    }
    if (due.length < BATCH || settled === 0) break;
  }
  if (closed + paid > 0) log.info({ closed, paid, source: only?.source }, "closed expired orders");
  return { closed, paid };
}

/** Orders pending more than `graceMs` after a payment was started, and refunds pending that long. */
export async function reconcile(now = new Date(), graceMs = 60_000): Promise<{ ordersPaid: number; refundsChecked: number }> {
  const cutoff = new Date(now.getTime() - graceMs);
  const stuck = await db()
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.status, "pending"),
        gt(orders.payBefore, new Date(now.getTime() - 86_400_000)),
        exists(
          db()
            .select({ one: sql`1` })
            .from(paymentAttempts)
            .where(and(eq(paymentAttempts.orderId, orders.id), lt(paymentAttempts.startedAt, cutoff))),
        ),
      ),
    )
    .limit(BATCH);
  let ordersPaid = 0;
  for (const order of stuck) {
    const result = await queryAndApply(order.id);
    if (result?.outcome === "applied") ordersPaid += 1;
  }
  const pendingRefunds = await db()
    .select({ id: refunds.id })
    .from(refunds)
    .where(and(eq(refunds.status, "pending"), lt(refunds.requestedAt, cutoff)))
    .limit(BATCH);
  for (const refund of pendingRefunds) await reconcileRefund(refund.id);
  if (ordersPaid > 0) log.warn({ ordersPaid }, "reconciliation found payments whose notification never arrived");
  return { ordersPaid, refundsChecked: pendingRefunds.length };
}
