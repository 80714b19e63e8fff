// The notification centre against the test profile's MariaDB and Redis, with a real gateway socket listening:
// stored, counted and pushed live; marking read is scoped to the learner; a paid and a refunded order each tell
// their learner once.
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { db } from "@/db";
import { courses, notifications, refunds, users } from "@/db/schema";
import { handlerFor } from "@/lib/jobs/handlers";
import { closeQueues, QUEUES, queue } from "@/lib/jobs/queues";
import { signToken } from "@/lib/auth/jwt";
import { registerSession } from "@/lib/auth/session-registry";
import { placeOrder } from "@/lib/orders/checkout";
import { applyPayment, completeRefund, insertRefund } from "@/lib/orders/settle";
import { startGateway, type Gateway } from "@/lib/realtime/gateway";
import { pubsubName } from "@/lib/realtime/keys";
import { userChannel, type ServerFrame } from "@/lib/realtime/protocol";
import { createTcpRedis } from "@/lib/redis/tcp";
import { createTestUser } from "@/test/users";
import { listNotifications, markAllRead, markRead, notify, preferencesOf, savePreferences, unreadCount } from "./index";
import { DEFAULT_CHANNELS } from "./kinds";

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway({ host: "127.0.0.1", port: 0, allowedOrigins: ["http://localhost:3000"], redis: () => createTcpRedis() });
});
afterAll(async () => {
  await gateway?.close();
  await closeQueues();
});

/** A socket on the learner's channel, collecting the unread counts pushed to it. */
async function listen(userId: number): Promise<{ counts: number[]; next(n: number): Promise<number[]>; close(): void }> {
  const session = await registerSession(userId, "web", { userAgent: "Vitest", ip: "127.0.0.1" }, 600);
  const token = await signToken({ sub: String(userId), sid: session.sid, kind: "web" }, 600);
  const ws = new WebSocket(`ws://127.0.0.1:${gateway.port}/ws`, { headers: { origin: "http://localhost:3000", cookie: `authjs.session-token=${token}` } });
  const counts: number[] = [];
  const waiters: Array<() => void> = [];
  ws.on("message", (data) => {
    const frame = JSON.parse(String(data)) as ServerFrame;
    if (frame.t === "event" && frame.e.type === "notifications") counts.push((frame.e.data as { unread: number }).unread);
    for (const w of waiters.splice(0)) w();
  });
  await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
  const tcp = createTcpRedis();
  for (let i = 0; i < 100; i++) {
    const [, n] = (await tcp.call("PUBSUB", "NUMSUB", pubsubName(userChannel(userId)))) as [string, number];
    if (n > 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  tcp.disconnect();
  return {
    counts,
    next: (n) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`expected ${n} pushes, got ${JSON.stringify(counts)}`)), 3_000);
        const check = () => (counts.length >= n ? (clearTimeout(timer), resolve(counts.slice(0, n))) : waiters.push(check));
        check();
      }),
    close: () => ws.close(),
  };
}

describe("the notification centre", () => {
  it("stores a notification, then pushes the new unread count to the learner's open tab", async () => {
    const userId = await createTestUser([], "通知");
    const tab = await listen(userId);
    await notify(userId, "order.paid", { orderNo: "X1", totalFen: 9900 }, { key: "t:X1" });
    await notify(userId, "membership.ending", { endsAt: "2040-01-31T00:00:00.000Z", daysLeft: 7 }, { key: "t:M1" });
    expect(await tab.next(2)).toEqual([1, 2]);
    const { items } = await listNotifications(userId);
    expect(items.map((i) => i.kind)).toEqual(["membership.ending", "order.paid"]);
    expect(items[1]!.data).toEqual({ orderNo: "X1", totalFen: 9900 });
    tab.close();
  });

  it("refuses facts that do not fit the kind", async () => {
    const userId = await createTestUser([], "通知");
    await expect(notify(userId, "order.paid", { orderNo: "X2", totalFen: -1 }, { key: "t:X2" })).rejects.toThrow();
    expect(await unreadCount(userId)).toBe(0);
  });

  it("marks read only the learner's own notifications, one or all, and pushes each new count", async () => {
    const mine = await createTestUser([], "通知");
    const theirs = await createTestUser([], "别人");
    await notify(mine, "order.paid", { orderNo: "A", totalFen: 100 }, { key: "t:A" });
    await notify(mine, "order.paid", { orderNo: "B", totalFen: 200 }, { key: "t:B" });
    await notify(theirs, "order.paid", { orderNo: "C", totalFen: 300 }, { key: "t:C" });
    const ids = (await listNotifications(mine)).items.map((i) => i.id).reverse();
    const other = (await listNotifications(theirs)).items[0]!.id;
    const tab = await listen(mine);
    await markRead(mine, [other]);
    expect(await unreadCount(theirs)).toBe(1);
    await markRead(mine, [ids[0]!]);
    await markAllRead(mine);
    // The first push is the refused attempt: nothing of mine changed, still 2.
    expect(await tab.next(3)).toEqual([2, 1, 0]);
    expect(await unreadCount(mine)).toBe(0);
    expect(await unreadCount(theirs)).toBe(1);
    tab.close();
  });

  it("tells the learner once when their order is paid, and once when it is refunded, however often each is heard", async () => {
    const [course] = await db()
      .select({ id: courses.id })
      .from(courses)
      .where(and(eq(courses.status, "published"), sql`${courses.priceFen} > 0`))
      .limit(1);
    const userId = await createTestUser([], "付款通知");
    const { order } = await placeOrder({ acceptedTerms: true, userId, courseIds: [course!.id] });
    const tab = await listen(userId);
    const payment = { orderNo: order.orderNo, providerTradeNo: `T${order.orderNo}`, amountFen: order.totalFen };
    expect((await applyPayment("alipay", payment)).outcome).toBe("applied");
    expect((await applyPayment("alipay", payment)).outcome).toBe("duplicate");
    expect(await tab.next(1)).toEqual([1]);
    const rows = await db().select().from(notifications).where(eq(notifications.userId, userId));
    expect(rows.map((r) => [r.kind, r.data])).toEqual([["order.paid", { orderNo: order.orderNo, totalFen: order.totalFen }]]);

    // Refunded in full: told once, however often the provider reports the refund.
    await db().transaction((tx) => insertRefund(tx, { order: { id: order.id, orderNo: order.orderNo, provider: "alipay" }, amountFen: order.totalFen, reason: "test", requestedBy: null, now: new Date() }));
    const [refund] = await db().select().from(refunds).where(eq(refunds.orderId, order.id));
    expect((await completeRefund(refund!.refundNo, { amountFen: order.totalFen })).outcome).toBe("applied");
    expect((await completeRefund(refund!.refundNo, { amountFen: order.totalFen })).outcome).toBe("duplicate");
    expect(await tab.next(2)).toEqual([1, 2]);
    const { items } = await listNotifications(userId);
    expect(items.map((i) => [i.kind, i.data])).toEqual([
      ["order.refunded", { orderNo: order.orderNo, amountFen: order.totalFen }],
      ["order.paid", { orderNo: order.orderNo, totalFen: order.totalFen }],
    ]);
    tab.close();
  });

  it("tells once per key: the same key again stores nothing and pushes nothing", async () => {
    const userId = await createTestUser([], "幂等");
    expect(await notify(userId, "order.paid", { orderNo: "K1", totalFen: 100 }, { key: "order.paid:K1" })).toBe(true);
    expect(await notify(userId, "order.paid", { orderNo: "K1", totalFen: 100 }, { key: "order.paid:K1" })).toBe(false);
    const told = await Promise.all(Array.from({ length: 5 }, () => notify(userId, "order.paid", { orderNo: "K2", totalFen: 100 }, { key: "order.paid:K2" })));
    expect(told.filter(Boolean)).toHaveLength(1);
    expect(await unreadCount(userId)).toBe(2);
  });

  it("follows the learner's channel choices: in-app off keeps it out of the bell and the list", async () => {
    const userId = await createTestUser([], "偏好");
    expect((await preferencesOf(userId))["course.updated"]).toEqual(DEFAULT_CHANNELS["course.updated"]);
    await savePreferences(userId, { "order.paid": { inApp: false, email: true, sms: false } });
    expect((await preferencesOf(userId))["order.paid"]).toEqual({ inApp: false, email: true, sms: false });
    expect(await notify(userId, "order.paid", { orderNo: "P1", totalFen: 100 }, { key: "order.paid:P1" })).toBe(true);
    expect(await unreadCount(userId)).toBe(0);
    expect((await listNotifications(userId)).items).toEqual([]);
    // Saving again replaces the choice.
    await savePreferences(userId, { "order.paid": { inApp: true, email: false, sms: false } });
    await notify(userId, "order.paid", { orderNo: "P2", totalFen: 100 }, { key: "order.paid:P2" });
    expect((await listNotifications(userId)).items.map((i) => i.data)).toEqual([{ orderNo: "P2", totalFen: 100 }]);
    // Nothing on: nothing stored at all.
    await savePreferences(userId, { "order.paid": { inApp: false, email: false, sms: false } });
    expect(await notify(userId, "order.paid", { orderNo: "P3", totalFen: 100 }, { key: "order.paid:P3" })).toBe(false);
  });

  it("hands email or SMS to the senders on the learner's channels, in their language, once per key", async () => {
    const jobOf = async (userId: number, channel: string, key: string) =>
      queue(QUEUES.notifications).getJob(`n-${userId}-${channel}-${createHash("sha256").update(key).digest("hex").slice(0, 32)}`);
    const withEmail = await createTestUser([], "邮件");
    await notify(withEmail, "order.refunded", { orderNo: "E1", amountFen: 1990 }, { key: "order.refunded:RE1" });
    await notify(withEmail, "order.refunded", { orderNo: "E1", amountFen: 1990 }, { key: "order.refunded:RE1" });
    const email = await jobOf(withEmail, "email", "order.refunded:RE1");
    expect(email?.data).toMatchObject({ channel: "email", subject: "【学府】退款已完成" });
    expect(email?.data.text).toContain("E1");
    expect(email?.data.text).toContain("¥19.90");
    // Delivered by the worker's handler, without the learner's id and kind in what the gateway gets.
    expect(await handlerFor("notifications", "send")!(email!)).toEqual({ channel: "email" });
    await email!.remove();
    // Email off for the kind: nothing queued, the row still in the list.
    await savePreferences(withEmail, { "order.refunded": { inApp: true, email: false, sms: false } });
    await notify(withEmail, "order.refunded", { orderNo: "E2", amountFen: 100 }, { key: "order.refunded:RE2" });
    expect(await jobOf(withEmail, "email", "order.refunded:RE2")).toBeUndefined();
    // Queued while email was on, turned off before the worker got to it: the worker does not send it.
    await savePreferences(withEmail, { "order.refunded": { inApp: true, email: true, sms: false } });
    await notify(withEmail, "order.refunded", { orderNo: "E3", amountFen: 100 }, { key: "order.refunded:RE3" });
    await savePreferences(withEmail, { "order.refunded": { inApp: true, email: false, sms: false } });
    const late = await jobOf(withEmail, "email", "order.refunded:RE3");
    expect(await handlerFor("notifications", "send")!(late!)).toEqual({ channel: "email", skipped: "preference" });
    await late!.remove();
    expect((await listNotifications(withEmail)).items).toHaveLength(3);

    // A learner with only a mobile number gets the email default by SMS; course updates stay on the site.
    const mobile = `+86139${String(Date.now()).slice(-8)}`;
    const [made] = await db().insert(users).values({ mobile, name: "短信", locale: "en" }).$returningId();
    await notify(made!.id, "order.paid", { orderNo: "S1", totalFen: 500 }, { key: "order.paid:S1" });
    const sms = await jobOf(made!.id, "sms", "order.paid:S1");
    expect(sms?.data).toMatchObject({ channel: "sms", to: mobile });
    expect(sms?.data.text).toContain("[Xuefu] Order S1 is paid");
    await sms!.remove();
    await notify(made!.id, "course.updated", { courseId: 1, slug: "x", title: "X", newLessons: 1 }, { key: "course.updated:test-1" });
    expect(await jobOf(made!.id, "sms", "course.updated:test-1")).toBeUndefined();
  });
});
