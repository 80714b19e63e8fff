// Checkout against the real database: prices from the server (member prices, coupons of each kind), items
// refused for good reasons, a coupon's use limit under a race, the coupon given back when an order closes,
// and a free order enrolled at once.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { couponRedemptions, coupons, courses, enrolments, memberships, orderItems, orders } from "@/db/schema";
import { ApiError } from "@/lib/http/api";
import { createTestUser } from "@/test/users";
import { placeOrder } from "./checkout";
import { quoteCart } from "./pricing";
import { closeOrder } from "./settle";

let paid: Array<{ id: number; priceFen: number; memberPriceFen: number | null }> = [];
beforeAll(async () => {
  paid = await db()
    .select({ id: courses.id, priceFen: courses.priceFen, memberPriceFen: courses.memberPriceFen })
    .from(courses)
    .where(and(eq(courses.status, "published"), sql`${courses.priceFen} > 1000`, sql`${courses.memberPriceFen} IS NOT NULL`))
    .limit(4);
  expect(paid).toHaveLength(4);
});

async function coupon(values: Partial<typeof coupons.$inferInsert> & Pick<typeof coupons.$inferInsert, "kind" | "value">): Promise<{ id: number; code: string }> {
  const code = `T${randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase()}`;
  const now = Date.now();
  await db()
    .insert(coupons)
    .values({ code, startsAt: new Date(now - 60_000), endsAt: new Date(now + 3_600_000), ...values });
  const [row] = await db().select({ id: coupons.id }).from(coupons).where(eq(coupons.code, code));
  return { id: row!.id, code };
}

const codeOf = (error: unknown) => (error instanceof ApiError ? error.code : String(error));

describe("checkout", () => {
  it("charges list price, or the member price to a member, and snapshots the items", async () => {
    const [a, b] = paid;
    const learner = await createTestUser();
    const { order } = await placeOrder({ acceptedTerms: true, userId: learner, courseIds: [a!.id, b!.id] });
    expect(order.totalFen).toBe(a!.priceFen + b!.priceFen);
    const member = await createTestUser();
    await db()
      .insert(memberships)
      .values({ userId: member, expiresAt: new Date(Date.now() + 86_400_000) });
    const { order: memberOrder } = await placeOrder({ acceptedTerms: true, userId: member, courseIds: [a!.id] });
    expect(memberOrder.totalFen).toBe(a!.memberPriceFen);
    const items = await db().select().from(orderItems).where(eq(orderItems.orderId, memberOrder.id));
    expect(items).toMatchObject([{ courseId: a!.id, listPriceFen: a!.priceFen, priceFen: a!.memberPriceFen, paidFen: a!.memberPriceFen }]);
    // An expired membership is no membership.
    const lapsed = await createTestUser();
    await db()
      .insert(memberships)
      .values({ userId: lapsed, expiresAt: new Date(Date.now() - 1000) });
    expect((await quoteCart(db(), { userId: lapsed, courseIds: [a!.id] })).totalFen).toBe(a!.priceFen);
  });

  it("refuses courses owned, unpublished or already in an unpaid order, a total the client expected wrongly, and no consent to the terms", async () => {
    const [a, b] = paid;
    const learner = await createTestUser();
    await db().insert(enrolments).values({ userId: learner, courseId: a!.id, source: "grant" });
    await expect(placeOrder({ acceptedTerms: true, userId: learner, courseIds: [a!.id] }).catch(codeOf)).resolves.toBe("CART_CHANGED");
    await placeOrder({ acceptedTerms: true, userId: learner, courseIds: [b!.id] });
    await expect(placeOrder({ acceptedTerms: true, userId: learner, courseIds: [b!.id] }).catch(codeOf)).resolves.toBe("ORDER_PENDING");
    const other = await createTestUser();
    await expect(placeOrder({ acceptedTerms: true, userId: other, courseIds: [b!.id], expectedTotalFen: b!.priceFen - 1 }).catch(codeOf)).resolves.toBe("PRICE_CHANGED");
    await expect(placeOrder({ acceptedTerms: true, userId: other, courseIds: [999_999_999] }).catch(codeOf)).resolves.toBe("CART_CHANGED");
    // Without the learner's agreement to the terms nothing is ordered, whoever the caller is.
    await expect(placeOrder({ acceptedTerms: false as unknown as true, userId: other, courseIds: [b!.id] }).catch(codeOf)).resolves.toBe("VALIDATION_FAILED");
    const count = await db().select({ n: sql<number>`COUNT(*)` }).from(orders).where(eq(orders.userId, other));
    expect(Number(count[0]!.n)).toBe(0);
  });

  it("applies fixed, percentage and single-course coupons, spreading the discount over the items", async () => {
    const [a, b] = paid;
    const fixed = await coupon({ kind: "fixed", value: 1000 });
    const percent = await coupon({ kind: "percent", value: 20 });
    const onlyB = await coupon({ kind: "percent", value: 50, courseId: b!.id });
    const u1 = await createTestUser();
    const { order: o1 } = await placeOrder({ acceptedTerms: true, userId: u1, courseIds: [a!.id, b!.id], couponCode: fixed.code.toLowerCase() });
    expect(o1).toMatchObject({ discountFen: 1000, totalFen: a!.priceFen + b!.priceFen - 1000 });
    const shares = await db().select({ paidFen: orderItems.paidFen }).from(orderItems).where(eq(orderItems.orderId, o1.id));
    expect(shares.reduce((s, r) => s + r.paidFen, 0)).toBe(o1.totalFen);
    const u2 = await createTestUser();
    const { order: o2 } = await placeOrder({ acceptedTerms: true, userId: u2, courseIds: [a!.id, b!.id], couponCode: percent.code });
    expect(o2.discountFen).toBe(Math.floor(((a!.priceFen + b!.priceFen) * 20) / 100));
    const u3 = await createTestUser();
    const { order: o3 } = await placeOrder({ acceptedTerms: true, userId: u3, courseIds: [a!.id, b!.id], couponCode: onlyB.code });
    expect(o3.discountFen).toBe(Math.floor(b!.priceFen / 2));
    const u4 = await createTestUser();
    await expect(placeOrder({ acceptedTerms: true, userId: u4, courseIds: [a!.id], couponCode: onlyB.code }).catch(codeOf)).resolves.toBe("COUPON_INVALID");
    const expired = await coupon({ kind: "fixed", value: 100, endsAt: new Date(Date.now() - 1000) });
    expect((await quoteCart(db(), { userId: u4, courseIds: [a!.id], couponCode: expired.code })).coupon).toMatchObject({ ok: false, error: "expired" });
    expect((await quoteCart(db(), { userId: u4, courseIds: [a!.id], couponCode: "NOPE" })).coupon).toMatchObject({ ok: false, error: "not_found" });
  });

  it("never lets a coupon be used more often than its limit, however many checkouts race", async () => {
    const limited = await coupon({ kind: "fixed", value: 500, maxUses: 5 });
    const learners = await Promise.all(Array.from({ length: 20 }, () => createTestUser()));
    const results = await Promise.allSettled(learners.map((userId) => placeOrder({ acceptedTerms: true, userId, courseIds: [paid[2]!.id], couponCode: limited.code })));
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(5);
    expect(results.filter((r) => r.status === "rejected").map((r) => codeOf((r as PromiseRejectedResult).reason))).toEqual(Array(15).fill("COUPON_INVALID"));
    const [row] = await db().select().from(coupons).where(eq(coupons.id, limited.id));
    expect(row!.usedCount).toBe(5);
    const redemptions = await db().select().from(couponRedemptions).where(eq(couponRedemptions.couponId, limited.id));
    expect(redemptions).toHaveLength(5);

    // Closing an unpaid order gives its use back, once.
    const first = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof placeOrder>>>).value.order;
    expect(await closeOrder(first.id)).toBe(true);
    expect(await closeOrder(first.id)).toBe(false);
    const [after] = await db().select().from(coupons).where(eq(coupons.id, limited.id));
    expect(after!.usedCount).toBe(4);
  });

  it("enrols at once when a coupon makes the order free", async () => {
    const free = await coupon({ kind: "percent", value: 100 });
    const learner = await createTestUser();
    const { order } = await placeOrder({ acceptedTerms: true, userId: learner, courseIds: [paid[3]!.id], couponCode: free.code });
    expect(order).toMatchObject({ status: "paid", totalFen: 0 });
    const held = await db().select().from(enrolments).where(and(eq(enrolments.userId, learner), eq(enrolments.courseId, paid[3]!.id)));
    expect(held).toHaveLength(1);
  });
});
