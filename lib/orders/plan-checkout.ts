// Buying a membership plan: the quote the checkout shows, and the order placed from it. Like the cart's
// checkout (checkout.ts), everything is priced again inside the transaction that writes the order, with the
// learner's row locked, and a total the learner saw that differs from ours is refused with the new quote.
// A membership order holds one plan; its term is placed when it is paid (lib/memberships/terms.ts), after
// the membership the learner holds then, so a quote's dates are an estimate until payment.
import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { coupons, orders } from "@/db/schema";
import type { Executor } from "@/db/tx";
import { clockNow } from "@/lib/clock";
import { ApiError } from "@/lib/http/api";
import { getPlan, type Plan } from "@/lib/memberships/plans";
import { beyondHorizon, MAX_HORIZON_DAYS, nextTerm } from "@/lib/memberships/rules";
import { membershipEnd } from "@/lib/memberships/status";
import { takeCouponUse } from "./coupon-uses";
import { insertOrder, lockBuyer, payBeforeFor, recordRedemption, requireConsent, type CreatedOrder } from "./create";
import { fulfilOrder } from "./fulfil";
import { couponDiscountOn, normaliseCouponCode, type CouponResult } from "./pricing";
import { tellPaid } from "./tell";

export interface PlanQuote {
  plan: Plan;
  /** Whether the plan is on sale. */
  available: boolean;
  coupon: CouponResult | null;
  subtotalFen: number;
  discountFen: number;
  totalFen: number;
  /** Where the new term would run if paid now: after the current membership, or from now. */
  startsAt: Date;
  endsAt: Date;
  /** The new end is further away than a membership may reach (MAX_HORIZON_DAYS). */
  beyondHorizon: boolean;
}

/** Prices a plan for a learner (or a visitor: then the term starts now); null when there is no such plan. */
export async function quotePlan(executor: Executor, input: { userId: number | null; planId: number; couponCode?: string | null; now?: Date }): Promise<PlanQuote | null> {
  const now = input.now ?? (await clockNow(input.userId));
  const plan = await getPlan(executor, input.planId);
  if (!plan) return null;
  const currentEnd = input.userId ? await membershipEnd(executor, input.userId) : null;
  const { startsAt, endsAt } = nextTerm(currentEnd, plan.days, now);
  let coupon: CouponResult | null = null;
  const code = input.couponCode ? normaliseCouponCode(input.couponCode) : "";
  if (code) {
    const [row] = await executor.select().from(coupons).where(eq(coupons.code, code)).limit(1);
    if (!row) coupon = { code, ok: false, error: "not_found" };
    else {
      // A coupon tied to a course, or one not opened to plans, takes nothing off a membership.
      const result = couponDiscountOn(row, row.courseId === null && row.appliesToPlans ? plan.priceFen : 0, now);
      coupon = result.ok ? { code, ok: true, couponId: row.id, discountFen: result.discountFen } : { code, ok: false, error: result.error };
    }
  }
  const discountFen = coupon?.ok ? coupon.discountFen : 0;
  return {
    plan,
    available: plan.active,
    coupon,
    subtotalFen: plan.priceFen,
    discountFen,
    totalFen: plan.priceFen - discountFen,
    startsAt,
    endsAt,
    beyondHorizon: beyondHorizon(endsAt, now),
  };
}

export interface PlacePlanOrderInput {
  userId: number;
  acceptedTerms: true;
  planId: number;
  couponCode?: string | null;
  /** The total the learner saw; when it differs from ours, nothing is written (409 PRICE_CHANGED). */
  expectedTotalFen?: number;
  now?: Date;
}

export async function placePlanOrder(input: PlacePlanOrderInput): Promise<{ order: CreatedOrder; quote: PlanQuote }> {
  const now = input.now ?? (await clockNow(input.userId));
  requireConsent(input.acceptedTerms);
  return db().transaction(async (tx) => {
    await lockBuyer(tx, input.userId);
    const quote = await quotePlan(tx, { userId: input.userId, planId: input.planId, couponCode: input.couponCode, now });
    if (!quote) throw new ApiError(404, "PLAN_NOT_FOUND", "No such membership plan.");
    if (!quote.available) throw new ApiError(409, "PLAN_UNAVAILABLE", "This membership plan is not on sale any more.", { quote });
    const [pending] = await tx
      .select({ orderNo: orders.orderNo })
      .from(orders)
      .where(and(eq(orders.userId, input.userId), eq(orders.source, "membership"), eq(orders.status, "pending")))
      .limit(1);
    if (pending) throw new ApiError(409, "ORDER_PENDING", "A membership order of yours is waiting for payment: pay or cancel it first.", { orderNo: pending.orderNo });
    if (quote.beyondHorizon)
      throw new ApiError(409, "MEMBERSHIP_TOO_LONG", `A membership can reach at most ${MAX_HORIZON_DAYS / 365} years ahead; this purchase would end on ${quote.endsAt.toISOString()}.`, { quote });
    if (quote.coupon && !quote.coupon.ok) throw new ApiError(409, "COUPON_INVALID", `The coupon cannot be used (${quote.coupon.error}).`, { quote, reason: quote.coupon.error });
    if (input.expectedTotalFen !== undefined && input.expectedTotalFen !== quote.totalFen)
      throw new ApiError(409, "PRICE_CHANGED", "The price has changed since it was shown. Check the new total and confirm again.", { quote });
    let couponId: number | null = null;
    if (quote.coupon?.ok) {
      couponId = quote.coupon.couponId;
      if (!(await takeCouponUse(tx, couponId, now))) throw new ApiError(409, "COUPON_INVALID", "The coupon has just been used up.", { quote, reason: "used_up" });
    }
    const { plan } = quote;
    const order = await insertOrder(tx, {
      userId: input.userId,
      source: "membership",
      items: [{ kind: "membership", planId: plan.id, termDays: plan.days, title: `${plan.nameZh} / ${plan.nameEn}`, listPriceFen: plan.priceFen, priceFen: plan.priceFen }],
      couponId,
      discountFen: quote.discountFen,
      payBefore: payBeforeFor(now),
      now,
    });
    if (couponId !== null) await recordRedemption(tx, { couponId, orderId: order.id, userId: input.userId, now });
    if (order.status === "paid") await fulfilOrder(tx, { id: order.id, userId: input.userId, source: "membership" }, now);
    return { order, quote };
  }).then(async (placed) => {
    // A membership that cost nothing (a full coupon) was paid as it was placed.
    if (placed.order.status === "paid") await tellPaid(input.userId, placed.order, now);
    return placed;
  });
}
