// The order state machine, driven by what providers tell us (notifications, or our own queries when a
// notification is late or lost):
//   pending ─pay→ paid ─refund asked→ refunding ─refund done→ refunded (or back to paid when partly refunded)
//   pending ─time out / cancel→ closed
// Every change locks the order row (SELECT … FOR UPDATE), so the same notification delivered twenty times at
// once changes the order once and enrols once; later copies are `duplicate`. Nothing here trusts the event
// beyond its verified signature: the order must exist, and the amount must be the order's.
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { orderItems, orders, refunds } from "@/db/schema";
import type { Tx } from "@/db/tx";
import { countNewEnrolments } from "@/lib/enrolments/counts";
import { logger } from "@/lib/log";
import { notify } from "@/lib/notifications";
import type { NotificationEvent, ProviderName } from "@/lib/payments/types";
import { releaseCoupon } from "./coupon-uses";
import { afterCommit, orderClosed } from "./events";
import { fulfilOrder, takeBackItem } from "./fulfil";
import { tellPaid } from "./tell";

const log = logger.child({ component: "orders" });

export type SettleOutcome = "applied" | "duplicate" | "rejected" | "ignored";

export interface SettleResult {
  outcome: SettleOutcome;
  reason?: string;
  /** A refund to start after the commit (a payment that arrived for an order already closed). */
  refundId?: number;
  /** Courses the learner was enrolled in by this change. */
  enrolled?: number[];
  /** The order this payment moved to paid (the learner is told after the commit). */
  paid?: { userId: number; orderNo: string; totalFen: number };
  /** The refund this completed (the learner is told after the commit). */
  refunded?: { userId: number; orderNo: string; amountFen: number };
}

type OrderRow = typeof orders.$inferSelect;

async function lockOrder(tx: Tx, orderNo: string): Promise<OrderRow | undefined> {
  const [order] = await tx.select().from(orders).where(eq(orders.orderNo, orderNo)).for("update");
  return order;
}

/** A payment the provider says succeeded (from a verified notification or our query). */
export async function applyPayment(
  provider: ProviderName,
  payment: { orderNo: string; providerTradeNo: string; amountFen: number; paidAt?: Date },
  now = new Date(),
): Promise<SettleResult> {
  const result = await settlePayment(provider, payment, now);
  if (result.enrolled?.length) await countNewEnrolments(result.enrolled, now);
  if (result.paid) {
    const { userId, orderNo, totalFen } = result.paid;
    // After the commit: the payment stands whether or not the learner's notification could be written.
    await tellPaid(userId, { orderNo, totalFen }, now);
  }
  return result;
}

async function settlePayment(provider: ProviderName, payment: { orderNo: string; providerTradeNo: string; amountFen: number; paidAt?: Date }, now: Date): Promise<SettleResult> {
  return db().transaction(async (tx) => {
    const order = await lockOrder(tx, payment.orderNo);
    if (!order) return { outcome: "rejected", reason: "unknown order" };
    if (payment.amountFen !== order.totalFen) return { outcome: "rejected", reason: `amount ${payment.amountFen} differs from the order's ${order.totalFen}` };
    if (order.status === "pending") {
      const paidAt = payment.paidAt ?? now;
      await tx.update(orders).set({ status: "paid", provider, providerTradeNo: payment.providerTradeNo, paidAt }).where(eq(orders.id, order.id));
      const enrolled = await fulfilOrder(tx, order, now, paidAt);
      return { outcome: "applied", enrolled, paid: { userId: order.userId, orderNo: order.orderNo, totalFen: order.totalFen } };
    }
    if (order.status === "closed") {
      if (order.providerTradeNo === payment.providerTradeNo) return { outcome: "duplicate", reason: "already refunded after the order closed" };
      // The learner paid after the order closed (the provider's own expiry should prevent it; clocks differ).
      // The seat or coupon may be gone: give the money back rather than sell what was released.
      await tx.update(orders).set({ provider, providerTradeNo: payment.providerTradeNo }).where(eq(orders.id, order.id));
      const refundId = await insertRefund(tx, { order: { id: order.id, orderNo: order.orderNo, provider }, amountFen: payment.amountFen, reason: "paid after the order closed", requestedBy: null, now });
      log.warn({ orderNo: order.orderNo, provider }, "payment for a closed order: refunding it");
      return { outcome: "applied", reason: "order was closed; payment is being refunded", refundId };
    }
    // paid, refunding, refunded: this payment has been recorded already (a retry, a replay, or our query).
    if (order.providerTradeNo && order.providerTradeNo !== payment.providerTradeNo) {
      log.error({ orderNo: order.orderNo, provider, tradeNo: payment.providerTradeNo }, "second, different payment for a paid order");
      return { outcome: "rejected", reason: "order already paid by another transaction" };
    }
    return { outcome: "duplicate" };
  });
}

export function newRefundNo(orderNo: string, now: Date): string {
  // Unique per order and attempt; fits every provider's 32-64 character refund number.
  return `R${orderNo}${(now.getTime() % 100_000).toString().padStart(5, "0")}`.slice(0, 32);
}

/** Writes a pending refund row; the caller starts it at the provider after the commit (refunds.ts). */
export async function insertRefund(
  tx: Tx,
  input: { order: Pick<OrderRow, "id" | "orderNo" | "provider">; itemId?: number | null; amountFen: number; reason: string; requestedBy: number | null; now: Date },
): Promise<number> {
  if (!input.order.provider) throw new Error(`order ${input.order.orderNo} has no provider to refund through`);
  const [row] = await tx
    .insert(refunds)
    .values({
      refundNo: newRefundNo(input.order.orderNo, input.now),
      orderId: input.order.id,
      orderItemId: input.itemId ?? null,
      provider: input.order.provider,
      amountFen: input.amountFen,
      reason: input.reason.slice(0, 255),
      requestedBy: input.requestedBy,
      requestedAt: input.now,
    })
    .$returningId();
  return row!.id;
}

/**
 * A refund succeeded at the provider: once per refund, however often we hear it. Adds to the order's refunded
 * amount, marks the refunded item (or all items), ends the enrolments of refunded courses and settles the
 * order's state: refunded when everything paid has come back, paid again when part of it has.
 */
export async function completeRefund(
  refundNo: string,
  result: { providerRefundNo?: string; amountFen?: number; /** Alipay reports what the trade has had refunded so far, in total. */ cumulativeFen?: number },
  now = new Date(),
): Promise<SettleResult> {
  const settled = await settleRefund(refundNo, result, now);
  if (settled.refunded) {
    const { userId, orderNo, amountFen } = settled.refunded;
    await notify(userId, "order.refunded", { orderNo, amountFen }, { key: `order.refunded:${refundNo}`, now }).catch((error: unknown) => log.error({ err: error, orderNo, refundNo }, "notifying the learner of a refund failed"));
  }
  return settled;
}

async function settleRefund(refundNo: string, result: Parameters<typeof completeRefund>[1], now: Date): Promise<SettleResult> {
  return db().transaction(async (tx) => {
    const [refund] = await tx.select().from(refunds).where(eq(refunds.refundNo, refundNo)).for("update");
    if (!refund) return { outcome: "rejected", reason: "unknown refund" };
    if (refund.status === "succeeded") return { outcome: "duplicate" };
    if (result.amountFen !== undefined && result.amountFen !== refund.amountFen) return { outcome: "rejected", reason: `refund amount ${result.amountFen} differs from ours ${refund.amountFen}` };
    const [order] = await tx.select().from(orders).where(eq(orders.id, refund.orderId)).for("update");
    if (!order) return { outcome: "rejected", reason: "refund of an unknown order" };
    if (result.cumulativeFen !== undefined && result.cumulativeFen !== order.refundedFen + refund.amountFen)
      return { outcome: "rejected", reason: `refunded total ${result.cumulativeFen} differs from ours ${order.refundedFen + refund.amountFen}` };
    await tx
      .update(refunds)
      .set({ status: "succeeded", providerRefundNo: result.providerRefundNo ?? refund.providerRefundNo, completedAt: now })
      .where(eq(refunds.id, refund.id));
    const refunded = { userId: order.userId, orderNo: order.orderNo, amountFen: refund.amountFen };
    if (order.status === "closed") return { outcome: "applied", reason: "refund of a payment made after the order closed", refunded };
    const refundedFen = order.refundedFen + refund.amountFen;
    const items = await tx.select().from(orderItems).where(and(eq(orderItems.orderId, order.id), isNull(orderItems.refundedAt)));
    const ended = refund.orderItemId === null ? items : items.filter((i) => i.id === refund.orderItemId);
    for (const item of ended) {
      await tx.update(orderItems).set({ refundedAt: now }).where(eq(orderItems.id, item.id));
      await takeBackItem(tx, order.userId, item, now);
    }
    const allBack = ended.length === items.length;
    const stillPending = await tx
      .select({ n: sql<number>`COUNT(*)` })
      .from(refunds)
      .where(and(eq(refunds.orderId, order.id), eq(refunds.status, "pending")));
    const status = refundedFen >= order.totalFen || allBack ? "refunded" : Number(stillPending[0]?.n ?? 0) > 0 ? "refunding" : "paid";
    await tx.update(orders).set({ refundedFen, status }).where(eq(orders.id, order.id));
    return { outcome: "applied", refunded };
  });
}

/** The provider refused or failed a refund: the order goes back to paid (its money stays with us). */
export async function failRefund(refundNo: string, reason: string): Promise<SettleResult> {
  return db().transaction(async (tx) => {
    const [refund] = await tx.select().from(refunds).where(eq(refunds.refundNo, refundNo)).for("update");
    if (!refund) return { outcome: "rejected", reason: "unknown refund" };
    if (refund.status !== "pending") return { outcome: "duplicate" };
    await tx.update(refunds).set({ status: "failed", failureReason: reason.slice(0, 255) }).where(eq(refunds.id, refund.id));
    const [order] = await tx.select().from(orders).where(eq(orders.id, refund.orderId)).for("update");
    if (order?.status === "refunding") {
      const [pending] = await tx
        .select({ n: sql<number>`COUNT(*)` })
        .from(refunds)
        .where(and(eq(refunds.orderId, order.id), eq(refunds.status, "pending")));
      if (Number(pending?.n ?? 0) === 0) await tx.update(orders).set({ status: "paid" }).where(eq(orders.id, order.id));
    }
    return { outcome: "applied" };
  });
}

/**
 * Closes an unpaid order (timed out, or cancelled by the learner), gives its coupon use back and lets the
 * domain behind it react (a flash-sale seat goes back). False when the order was no longer pending: a payment
 * that won the race keeps what it bought.
 */
export async function closeOrder(orderId: number, now = new Date()): Promise<boolean> {
  const closed = await db().transaction(async (tx) => {
    const [result] = await tx
      .update(orders)
      .set({ status: "closed", closedAt: now })
      .where(and(eq(orders.id, orderId), eq(orders.status, "pending")));
    if (result.affectedRows !== 1) return null;
    const [order] = await tx.select({ userId: orders.userId, source: orders.source }).from(orders).where(eq(orders.id, orderId));
    await releaseCoupon(tx, orderId);
    const change = { orderId, userId: order!.userId, source: order!.source, at: now };
    return { change, followUp: await orderClosed(tx, change) };
  });
  if (!closed) return false;
  await afterCommit(closed.followUp, closed.change);
  return true;
}

/** What a verified notification means for us. */
export async function applyEvent(provider: ProviderName, event: NotificationEvent): Promise<SettleResult> {
  if (event.type === "payment") {
    if (event.status !== "success") return { outcome: "ignored", reason: `payment status ${event.status}` };
    return applyPayment(provider, { orderNo: event.orderNo, providerTradeNo: event.providerTradeNo, amountFen: event.amountFen, paidAt: event.paidAt });
  }
  if (!event.refundNo) return { outcome: "rejected", reason: "refund notification without a refund number" };
  if (event.status === "success")
    return completeRefund(event.refundNo, provider === "alipay" ? { cumulativeFen: event.amountFen } : { amountFen: event.amountFen, providerRefundNo: event.providerTradeNo });
  if (event.status === "processing") return { outcome: "ignored", reason: "refund still processing" };
  return failRefund(event.refundNo, `provider says ${event.status}`);
}
