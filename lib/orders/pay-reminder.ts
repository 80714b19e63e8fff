// The reminder that an unpaid order is about to close: one delayed job per order (job id from the order, so
// scheduling twice queues once), due a few minutes before its pay-before time. When it runs, an order that is
// no longer pending (paid, or closed) is skipped; otherwise the learner is told once (the notification
// centre's key is the order number, so a retried job does not tell twice).
import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { orders } from "@/db/schema";
import { QUEUES, queue } from "@/lib/jobs/queues";
import { notify } from "@/lib/notifications";

/** How long before the pay-before time the reminder goes out (a third of a shorter window). */
export const PAY_REMINDER_LEAD_MS = 5 * 60_000;

export function payReminderAt(placedAt: Date, payBefore: Date): Date {
  const window = payBefore.getTime() - placedAt.getTime();
  return new Date(payBefore.getTime() - Math.min(PAY_REMINDER_LEAD_MS, Math.max(0, window) / 3));
}

export async function schedulePayReminder(order: { id: number; payBefore: Date }, placedAt: Date, now = new Date()): Promise<void> {
  const delay = Math.max(0, payReminderAt(placedAt, order.payBefore).getTime() - now.getTime());
  await queue(QUEUES.orders).add("pay-reminder", { orderId: order.id }, { delay, jobId: `pay-reminder-${order.id}`, removeOnComplete: { age: 24 * 60 * 60 } });
}

export type PayReminderOutcome = "sent" | "already-sent" | "not-pending" | "missing";

export async function sendPayReminder(orderId: number, now = new Date()): Promise<PayReminderOutcome> {
  const [order] = await db()
    .select({ userId: orders.userId, orderNo: orders.orderNo, status: orders.status, totalFen: orders.totalFen, payBefore: orders.payBefore })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!order) return "missing";
  if (order.status !== "pending" || !order.payBefore || order.payBefore.getTime() <= now.getTime()) return "not-pending";
  const told = await notify(
    order.userId,
    "order.pay-reminder",
    { orderNo: order.orderNo, totalFen: order.totalFen, payBefore: order.payBefore.toISOString() },
    { key: `order.pay-reminder:${order.orderNo}`, now },
  );
  return told ? "sent" : "already-sent";
}
