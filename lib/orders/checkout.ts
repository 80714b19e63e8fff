// Places an order from a cart: inside one transaction (serialised per learner by locking their user row) the
// courses are priced again, every item is checked (published, not owned, not in another unpaid order), the
// coupon's use is counted by a conditional UPDATE (so its limit holds however many checkouts race), and the
// order is written. Nothing the client says about prices is trusted: a total it expected that differs from
// ours is refused with the new quote so the cart can show what changed. No order is placed without the
// learner's agreement to the Terms of Service and the Privacy Policy, given on the cart's review step.
import "server-only";
import { db } from "@/db";
import { clockNow } from "@/lib/clock";
import { countNewEnrolments } from "@/lib/enrolments/counts";
import { ApiError } from "@/lib/http/api";
import { takeCouponUse } from "./coupon-uses";
import { insertOrder, lockBuyer, payBeforeFor, recordRedemption, requireConsent, type CreatedOrder } from "./create";
import { fulfilOrder } from "./fulfil";
import { MAX_CART_ITEMS } from "./limits";
import { quoteCart, type Quote } from "./pricing";
import { tellPaid } from "./tell";

export { MAX_CART_ITEMS };

export interface PlaceOrderInput {
  userId: number;
  /** The learner agreed to the Terms of Service and the Privacy Policy for this order (the review step's box). */
  acceptedTerms: true;
  courseIds: number[];
  couponCode?: string | null;
  /** The total the learner saw; when it differs from the server's, nothing is written (409 PRICE_CHANGED). */
  expectedTotalFen?: number;
  now?: Date;
}

export async function placeOrder(input: PlaceOrderInput): Promise<{ order: CreatedOrder; quote: Quote }> {
  // The membership clock: who is a member decides the prices (lib/clock.ts).
  const now = input.now ?? (await clockNow(input.userId));
  // The API's schema refuses a body without the consent already; this keeps every other caller honest too.
  requireConsent(input.acceptedTerms);
  if (input.courseIds.length === 0) throw new ApiError(422, "CART_EMPTY", "The cart is empty.");
  if (input.courseIds.length > MAX_CART_ITEMS) throw new ApiError(422, "CART_TOO_LARGE", `At most ${MAX_CART_ITEMS} courses per order.`);
  return db().transaction(async (tx) => {
    // One checkout per learner at a time: two tabs cannot both order the same course.
    await lockBuyer(tx, input.userId);
    const quote = await quoteCart(tx, { userId: input.userId, courseIds: input.courseIds, couponCode: input.couponCode, now });
    const blocked = quote.lines.filter((l) => l.status !== "ok");
    if (blocked.length > 0) {
      const pending = blocked.find((l) => l.status === "pending");
      if (pending && blocked.every((l) => l.status === "pending"))
        throw new ApiError(409, "ORDER_PENDING", "Some of these courses are already in an unpaid order: pay or cancel it first.", { quote, orderNo: pending.pendingOrderNo });
      throw new ApiError(409, "CART_CHANGED", "Some courses can no longer be bought (unpublished, already yours, or in an unpaid order).", { quote });
    }
    if (quote.coupon && !quote.coupon.ok) throw new ApiError(409, "COUPON_INVALID", `The coupon cannot be used (${quote.coupon.error}).`, { quote, reason: quote.coupon.error });
    if (input.expectedTotalFen !== undefined && input.expectedTotalFen !== quote.totalFen)
      throw new ApiError(409, "PRICE_CHANGED", "Prices have changed since the cart was shown. Check the new total and confirm again.", { quote });

    let couponId: number | null = null;
    if (quote.coupon?.ok) {
      couponId = quote.coupon.couponId;
      if (!(await takeCouponUse(tx, couponId, now))) throw new ApiError(409, "COUPON_INVALID", "The coupon has just been used up.", { quote, reason: "used_up" });
    }
    const items = quote.lines.map((l) => ({ kind: "course" as const, courseId: l.courseId, title: l.title ?? "", listPriceFen: l.listPriceFen, priceFen: l.priceFen }));
    const order = await insertOrder(tx, {
      userId: input.userId,
      source: "cart",
      items,
      couponId,
      discountFen: quote.discountFen,
      payBefore: payBeforeFor(now),
      now,
    });
    if (couponId !== null) await recordRedemption(tx, { couponId, orderId: order.id, userId: input.userId, now });
    const enrolled = order.status === "paid" ? await fulfilOrder(tx, { id: order.id, userId: input.userId, source: "cart" }, now) : [];
    return { order, quote, enrolled };
  }).then(async ({ order, quote, enrolled }) => {
    if (enrolled.length > 0) await countNewEnrolments(enrolled, now);
    // An order that cost nothing was paid as it was placed: the learner hears of it like of any payment.
    if (order.status === "paid") await tellPaid(input.userId, order, now);
    return { order, quote };
  });
}
