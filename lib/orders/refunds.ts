// Refunds through the provider that took the payment. A refund is first written as a pending row (with the
// order moved to `refunding`, and the audit entry, in the same transaction); then the provider is asked. It
// may answer at once (done or failed) or later by notification; the reconciliation job asks again for any
// refund still pending, so a refund never hangs in between.
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { orderItems, orders, refunds } from "@/db/schema";
import type { Tx } from "@/db/tx";
import { ApiError } from "@/lib/http/api";
import { refundableTermFen } from "@/lib/memberships/terms";
import { logger } from "@/lib/log";
import { PaymentProviderError, paymentProvider } from "@/lib/payments";
import { notifyUrl } from "./pay";
import { completeRefund, failRefund, insertRefund, type SettleResult } from "./settle";

const log = logger.child({ component: "refunds" });

/** Provider errors after which the refund's fate is unknown (no answer, busy): ask again later. */
const TRANSIENT = /^(request_failed|answer_not_verified|unknown)$|SYSTEM_ERROR|SYSTEMERROR|FREQUENCY|BUSY|TIMEOUT/i;

export interface RefundRequest {
  orderNo: string;
  /** An order item's id to refund one item; omitted for the whole order (what remains of it). */
  itemId?: number;
  /** Less than the refundable amount, as a goodwill or partial refund; omitted: all of it. */
  amountFen?: number;
  reason: string;
  requestedBy: number;
  now?: Date;
}

/**
 * Writes the refund (the caller's audit goes in the same transaction through `audit`). Refuses an order that
 * is not paid, an item already refunded, and a refund while another of the same order is pending.
 */
export async function createRefund(request: RefundRequest, audit: (tx: Tx, refund: { refundNo: string; amountFen: number; orderId: number }) => Promise<void>): Promise<{ refundId: number; refundNo: string; amountFen: number }> {
  const now = request.now ?? new Date();
  return db().transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.orderNo, request.orderNo)).for("update");
    if (!order) throw new ApiError(404, "NOT_FOUND", "No such order.");
    if (order.status !== "paid") throw new ApiError(409, "ORDER_NOT_REFUNDABLE", order.status === "refunding" ? "A refund of this order is in progress." : `This order is ${order.status}; only paid orders can be refunded.`);
    if (!order.provider || !order.providerTradeNo)
      throw new ApiError(409, "ORDER_NOT_REFUNDABLE", "No provider transaction is recorded for this order (e.g. imported or demo data), so it cannot be refunded through the provider.");
    let refundableFen: number;
    if (request.itemId !== undefined) {
      const [item] = await tx
        .select()
        .from(orderItems)
        .where(and(eq(orderItems.id, request.itemId), eq(orderItems.orderId, order.id)));
      if (!item) throw new ApiError(404, "NOT_FOUND", "No such item in this order.");
      if (item.refundedAt) throw new ApiError(409, "ITEM_REFUNDED", "This item has been refunded already.");
      refundableFen = await refundableItemFen(tx, item, now);
    } else {
      const items = await tx.select().from(orderItems).where(and(eq(orderItems.orderId, order.id), isNull(orderItems.refundedAt)));
      let sum = 0;
      for (const item of items) sum += await refundableItemFen(tx, item, now);
      refundableFen = Math.min(order.totalFen - order.refundedFen, sum);
    }
    if (refundableFen <= 0) throw new ApiError(409, "NOTHING_TO_REFUND", "Nothing is left to refund on this order.");
    if (request.amountFen !== undefined && request.amountFen > refundableFen)
      throw new ApiError(422, "REFUND_TOO_LARGE", `At most ${refundableFen} fen can be refunded here; ${request.amountFen} fen was asked for.`, { refundableFen });
    const amountFen = request.amountFen ?? refundableFen;
    const refundId = await insertRefund(tx, { order, itemId: request.itemId ?? null, amountFen, reason: request.reason, requestedBy: request.requestedBy, now });
    await tx.update(orders).set({ status: "refunding" }).where(eq(orders.id, order.id));
    const [row] = await tx.select({ refundNo: refunds.refundNo }).from(refunds).where(eq(refunds.id, refundId));
    await audit(tx, { refundNo: row!.refundNo, amountFen, orderId: order.id });
    return { refundId, refundNo: row!.refundNo, amountFen };
  });
}

/**
 * What refunding an item can give back now: what was paid for a course; for a membership term, the unused
 * share (lib/memberships/rules.ts proRataRefundFen: all of it before it begins, nothing once it is over).
 */
export async function refundableItemFen(tx: Pick<Tx, "select">, item: typeof orderItems.$inferSelect, now: Date): Promise<number> {
  if (item.refundedAt) return 0;
  if (item.kind === "membership") return Math.min(item.paidFen, (await refundableTermFen(tx, item.id, now)) ?? item.paidFen);
  return item.paidFen;
}

/** What each item could give back if refunded now, by item id (for the admin's refund choices). */
export async function refundableAmounts(items: Array<typeof orderItems.$inferSelect>, now = new Date()): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const item of items) out.set(item.id, await refundableItemFen(db(), item, now));
  return out;
}

/** Asks the provider to refund, and applies its answer. Safe to call again (the provider dedupes by refund number). */
export async function sendRefund(refundId: number): Promise<SettleResult & { status: "pending" | "succeeded" | "failed" }> {
  const [row] = await db()
    .select({ refund: refunds, order: orders })
    .from(refunds)
    .innerJoin(orders, eq(orders.id, refunds.orderId))
    .where(eq(refunds.id, refundId));
  if (!row) throw new Error(`no refund ${refundId}`);
  const { refund, order } = row;
  if (refund.status !== "pending") return { outcome: "duplicate", status: refund.status };
  try {
    const answer = await paymentProvider(refund.provider).refund({
      orderNo: order.orderNo,
      refundNo: refund.refundNo,
      amountFen: refund.amountFen,
      totalFen: order.totalFen,
      reason: refund.reason,
      providerTradeNo: order.providerTradeNo ?? undefined,
      notifyUrl: notifyUrl(refund.provider),
      requestedAt: refund.requestedAt,
    });
    if (answer.status === "success") return { ...(await completeRefund(refund.refundNo, { providerRefundNo: answer.providerRefundNo })), status: "succeeded" };
    if (answer.status === "failed") return { ...(await failRefund(refund.refundNo, "the provider refused the refund")), status: "failed" };
    return { outcome: "ignored", reason: "processing at the provider", status: "pending" };
  } catch (error) {
    // The provider said no (an unknown trade, a refund beyond the paid amount, ...): the refund has failed.
    if (error instanceof PaymentProviderError && !TRANSIENT.test(error.code)) return { ...(await failRefund(refund.refundNo, `${error.code}: ${error.message}`)), status: "failed" };
    // Unknown whether the provider took it: stay pending; the reconciliation job asks again.
    log.warn({ err: error, refundNo: refund.refundNo }, "refund request failed; will query later");
    return { outcome: "ignored", reason: error instanceof Error ? error.message : String(error), status: "pending" };
  }
}

/** For a refund left pending: ask the provider what became of it; re-send it if the provider never got it. */
export async function reconcileRefund(refundId: number): Promise<void> {
  const [row] = await db()
    .select({ refund: refunds, order: orders })
    .from(refunds)
    .innerJoin(orders, eq(orders.id, refunds.orderId))
    .where(eq(refunds.id, refundId));
  if (!row || row.refund.status !== "pending") return;
  try {
    const answer = await paymentProvider(row.refund.provider).queryRefund({ refundNo: row.refund.refundNo, orderNo: row.order.orderNo, requestedAt: row.refund.requestedAt });
    if (answer.status === "success") await completeRefund(row.refund.refundNo, { providerRefundNo: answer.providerRefundNo });
    else if (answer.status === "failed") await failRefund(row.refund.refundNo, "the provider reports the refund failed");
  } catch (error) {
    log.info({ err: error, refundNo: row.refund.refundNo }, "refund unknown to the provider; sending it again");
    await sendRefund(refundId);
  }
}

/** Items of an order not yet refunded (for the admin's refund choices). */
export async function refundableItems(orderId: number) {
  return db()
    .select({ id: orderItems.id, title: orderItems.titleSnapshot, paidFen: orderItems.paidFen })
    .from(orderItems)
    .where(and(eq(orderItems.orderId, orderId), isNull(orderItems.refundedAt), sql`${orderItems.paidFen} > 0`));
}
