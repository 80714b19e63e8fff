// Starting a payment, and asking a provider what became of one. The learner picks a provider on the pay page;
// we record the attempt (the reconciliation job and the return page query it later) and hand back how to pay:
// a redirect (Alipay), a QR code (WeChat Pay Native) or a form to post (UnionPay).
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { orderItems, orders, paymentAttempts } from "@/db/schema";
import { env } from "@/lib/config/env";
import { ApiError } from "@/lib/http/api";
import { logger } from "@/lib/log";
import { paymentProvider, type CreatePaymentResult, type ProviderName } from "@/lib/payments";
import { applyPayment, closeOrder, type SettleResult } from "./settle";

const log = logger.child({ component: "payments" });

export const notifyUrl = (provider: ProviderName) => `${env().APP_URL.replace(/\/+$/, "")}/api/payments/${provider}/notify`;
/** Where the provider sends the learner back. UnionPay comes back with a POST, which a route turns into a GET. */
export const returnUrl = (orderNo: string, provider: ProviderName) =>
  provider === "unionpay"
    ? `${env().APP_URL.replace(/\/+$/, "")}/api/payments/unionpay/return?orderNo=${orderNo}`
    : `${env().APP_URL.replace(/\/+$/, "")}/orders/${orderNo}/return?provider=${provider}`;

export async function startPayment(input: { userId: number; orderNo: string; provider: ProviderName; clientIp: string; now?: Date }): Promise<CreatePaymentResult> {
  const now = input.now ?? new Date();
  const [order] = await db()
    .select()
    .from(orders)
    .where(and(eq(orders.orderNo, input.orderNo), eq(orders.userId, input.userId)))
    .limit(1);
  if (!order) throw new ApiError(404, "NOT_FOUND", "No such order.");
  if (order.status !== "pending") throw new ApiError(409, "ORDER_NOT_PAYABLE", `This order is ${order.status}; only unpaid orders can be paid.`, { status: order.status });
  if (order.payBefore && order.payBefore <= now) {
    await closeOrder(order.id, now);
    throw new ApiError(409, "ORDER_EXPIRED", "The time to pay this order has passed; it has been closed.");
  }
  let provider;
  try {
    provider = paymentProvider(input.provider);
  } catch {
    throw new ApiError(422, "PROVIDER_UNAVAILABLE", `${input.provider} is not available on this site.`);
  }
  const titles = await db().select({ title: orderItems.titleSnapshot }).from(orderItems).where(eq(orderItems.orderId, order.id));
  const subject = titles.length === 1 ? titles[0]!.title : `${titles[0]?.title ?? "Xuefu"} +${titles.length - 1}`;
  const result = await provider.createPayment({
    orderNo: order.orderNo,
    amountFen: order.totalFen,
    subject: subject.slice(0, 120),
    returnUrl: returnUrl(order.orderNo, input.provider),
    notifyUrl: notifyUrl(input.provider),
    clientIp: input.clientIp === "unknown" ? "127.0.0.1" : input.clientIp,
    startedAt: now,
    expiresAt: order.payBefore ?? undefined,
  });
  await db().insert(paymentAttempts).values({ orderId: order.id, provider: input.provider, startedAt: result.startedAt, createdAt: now });
  await db().update(orders).set({ provider: input.provider }).where(eq(orders.id, order.id));
  return result;
}

/**
 * Asks each provider the learner started paying with whether the order was paid, and applies a payment it
 * reports. The return page (after a short wait) and the reconciliation job call this, so a notification
 * that never arrives does not lose the sale.
 */
export async function queryAndApply(orderId: number): Promise<SettleResult | null> {
  const attempts = await db().select().from(paymentAttempts).where(eq(paymentAttempts.orderId, orderId)).orderBy(desc(paymentAttempts.startedAt)).limit(5);
  const [order] = await db().select({ orderNo: orders.orderNo, status: orders.status }).from(orders).where(eq(orders.id, orderId)).limit(1);
  if (!order || attempts.length === 0) return null;
  const seen = new Set<ProviderName>();
  for (const attempt of attempts) {
    if (seen.has(attempt.provider)) continue;
    seen.add(attempt.provider);
    try {
      const answer = await paymentProvider(attempt.provider).queryPayment(order.orderNo, { startedAt: attempt.startedAt });
      if (answer.status === "paid" && answer.providerTradeNo && answer.amountFen !== undefined) {
        const settled = await applyPayment(attempt.provider, { orderNo: order.orderNo, providerTradeNo: answer.providerTradeNo, amountFen: answer.amountFen, paidAt: answer.paidAt });
        log.info({ orderNo: order.orderNo, provider: attempt.provider, outcome: settled.outcome }, "payment found by query");
        return settled;
      }
    } catch (error) {
      log.warn({ err: error, orderNo: order.orderNo, provider: attempt.provider }, "payment query failed");
    }
  }
  return null;
}
