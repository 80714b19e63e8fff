// A won flash-sale seat and the pay-before reminder, against the real MariaDB, Redis and BullMQ: the winner is
// told once, the reminder job is queued once for a few minutes before the pay-before time, sends once, and is
// skipped for an order already paid.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { courses, notifications, seckillSales } from "@/db/schema";
import { closeQueues, QUEUES, queue } from "@/lib/jobs/queues";
import { writeAdmission } from "@/lib/seckill/writer";
import { createTestUser } from "@/test/users";
import { nextOrderNo } from "./order-no-generator";
import { payReminderAt, sendPayReminder } from "./pay-reminder";
import { applyPayment } from "./settle";

afterAll(async () => closeQueues());

async function winSeat(userId: number, payInMs: number) {
  const [course] = await db()
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.status, "published"), sql`${courses.priceFen} > 0`))
    .limit(1);
  const now = Date.now();
  const [sale] = await db()
    .insert(seckillSales)
    .values({ courseId: course!.id, priceFen: 990, seats: 5, seatsLeft: 5, startsAt: new Date(now - 60_000), endsAt: new Date(now + 3_600_000) })
    .$returningId();
  const orderNo = await nextOrderNo();
  const written = await writeAdmission({ saleId: sale!.id, userId, orderNo, payBefore: new Date(now + payInMs) });
  if (written.outcome !== "written") throw new Error(`admission not written: ${JSON.stringify(written)}`);
  return { orderId: written.orderId, orderNo };
}

const kindsOf = async (userId: number) =>
  (await db().select({ kind: notifications.kind, key: notifications.dedupeKey }).from(notifications).where(eq(notifications.userId, userId)).orderBy(notifications.id)).map((r) => r.kind);

describe("flash-sale seats and the pay-before reminder", () => {
  it("tells the winner once, queues one reminder before the pay-before time, and sends it once", async () => {
    const userId = await createTestUser([], "秒杀提醒");
    const { orderId, orderNo } = await winSeat(userId, 15 * 60_000);
    expect(await kindsOf(userId)).toEqual(["seckill.won"]);
    const job = await queue(QUEUES.orders).getJob(`pay-reminder-${orderId}`);
    expect(job?.name).toBe("pay-reminder");
    expect(await job!.getState()).toBe("delayed");
    // Due 5 minutes before a 15-minute window closes.
    expect(job!.opts.delay).toBeGreaterThan(9 * 60_000);
    expect(job!.opts.delay).toBeLessThanOrEqual(10 * 60_000);

    expect(await sendPayReminder(orderId)).toBe("sent");
    expect(await sendPayReminder(orderId)).toBe("already-sent");
    expect(await kindsOf(userId)).toEqual(["seckill.won", "order.pay-reminder"]);
    const [reminder] = await db().select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, "order.pay-reminder")));
    expect(reminder!.data).toMatchObject({ orderNo, totalFen: 990 });
    await job!.remove();
  });

  it("skips the reminder of an order that was paid meanwhile", async () => {
    const userId = await createTestUser([], "已付款");
    const { orderId, orderNo } = await winSeat(userId, 15 * 60_000);
    expect((await applyPayment("alipay", { orderNo, providerTradeNo: `T${orderNo}`, amountFen: 990 })).outcome).toBe("applied");
    expect(await sendPayReminder(orderId)).toBe("not-pending");
    expect(await kindsOf(userId)).toEqual(["seckill.won", "order.paid"]);
    await (await queue(QUEUES.orders).getJob(`pay-reminder-${orderId}`))?.remove();
  });

  it("reminds a third of a short window before its end, and five minutes before a long one's", () => {
    const placed = new Date("2030-01-01T00:00:00Z");
    expect(payReminderAt(placed, new Date("2030-01-01T00:15:00Z")).toISOString()).toBe("2030-01-01T00:10:00.000Z");
    expect(payReminderAt(placed, new Date("2030-01-01T00:03:00Z")).toISOString()).toBe("2030-01-01T00:02:00.000Z");
  });
});
