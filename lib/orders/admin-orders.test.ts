// The order admin against the test MariaDB, Redis and payment sandbox: refunds through the server action and
// the API as real signed-in users (who may, who may not, what is refundable, how much an item gives back,
// the audit row), and the list API's new filters. Paid orders are made the way learners make them: checkout,
// an Alipay payment at the sandbox (Alipay answers refunds at once, so each refund settles within the call),
// and its signed notification fed to our webhook.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, coupons, courses, orderItems, orders, refunds, users } from "@/db/schema";
import { env } from "@/lib/config/env";
import { signInAs, signOutOfRequest } from "@/test/request-context";
import { createTestUser } from "@/test/users";
import { POST as alipayNotify } from "@/app/api/payments/alipay/notify/route";
import { GET as listOrders } from "@/app/api/v1/admin/orders/route";
import { POST as postRefund } from "@/app/api/v1/admin/orders/[orderNo]/refunds/route";
import { refundOrder } from "./admin-order-actions";
import { placeOrder } from "./checkout";
import { startPayment } from "./pay";

vi.mock("next/headers", () => import("@/test/request-context"));
vi.mock("next/cache", () => import("@/test/request-context"));

const FORBIDDEN = { digest: "NEXT_HTTP_ERROR_FALLBACK;403" };
const initial = { ok: null } as const;

let paidCourses: number[] = [];
let orderAdmin = 0;
let courseAdmin = 0;
beforeAll(async () => {
  const rows = await db()
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.status, "published"), sql`${courses.priceFen} > 1000`))
    .limit(3);
  paidCourses = rows.map((r) => r.id);
  expect(paidCourses).toHaveLength(3);
  orderAdmin = await createTestUser(["order_admin"], "订单管理员");
  courseAdmin = await createTestUser(["course_admin"], "课程管理员");
});

const sandbox = () => new URL(env().ALIPAY_GATEWAY_URL).origin;

async function sandboxJson<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${sandbox()}/_sandbox${path}`, body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status, path).toBeLessThan(300);
  return (await res.json()) as T;
}

/** A fresh learner's order for `courseIds` (optionally with a coupon), paid with Alipay at the sandbox. */
async function paidOrder(courseIds: number[], couponCode?: string) {
  const userId = await createTestUser([], "退款学员");
  const { order } = await placeOrder({ acceptedTerms: true, userId, courseIds, couponCode });
  const how = await startPayment({ userId, orderNo: order.orderNo, provider: "alipay", clientIp: "127.0.0.1" });
  if (how.kind === "redirect") await (await fetch(how.url)).text();
  await sandboxJson(`/payments/alipay/${order.orderNo}/pay`, { drop: true });
  const deliveries = await sandboxJson<Array<{ kind: string; body: string; headers: Record<string, string> }>>(`/deliveries?provider=alipay&orderNo=${order.orderNo}`);
  const payment = deliveries.find((d) => d.kind === "payment")!;
  const answer = await alipayNotify(new Request("http://localhost/api/payments/alipay/notify", { method: "POST", headers: payment.headers, body: payment.body }));
  expect(await answer.text()).toBe("success");
  expect((await orderRow(order.orderNo)).status).toBe("paid");
  return { userId, orderNo: order.orderNo };
}

const orderRow = async (orderNo: string) => (await db().select().from(orders).where(eq(orders.orderNo, orderNo)))[0]!;
const itemsOf = async (orderNo: string) => db().select({ item: orderItems }).from(orderItems).innerJoin(orders, eq(orders.id, orderItems.orderId)).where(eq(orders.orderNo, orderNo)).orderBy(orderItems.id);
const refundsOf = async (orderNo: string) => db().select({ refund: refunds }).from(refunds).innerJoin(orders, eq(orders.id, refunds.orderId)).where(eq(orders.orderNo, orderNo)).orderBy(refunds.id);
const auditOf = (orderNo: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "order"), eq(auditLog.targetId, orderNo)))
    .orderBy(auditLog.id);

const refundRequest = (orderNo: string, body: unknown) =>
  postRefund(new Request(`http://localhost/api/v1/admin/orders/${orderNo}/refunds`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }), {
    params: Promise.resolve({ orderNo }),
  });

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

async function redirectOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  const digest = String((error as { digest?: unknown } | undefined)?.digest ?? "");
  expect(digest).toMatch(/^NEXT_REDIRECT;/);
  return digest.split(";")[2] ?? "";
}

describe("refunds by the order admin", () => {
  it("refuses a course admin (action and API) and a visitor, writing nothing", async () => {
    const { orderNo } = await paidOrder([paidCourses[0]!]);
    await signInAs(courseAdmin);
    await expect(refundOrder(initial, form({ orderNo, reason: "不该成功" }))).rejects.toMatchObject(FORBIDDEN);
    const api = await refundRequest(orderNo, { reason: "不该成功" });
    expect(api.status).toBe(403);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    signOutOfRequest();
    expect((await refundRequest(orderNo, { reason: "匿名" })).status).toBe(401);
    expect(await refundsOf(orderNo)).toHaveLength(0);
    expect((await orderRow(orderNo)).status).toBe("paid");
  });

  it("refuses an order that is not paid (409) and answers 404 and 422 in the API's error shape", async () => {
    await signInAs(orderAdmin);
    const learner = await createTestUser();
    const { order } = await placeOrder({ acceptedTerms: true, userId: learner, courseIds: [paidCourses[1]!] });
    const pending = await refundRequest(order.orderNo, { reason: "未支付" });
    expect(pending.status).toBe(409);
    expect(((await pending.json()) as { error: { code: string } }).error.code).toBe("ORDER_NOT_REFUNDABLE");
    expect(await refundOrder(initial, form({ orderNo: order.orderNo, reason: "未支付" }))).toMatchObject({ ok: false, error: "not_refundable" });

    const missing = await refundRequest("1234567890123456789", { reason: "没有这个订单" });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    const invalid = await refundRequest(order.orderNo, { reason: "   " });
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { error: { code: string; details: Record<string, unknown> } }).error).toMatchObject({ code: "VALIDATION_FAILED", details: { reason: expect.any(Array) } });
    expect(await refundOrder(initial, form({ orderNo: order.orderNo, reason: "" }))).toEqual({ ok: false, error: "reason_required" });
    expect(await refundsOf(order.orderNo)).toHaveLength(0);
    expect(await auditOf(order.orderNo)).toHaveLength(0);
  });

  it("refunds one item for what that item was paid after the coupon, then the rest of the order; each audited", async () => {
    const code = `T${randomUUID().slice(0, 8).toUpperCase()}`;
    await db()
      .insert(coupons)
      .values({ code, kind: "percent", value: 15, startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 86_400_000) });
    const { orderNo } = await paidOrder([paidCourses[0]!, paidCourses[2]!], code);
    const before = await orderRow(orderNo);
    expect(before.discountFen).toBeGreaterThan(0);
    const [first, second] = (await itemsOf(orderNo)).map((r) => r.item);
    expect(first!.paidFen + second!.paidFen).toBe(before.totalFen);

    await signInAs(orderAdmin);
    const res = await refundRequest(orderNo, { itemId: first!.id, reason: "学员申请退一门课" });
    expect(res.status).toBe(201);
    const { refund } = (await res.json()) as { refund: { refundNo: string; amountFen: number; itemId: number; status: string } };
    expect(refund).toMatchObject({ amountFen: first!.paidFen, itemId: first!.id, status: "succeeded" });
    const partly = await orderRow(orderNo);
    expect(partly).toMatchObject({ status: "paid", refundedFen: first!.paidFen });
    const items = (await itemsOf(orderNo)).map((r) => r.item);
    expect(items[0]!.refundedAt).not.toBeNull();
    expect(items[1]!.refundedAt).toBeNull();
    // The same item again: refused, nothing new written.
    const again = await refundRequest(orderNo, { itemId: first!.id, reason: "重复" });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("ITEM_REFUNDED");

    // The whole order now gives back what is left: the second item's share.
    const to = await redirectOf(refundOrder(initial, form({ orderNo, reason: "整单退款" })));
    const rows = (await refundsOf(orderNo)).map((r) => r.refund);
    expect(rows.map((r) => [r.amountFen, r.status, r.requestedBy])).toEqual([
      [first!.paidFen, "succeeded", orderAdmin],
      [second!.paidFen, "succeeded", orderAdmin],
    ]);
    expect(to).toBe(`/admin/orders/${orderNo}?refund=${rows[1]!.refundNo}`);
    expect(await orderRow(orderNo)).toMatchObject({ status: "refunded", refundedFen: before.totalFen });
    expect(await refundOrder(initial, form({ orderNo, reason: "再退一次" }))).toMatchObject({ ok: false, error: "not_refundable" });

    const audit = await auditOf(orderNo);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["POST /api/v1/admin/orders/[orderNo]/refunds", orderAdmin],
      ["ACTION orders.refund", orderAdmin],
    ]);
    expect(audit[0]!.after).toMatchObject({ refundNo: rows[0]!.refundNo, amountFen: first!.paidFen, itemId: first!.id, reason: "学员申请退一门课" });
    expect(audit[1]!.summary).toContain(rows[1]!.refundNo);
  });
});

describe("the order list API's filters", () => {
  it("filters by buyer (id, email or mobile) and by China day, and refuses bad days with 400", async () => {
    await signInAs(orderAdmin);
    const mobile = `139${String(Date.now()).slice(-8)}`;
    const buyer = await createTestUser([], "筛选学员");
    await db().update(users).set({ mobile }).where(eq(users.id, buyer));
    const email = (await db().select({ email: users.email }).from(users).where(eq(users.id, buyer)))[0]!.email!;
    const a = (await placeOrder({ acceptedTerms: true, userId: buyer, courseIds: [paidCourses[0]!] })).order.orderNo;
    const b = (await placeOrder({ acceptedTerms: true, userId: buyer, courseIds: [paidCourses[1]!] })).order.orderNo;
    // a: 2026-03-01 23:30 in China (15:30Z); b: 2026-03-02 00:30 in China (16:30Z on the 1st).
    await db().update(orders).set({ createdAt: new Date("2026-03-01T15:30:00Z") }).where(eq(orders.orderNo, a));
    await db().update(orders).set({ createdAt: new Date("2026-03-01T16:30:00Z") }).where(eq(orders.orderNo, b));

    const list = async (qs: string) => {
      const res = await listOrders(new Request(`http://localhost/api/v1/admin/orders?${qs}`), undefined);
      return { status: res.status, body: (await res.json()) as { data: Array<{ orderNo: string }>; meta: { total: number } } };
    };
    for (const who of [String(buyer), email.toUpperCase(), mobile]) {
      const { status, body } = await list(`user=${encodeURIComponent(who)}`);
      expect(status).toBe(200);
      expect(body.data.map((o) => o.orderNo).sort()).toEqual([a, b].sort());
    }
    expect((await list(`user=${buyer}&from=2026-03-02&to=2026-03-02`)).body.data.map((o) => o.orderNo)).toEqual([b]);
    expect((await list(`user=${buyer}&to=2026-03-01`)).body.data.map((o) => o.orderNo)).toEqual([a]);
    expect((await list(`user=${buyer}&from=2026-03-03`)).body.meta.total).toBe(0);
    expect((await list("from=2026-02-30")).status).toBe(400);
    expect((await list("from=2026-03-02&to=2026-03-01")).status).toBe(400);
    expect((await list("from=yesterday")).status).toBe(400);
  });
});
