// Memberships against the real database, on a clock the tests hold (every call takes `now`): buying and
// renewing through the order state machine, expiry to the millisecond, overlapping purchases, refunds in the
// middle of a term, two expiry workers at once, reminders and monthly bonuses, and the bad input the
// checkout refuses with nothing half-written.
import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { coupons, courses, enrolments, membershipPlans, memberships, membershipTerms, orders, pointsLedger } from "@/db/schema";
import { isEnrolled } from "@/lib/enrolments/access";
import { grantEnrolments } from "@/lib/enrolments/grants";
import { ApiError } from "@/lib/http/api";
import { placeOrder } from "@/lib/orders/checkout";
import { insertOrder } from "@/lib/orders/create";
import { placePlanOrder } from "@/lib/orders/plan-checkout";
import { quoteCart } from "@/lib/orders/pricing";
import { createRefund } from "@/lib/orders/refunds";
import { applyPayment, completeRefund } from "@/lib/orders/settle";
import { createTestUser } from "@/test/users";
import { expireMemberships, giveMonthlyBonuses, remindMembers } from "./expiry";
import { addDays, proRataRefundFen } from "./rules";
import { isMember } from "./status";

const DAY = 86_400_000;
const T0 = new Date("2031-03-01T04:00:00.000Z");
const at = (days: number, ms = 0) => new Date(T0.getTime() + days * DAY + ms);

let plan: { monthly: number; quarterly: number; yearly: number };
let included: { id: number; priceFen: number; memberPriceFen: number | null };
let trade = 0;

beforeAll(async () => {
  const rows = await db().select({ id: membershipPlans.id, period: membershipPlans.period }).from(membershipPlans);
  const id = (period: string) => rows.find((r) => r.period === period)!.id;
  plan = { monthly: id("monthly"), quarterly: id("quarterly"), yearly: id("yearly") };
  const [course] = await db()
    .select({ id: courses.id, priceFen: courses.priceFen, memberPriceFen: courses.memberPriceFen })
    .from(courses)
    .where(and(eq(courses.status, "published"), eq(courses.includedInMembership, true), sql`${courses.memberPriceFen} IS NOT NULL AND ${courses.memberPriceFen} < ${courses.priceFen}`))
    .limit(1);
  expect(course, "the seed includes a course with a member price in membership").toBeDefined();
  included = course!;
});

/** Places and pays a plan order for the learner at `now`; returns the order number. */
async function buy(userId: number, planId: number, now: Date): Promise<string> {
  const { order } = await placePlanOrder({ userId, planId, acceptedTerms: true, now });
  const paid = await applyPayment("wechat", { orderNo: order.orderNo, providerTradeNo: `T${Date.now()}${trade++}`, amountFen: order.totalFen }, now);
  expect(paid.outcome).toBe("applied");
  return order.orderNo;
}

async function membershipRow(userId: number) {
  const [row] = await db().select().from(memberships).where(eq(memberships.userId, userId));
  return row;
}

async function refundWhole(orderNo: string, now: Date, amountFen?: number) {
  const refund = await createRefund({ orderNo, reason: "test", requestedBy: 1, amountFen, now }, async () => undefined);
  const done = await completeRefund(refund.refundNo, {}, now);
  expect(done.outcome).toBe("applied");
  return refund;
}

describe("buying and renewing", () => {
  it("makes a learner a member for 30 days from payment, with member prices, until the exact millisecond of the end", async () => {
    const userId = await createTestUser([], "会员");
    expect(await isMember(db(), userId, T0)).toBe(false);
    await buy(userId, plan.monthly, T0);
    const row = await membershipRow(userId);
    expect(row!.expiresAt.toISOString()).toBe(at(30).toISOString());
    expect(await isMember(db(), userId, at(30, -1))).toBe(true);
    expect(await isMember(db(), userId, at(30))).toBe(false);

    const asMember = await quoteCart(db(), { userId, courseIds: [included.id], now: at(29) });
    expect(asMember.member).toBe(true);
    expect(asMember.lines[0]!.priceFen).toBe(included.memberPriceFen);
    const after = await quoteCart(db(), { userId, courseIds: [included.id], now: at(30) });
    expect(after.member).toBe(false);
    expect(after.lines[0]!.priceFen).toBe(included.priceFen);
  });

  it("extends a renewal from the current end, not from today, and starts afresh after a lapse", async () => {
    const userId = await createTestUser([], "续费");
    await buy(userId, plan.monthly, T0);
    await buy(userId, plan.quarterly, at(10));
    expect((await membershipRow(userId))!.expiresAt.toISOString()).toBe(at(30 + 90).toISOString());
    // After it has run out, a purchase starts at the moment of payment.
    await buy(userId, plan.monthly, at(200));
    const row = await membershipRow(userId);
    expect(row!.expiresAt.toISOString()).toBe(at(230).toISOString());
    expect(row!.startedAt!.toISOString()).toBe(at(200).toISOString());
  });

  it("places overlapping purchases paid at the same moment one after the other, never over each other", async () => {
    const userId = await createTestUser([], "并发");
    const [p] = await db().select().from(membershipPlans).where(eq(membershipPlans.id, plan.monthly));
    // Two unpaid membership orders (the checkout allows one at a time; the state machine must cope anyway).
    const two = await Promise.all(
      [0, 1].map(() =>
        db().transaction((tx) =>
          insertOrder(tx, { userId, source: "membership", items: [{ kind: "membership", planId: p!.id, termDays: 30, title: p!.nameEn, listPriceFen: p!.priceFen, priceFen: p!.priceFen }], payBefore: at(1), now: T0 }),
        ),
      ),
    );
    const results = await Promise.all(two.map((o, i) => applyPayment("alipay", { orderNo: o.orderNo, providerTradeNo: `P${Date.now()}${i}`, amountFen: o.totalFen }, T0)));
    expect(results.map((r) => r.outcome)).toEqual(["applied", "applied"]);
    const terms = await db().select().from(membershipTerms).where(eq(membershipTerms.userId, userId)).orderBy(membershipTerms.startsAt);
    expect(terms.map((t) => [t.startsAt.toISOString(), t.endsAt.toISOString()])).toEqual([
      [T0.toISOString(), at(30).toISOString()],
      [at(30).toISOString(), at(60).toISOString()],
    ]);
    // A replayed notification adds nothing.
    const again = await applyPayment("alipay", { orderNo: two[0]!.orderNo, providerTradeNo: "ignored", amountFen: two[0]!.totalFen }, T0);
    expect(again.outcome).not.toBe("applied");
    expect((await membershipRow(userId))!.expiresAt.toISOString()).toBe(at(60).toISOString());
  });
});

describe("courses included in membership", () => {
  it("open while the membership lasts, close to the millisecond, and a purchase of one keeps it for good", async () => {
    const userId = await createTestUser([], "会员课程");
    await buy(userId, plan.monthly, T0);
    await db().transaction((tx) => grantEnrolments(tx, { userId, courseIds: [included.id], source: "membership", now: T0 }));
    expect(await isEnrolled(userId, included.id, at(30, -1))).toBe(true);
    expect(await isEnrolled(userId, included.id, at(30))).toBe(false);
    // The cart does not count a membership course as owned: a member may buy it to keep.
    const quote = await quoteCart(db(), { userId, courseIds: [included.id], now: at(1) });
    expect(quote.lines[0]!.status).toBe("ok");

    const other = await createTestUser([], "买下");
    await buy(other, plan.monthly, T0);
    await db().transaction((tx) => grantEnrolments(tx, { userId: other, courseIds: [included.id], source: "membership", now: T0 }));
    const { order } = await placeOrder({ userId: other, courseIds: [included.id], acceptedTerms: true, now: at(1) });
    await applyPayment("unionpay", { orderNo: order.orderNo, providerTradeNo: `U${Date.now()}`, amountFen: order.totalFen }, at(1));
    expect(await isEnrolled(other, included.id, at(100))).toBe(true);
    await expireMemberships(at(31));
    expect(await isEnrolled(other, included.id, at(100))).toBe(true);
  });
});

describe("the expiry job", () => {
  it("downgrades each expired member exactly once with two workers at once, in batches, and leaves current members alone", async () => {
    const before = await db().select({ n: courses.enrolmentCount }).from(courses).where(eq(courses.id, included.id));
    const expired: number[] = [];
    for (let i = 0; i < 7; i++) {
      const userId = await createTestUser([], `到期${i}`);
      await buy(userId, plan.monthly, at(-40 - i));
      await db().transaction((tx) => grantEnrolments(tx, { userId, courseIds: [included.id], source: "membership", now: at(-40 - i) }));
      expired.push(userId);
    }
    const current = await createTestUser([], "在期");
    await buy(current, plan.monthly, at(-5));
    await db().transaction((tx) => grantEnrolments(tx, { userId: current, courseIds: [included.id], source: "membership", now: at(-5) }));

    const [a, b] = await Promise.all([expireMemberships(T0, 2), expireMemberships(T0, 2)]);
    expect(a + b).toBeGreaterThanOrEqual(7);
    for (const userId of expired) {
      const row = await membershipRow(userId);
      expect(row!.endedAt, `user ${userId}`).not.toBeNull();
      const [held] = await db().select({ n: count() }).from(enrolments).where(and(eq(enrolments.userId, userId), eq(enrolments.source, "membership")));
      expect(held!.n).toBe(0);
    }
    expect((await membershipRow(current))!.endedAt).toBeNull();
    expect(await isEnrolled(current, included.id, T0)).toBe(true);
    // Run again (a crash and a restart, or the next minute): nothing more happens.
    expect(await expireMemberships(T0)).toBe(0);
    const after = await db().select({ n: courses.enrolmentCount }).from(courses).where(eq(courses.id, included.id));
    expect(after[0]!.n).toBe(before[0]!.n + 1);
  });
});

describe("refunds", () => {
  it("refund a running term pro rata, end the membership and its courses at once, and move a later term earlier", async () => {
    const userId = await createTestUser([], "退款");
    const first = await buy(userId, plan.monthly, T0);
    const second = await buy(userId, plan.quarterly, at(1));
    await db().transaction((tx) => grantEnrolments(tx, { userId, courseIds: [included.id], source: "membership", now: T0 }));
    const [firstOrder] = await db().select().from(orders).where(eq(orders.orderNo, first));

    // Ten days into the 30-day first term: two thirds of it come back.
    const refund = await refundWhole(first, at(10));
    expect(refund.amountFen).toBe(proRataRefundFen({ startsAt: T0, endsAt: at(30), paidFen: firstOrder!.totalFen }, at(10)));
    expect(refund.amountFen).toBe(Math.floor((firstOrder!.totalFen * 20) / 30));
    const terms = await db().select().from(membershipTerms).where(eq(membershipTerms.userId, userId)).orderBy(membershipTerms.id);
    expect(terms[0]!.endsAt.toISOString()).toBe(at(10).toISOString());
    expect(terms[1]!.startsAt.toISOString()).toBe(at(10).toISOString());
    expect(terms[1]!.endsAt.toISOString()).toBe(at(100).toISOString());
    expect((await membershipRow(userId))!.expiresAt.toISOString()).toBe(at(100).toISOString());
    expect(await isEnrolled(userId, included.id, at(11))).toBe(true);

    // The quarterly term now runs from day 10 to day 100; refunded on day 40, 60 of its 90 days come back.
    const [secondOrder] = await db().select().from(orders).where(eq(orders.orderNo, second));
    const back = await refundWhole(second, at(40));
    expect(back.amountFen).toBe(Math.floor((secondOrder!.totalFen * 60) / 90));
    const row = await membershipRow(userId);
    expect(row!.expiresAt.toISOString()).toBe(at(40).toISOString());
    expect(row!.endedAt!.toISOString()).toBe(at(40).toISOString());
    expect(await isMember(db(), userId, at(40))).toBe(false);
    const [held] = await db().select({ n: count() }).from(enrolments).where(and(eq(enrolments.userId, userId), eq(enrolments.source, "membership")));
    expect(held!.n).toBe(0);
    const [o] = await db().select({ status: orders.status }).from(orders).where(eq(orders.orderNo, second));
    expect(o!.status).toBe("refunded");
  });

  it("refunds a term not yet begun in full, and refuses more than is refundable with nothing written", async () => {
    const userId = await createTestUser([], "未开始");
    await buy(userId, plan.monthly, T0);
    const later = await buy(userId, plan.monthly, at(2));
    const [order] = await db().select().from(orders).where(eq(orders.orderNo, later));
    const [refundsBefore] = await db().select({ n: count() }).from(sql`refunds`).where(sql`order_id = ${order!.id}`);
    await expect(createRefund({ orderNo: later, reason: "too much", requestedBy: 1, amountFen: order!.totalFen + 1, now: at(3) }, async () => undefined)).rejects.toMatchObject({ status: 422, code: "REFUND_TOO_LARGE" });
    const [refundsAfter] = await db().select({ n: count() }).from(sql`refunds`).where(sql`order_id = ${order!.id}`);
    expect(refundsAfter!.n).toBe(refundsBefore!.n);
    expect((await db().select({ status: orders.status }).from(orders).where(eq(orders.id, order!.id)))[0]!.status).toBe("paid");
    const refund = await refundWhole(later, at(3));
    expect(refund.amountFen).toBe(order!.totalFen);
    expect((await membershipRow(userId))!.expiresAt.toISOString()).toBe(at(30).toISOString());
  });
});

describe("bad input at the checkout", () => {
  async function ordersOf(userId: number) {
    const [row] = await db().select({ n: count() }).from(orders).where(eq(orders.userId, userId));
    return row!.n;
  }

  it("refuses an inactive plan, a changed price, a coupon not open to plans, and a term beyond five years, writing nothing", async () => {
    const userId = await createTestUser([], "坏输入");
    const [p] = await db().select().from(membershipPlans).where(eq(membershipPlans.id, plan.monthly));
    const expectRefusal = async (input: Partial<Parameters<typeof placePlanOrder>[0]>, status: number, code: string) => {
      const error = await placePlanOrder({ userId, planId: plan.monthly, acceptedTerms: true, now: T0, ...input }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status, code });
      return error as ApiError;
    };

    const changed = await expectRefusal({ expectedTotalFen: p!.priceFen - 100 }, 409, "PRICE_CHANGED");
    expect((changed.details as { quote: { totalFen: number } }).quote.totalFen).toBe(p!.priceFen);

    const code = `PLANX${Date.now() % 100000}`;
    await db().insert(coupons).values({ code, kind: "fixed", value: 500, startsAt: at(-1), endsAt: at(10) });
    const refused = await expectRefusal({ couponCode: code }, 409, "COUPON_INVALID");
    expect((refused.details as { reason: string }).reason).toBe("not_applicable");
    const [couponRow] = await db().select({ used: coupons.usedCount }).from(coupons).where(eq(coupons.code, code));
    expect(couponRow!.used).toBe(0);
    // Opened to plans, the same coupon applies.
    await db().update(coupons).set({ appliesToPlans: true }).where(eq(coupons.code, code));
    const { order } = await placePlanOrder({ userId, planId: plan.monthly, acceptedTerms: true, couponCode: code, now: T0 });
    expect(order.totalFen).toBe(p!.priceFen - 500);
    // A second membership order while one awaits payment is refused.
    await expectRefusal({}, 409, "ORDER_PENDING");
    await applyPayment("wechat", { orderNo: order.orderNo, providerTradeNo: `C${Date.now()}`, amountFen: order.totalFen }, T0);

    await db().update(membershipPlans).set({ active: false }).where(eq(membershipPlans.id, plan.quarterly));
    try {
      await expectRefusal({ planId: plan.quarterly }, 409, "PLAN_UNAVAILABLE");
    } finally {
      await db().update(membershipPlans).set({ active: true }).where(eq(membershipPlans.id, plan.quarterly));
    }
    await expectRefusal({ planId: 999_999_999 }, 404, "PLAN_NOT_FOUND");

    // Five yearly terms reach 5 × 365 days: a sixth would go beyond the horizon.
    const horizonUser = await createTestUser([], "五年");
    for (let i = 0; i < 5; i++) await buy(horizonUser, plan.yearly, T0);
    const before = await ordersOf(horizonUser);
    const tooLong = await placePlanOrder({ userId: horizonUser, planId: plan.monthly, acceptedTerms: true, now: T0 }).catch((e: unknown) => e);
    expect(tooLong).toMatchObject({ status: 409, code: "MEMBERSHIP_TOO_LONG" });
    expect(await ordersOf(horizonUser)).toBe(before);
  });
});

describe("reminders and bonuses", () => {
  it("reminds 7 days and 1 day before the end once each, and again after a renewal moves the end", async () => {
    const userId = await createTestUser([], "提醒");
    // A far-future clock keeps other tests' members out of the window.
    const base = new Date("2040-01-01T00:00:00Z");
    await buy(userId, plan.monthly, base);
    const end = addDays(base, 30);
    const mine = async (now: Date) => {
      await remindMembers(now);
      return membershipRow(userId);
    };
    expect((await mine(addDays(base, 22)))!.remindedWeekFor).toBeNull();
    const week = await mine(addDays(base, 23.5));
    expect(week!.remindedWeekFor!.toISOString()).toBe(end.toISOString());
    expect(week!.remindedDayFor).toBeNull();
    expect(await remindMembers(addDays(base, 23.6))).toBe(0);
    const day = await mine(addDays(base, 29.5));
    expect(day!.remindedDayFor!.toISOString()).toBe(end.toISOString());
    expect(await remindMembers(addDays(base, 29.6))).toBe(0);

    await buy(userId, plan.monthly, addDays(base, 29.7));
    const renewed = await mine(addDays(base, 53.5));
    expect(renewed!.remindedWeekFor!.toISOString()).toBe(addDays(base, 60).toISOString());
  });

  it("gives a quarterly term's monthly points three times, each once", async () => {
    const userId = await createTestUser([], "积分");
    const base = new Date("2041-01-01T00:00:00Z");
    await buy(userId, plan.quarterly, base);
    const points = async () => {
      const [row] = await db().select({ n: count() }).from(pointsLedger).where(and(eq(pointsLedger.userId, userId), eq(pointsLedger.reason, "membership_bonus")));
      return row!.n;
    };
    await Promise.all([giveMonthlyBonuses(base), giveMonthlyBonuses(base)]);
    expect(await points()).toBe(1);
    await giveMonthlyBonuses(addDays(base, 29));
    expect(await points()).toBe(1);
    await giveMonthlyBonuses(addDays(base, 100));
    expect(await points()).toBe(3);
    await giveMonthlyBonuses(addDays(base, 400));
    expect(await points()).toBe(3);
  });
});
