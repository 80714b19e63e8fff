// The payment path end to end below the browser: checkout, a payment started at the sandbox provider, the
// learner paying there, and the signed notification fed to our webhook routes: genuine, replayed twenty times
// at once, tampered, forged for another merchant, stale, a probe, for a closed order; a lost notification
// recovered by reconciliation; refunds, and a refund heard before a late payment notification.
import { createPrivateKey } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { courses, enrolments, orders, paymentNotifications, refunds } from "@/db/schema";
import { env } from "@/lib/config/env";
import { alipaySignContent, rsa2Sign } from "@/lib/payments/alipay-sign";
import { wechatResponseMessage, wechatSign } from "@/lib/payments/wechat-sign";
import { localSecrets } from "@/scripts/local/secrets";
import { profile } from "@/scripts/local/profile";
import { createTestUser } from "@/test/users";
import { POST as alipayNotify } from "@/app/api/payments/alipay/notify/route";
import { POST as unionpayNotify } from "@/app/api/payments/unionpay/notify/route";
import { POST as wechatNotify } from "@/app/api/payments/wechat/notify/route";
import { placeOrder } from "./checkout";
import { closeExpiredOrders, reconcile } from "./jobs";
import { startPayment } from "./pay";
import { createRefund, sendRefund } from "./refunds";
import type { ProviderName } from "@/lib/payments";

const keys = localSecrets(profile("test")).paymentSandbox;
const sandbox = () => new URL(env().ALIPAY_GATEWAY_URL!).origin;
const notify: Record<ProviderName, (r: Request) => Promise<Response>> = { alipay: alipayNotify, wechat: wechatNotify, unionpay: unionpayNotify };

interface Delivery {
  id: string;
  kind: "payment" | "refund";
  orderNo: string;
  body: string;
  headers: Record<string, string>;
}

let paidCourses: number[] = [];
beforeAll(async () => {
  const rows = await db()
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.status, "published"), sql`${courses.priceFen} > 0`))
    .limit(12);
  paidCourses = rows.map((r) => r.id);
  expect(paidCourses.length).toBeGreaterThanOrEqual(4);
});
afterAll(async () => undefined);

async function sandboxJson<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${sandbox()}/_sandbox${path}`, body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status, `${path}: ${res.status}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** A learner with a fresh order for `courseIds`, paid at the sandbox with the notification held back. */
async function paidButNotNotified(provider: ProviderName, courseIds = [paidCourses[0]!]) {
  const userId = await createTestUser([], "付款测试");
  const { order } = await placeOrder({ acceptedTerms: true, userId, courseIds });
  const how = await startPayment({ userId, orderNo: order.orderNo, provider, clientIp: "127.0.0.1" });
  // The learner's browser reaches the provider's page (Alipay, UnionPay); WeChat's QR code needs no visit.
  if (how.kind === "redirect") await (await fetch(how.url)).text();
  if (how.kind === "form") await (await fetch(how.action, { method: "POST", body: new URLSearchParams(how.fields), redirect: "manual" })).text();
  await sandboxJson(`/payments/${provider}/${order.orderNo}/pay`, { drop: true });
  const deliveries = await sandboxJson<Delivery[]>(`/deliveries?provider=${provider}&orderNo=${order.orderNo}`);
  const delivery = deliveries.find((d) => d.kind === "payment");
  if (!delivery) throw new Error("the sandbox recorded no notification");
  return { userId, order, delivery };
}

const post = (provider: ProviderName, body: string, headers: Record<string, string>) =>
  notify[provider](new Request(`http://localhost/api/payments/${provider}/notify`, { method: "POST", headers, body }));

const orderRow = async (orderNo: string) => (await db().select().from(orders).where(eq(orders.orderNo, orderNo)))[0]!;
const enrolmentCount = async (userId: number) => (await db().select({ id: enrolments.id }).from(enrolments).where(eq(enrolments.userId, userId))).length;
const stored = (orderNo: string) => db().select().from(paymentNotifications).where(eq(paymentNotifications.orderNo, orderNo));

describe.each(["alipay", "wechat", "unionpay"] as const)("%s notifications", (provider) => {
  it("applies a genuine notification once when it arrives 20 times at once, and stores every copy", async () => {
    const { userId, order, delivery } = await paidButNotNotified(provider);
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(provider, delivery.body, delivery.headers)));
    const expected = provider === "wechat" ? 204 : 200;
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(expected));
    if (provider === "alipay") expect(await answers[0]!.text()).toBe("success");
    expect((await orderRow(order.orderNo)).status).toBe("paid");
    expect(await enrolmentCount(userId)).toBe(1);
    const rows = await stored(order.orderNo);
    expect(rows).toHaveLength(20);
    expect(rows.filter((r) => r.outcome === "applied")).toHaveLength(1);
    expect(rows.filter((r) => r.outcome === "duplicate")).toHaveLength(19);
    expect(rows.every((r) => r.verified && r.kind === "payment" && r.amountFen === order.totalFen)).toBe(true);
  });

  it("refuses a tampered body and a bad signature, changing nothing", async () => {
    const { userId, order, delivery } = await paidButNotNotified(provider);
    const amountYuan = (order.totalFen / 100).toFixed(2);
    const tampered =
      provider === "wechat" ? delivery.body.replace(/"ciphertext":"(.)/, (_m, c: string) => `"ciphertext":"${c === "A" ? "B" : "A"}`) : delivery.body.replace(amountYuan, "0.01").replace(`txnAmt=${order.totalFen}`, "txnAmt=1");
    expect(tampered).not.toBe(delivery.body);
    const badSignature =
      provider === "wechat"
        ? { ...delivery.headers, "wechatpay-signature": Buffer.from("x".repeat(256)).toString("base64") }
        : delivery.headers;
    const forgedBody = provider === "wechat" ? delivery.body : delivery.body.replace(/(sign(?:ature)?=)([A-Za-z0-9%])/, (_m, k: string, c: string) => `${k}${c === "A" ? "B" : "A"}`);
    for (const [body, headers] of [
      [tampered, delivery.headers],
      [forgedBody, badSignature],
    ] as const) {
      const answer = await post(provider, body, headers);
      expect(answer.status === 200 ? await answer.text() : answer.status).not.toBe(provider === "alipay" ? "success" : provider === "wechat" ? 204 : 200);
    }
    expect((await orderRow(order.orderNo)).status).toBe("pending");
    expect(await enrolmentCount(userId)).toBe(0);
    const unverified = await db()
      .select()
      .from(paymentNotifications)
      .where(and(eq(paymentNotifications.provider, provider), eq(paymentNotifications.verified, false), sql`${paymentNotifications.receivedAt} > NOW(3) - INTERVAL 1 MINUTE`));
    expect(unverified.length).toBeGreaterThanOrEqual(2);
    expect(unverified.every((r) => r.outcome === "unverified")).toBe(true);
  });

  it("refuses a genuine notification whose amount differs from the order's, and one for an unknown order", async () => {
    const { userId, order, delivery } = await paidButNotNotified(provider);
    // The order's total as we recorded it differs from what was paid (an attacker paying 1 fen for a course).
    await db().update(orders).set({ totalFen: order.totalFen + 1 }).where(eq(orders.id, order.id));
    const answer = await post(provider, delivery.body, delivery.headers);
    expect(provider === "alipay" ? await answer.text() : answer.status).toBe(provider === "alipay" ? "fail" : 400);
    expect((await orderRow(order.orderNo)).status).toBe("pending");
    expect(await enrolmentCount(userId)).toBe(0);
    const [row] = await stored(order.orderNo);
    expect(row).toMatchObject({ verified: true, outcome: "rejected" });
    expect(row!.reason).toMatch(/amount/);
    await db().delete(orders).where(eq(orders.id, order.id));
    const unknown = await post(provider, delivery.body, delivery.headers);
    expect(provider === "alipay" ? await unknown.text() : unknown.status).not.toBe(provider === "alipay" ? "success" : provider === "wechat" ? 204 : 200);
    expect((await stored(order.orderNo)).map((r) => r.reason)).toContain("unknown order");
  });

  it("refunds a payment that arrives for a closed order instead of enrolling", async () => {
    const { userId, order, delivery } = await paidButNotNotified(provider);
    await db().update(orders).set({ payBefore: new Date(Date.now() - 1000) }).where(eq(orders.id, order.id));
    // The close job asks the provider first: this order was paid there, so it is not closed but paid.
    // Close it directly to play the race where the payment lands after the order closed.
    await db().update(orders).set({ status: "closed", closedAt: new Date() }).where(eq(orders.id, order.id));
    const answer = await post(provider, delivery.body, delivery.headers);
    expect(answer.status).toBeLessThan(300);
    expect(await enrolmentCount(userId)).toBe(0);
    const deadline = Date.now() + 5000;
    let refund;
    while (Date.now() < deadline) {
      [refund] = await db().select().from(refunds).where(eq(refunds.orderId, order.id));
      if (refund && refund.status !== "pending") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(refund).toMatchObject({ amountFen: order.totalFen, reason: "paid after the order closed" });
    expect(["succeeded", "pending"]).toContain(refund!.status);
    expect((await orderRow(order.orderNo)).status).toBe("closed");
  });

  it("recovers a lost notification by reconciliation, then refunds the order and ends the enrolment", async () => {
    const { userId, order, delivery } = await paidButNotNotified(provider, [paidCourses[1]!, paidCourses[2]!]);
    const result = await reconcile(new Date(Date.now() + 120_000));
    expect(result.ordersPaid).toBeGreaterThanOrEqual(1);
    expect((await orderRow(order.orderNo)).status).toBe("paid");
    expect(await enrolmentCount(userId)).toBe(2);

    const admin = await createTestUser(["order_admin"]);
    const audited: string[] = [];
    const refund = await createRefund({ orderNo: order.orderNo, reason: "测试退款", requestedBy: admin }, async (_tx, r) => void audited.push(r.refundNo));
    expect(audited).toEqual([refund.refundNo]);
    expect((await orderRow(order.orderNo)).status).toBe("refunding");
    const sent = await sendRefund(refund.refundId);
    if (sent.status === "pending") await reconcile(new Date(Date.now() + 120_000));
    const after = await orderRow(order.orderNo);
    expect(after).toMatchObject({ status: "refunded", refundedFen: order.totalFen });
    expect(await enrolmentCount(userId)).toBe(0);

    // The refund's notification arrives before the long-lost payment notification: applied once already.
    const refundNote = (await sandboxJson<Delivery[]>(`/deliveries?provider=${provider}&orderNo=${order.orderNo}`)).find((d) => d.kind === "refund");
    if (provider !== "alipay") expect(refundNote, "WeChat Pay and UnionPay notify refunds").toBeDefined();
    if (refundNote) {
      const answer = await post(provider, refundNote.body, refundNote.headers);
      expect(answer.status).toBeLessThan(300);
      const [row] = (await stored(order.orderNo)).filter((r) => r.kind === "refund");
      expect(row).toMatchObject({ verified: true, outcome: "duplicate" });
    }
    // Then the payment notification finally arrives: nothing changes, nobody is enrolled again.
    const late = await post(provider, delivery.body, delivery.headers);
    expect(late.status).toBeLessThan(300);
    expect((await orderRow(order.orderNo)).status).toBe("refunded");
    expect(await enrolmentCount(userId)).toBe(0);
    expect((await stored(order.orderNo)).find((r) => r.kind === "payment")).toMatchObject({ verified: true, outcome: "duplicate" });
  });
});

describe("forgeries only a provider's own key could make", () => {
  it("refuses Alipay's genuine signature over another app's notification", async () => {
    const { order, delivery } = await paidButNotNotified("alipay");
    const params = Object.fromEntries(new URLSearchParams(delivery.body));
    const other: Record<string, string> = { ...params, app_id: "2021000000000001" };
    other.sign = rsa2Sign(alipaySignContent(other, "notification"), createPrivateKey(keys.alipay.alipayPrivateKey));
    const answer = await post("alipay", new URLSearchParams(other).toString(), delivery.headers);
    expect(await answer.text()).toBe("fail");
    expect((await orderRow(order.orderNo)).status).toBe("pending");
  });

  it("refuses WeChat notifications with a stale timestamp or a probe signature", async () => {
    const { order, delivery } = await paidButNotNotified("wechat");
    const platform = createPrivateKey(keys.wechat.platformPrivateKey);
    const stale = String(Math.floor(Date.now() / 1000) - 6 * 60);
    const staleHeaders = { ...delivery.headers, "wechatpay-timestamp": stale, "wechatpay-signature": wechatSign(wechatResponseMessage(stale, delivery.headers["wechatpay-nonce"]!, delivery.body), platform) };
    const staleAnswer = await post("wechat", delivery.body, staleHeaders);
    expect(staleAnswer.status).toBe(400);
    expect(await staleAnswer.json()).toMatchObject({ code: "FAIL" });
    const probe = await post("wechat", delivery.body, { ...delivery.headers, "wechatpay-signature": `WECHATPAY/SIGNTEST/${"A".repeat(300)}` });
    expect(probe.status).toBe(400);
    expect((await orderRow(order.orderNo)).status).toBe("pending");
    const reasons = (await db().select({ reason: paymentNotifications.reason }).from(paymentNotifications).where(sql`${paymentNotifications.receivedAt} > NOW(3) - INTERVAL 1 MINUTE AND ${paymentNotifications.provider} = 'wechat'`)).map((r) => r.reason);
    expect(reasons).toEqual(expect.arrayContaining(["stale or future timestamp", "probe signature (WECHATPAY/SIGNTEST/)"]));
  });
});

describe("closing unpaid orders", () => {
  it("closes an expired order nobody paid and gives nothing; keeps one the provider says was paid", async () => {
    const userId = await createTestUser();
    const { order: unpaid } = await placeOrder({ acceptedTerms: true, userId, courseIds: [paidCourses[3]!] });
    const { order: paidThere, userId: payer } = await paidButNotNotified("alipay", [paidCourses[3]!]);
    const later = new Date(Date.now() + 31 * 60_000);
    await closeExpiredOrders(later);
    expect((await orderRow(unpaid.orderNo)).status).toBe("closed");
    expect((await orderRow(paidThere.orderNo)).status).toBe("paid");
    expect(await enrolmentCount(payer)).toBe(1);
  });
});
