import { requireApiUser } from "@/lib/auth/api-user";
import { apiRoute, readJson } from "@/lib/http/api";
import { planQuoteJson } from "@/lib/memberships/api-view";
import { placePlanOrderSchema } from "@/lib/orders/api-schemas";
import { placePlanOrder } from "@/lib/orders/plan-checkout";

export const dynamic = "force-dynamic";

/**
 * POST {"planId", "coupon"?, "expectedTotalFen"?, "accept_terms": true} → 201 {"data": order, "quote"} with
 * Location; the learner pays it like any order (POST /api/v1/orders/{orderNo}/payments). 404 unknown plan;
 * 409 PLAN_UNAVAILABLE, ORDER_PENDING, MEMBERSHIP_TOO_LONG, COUPON_INVALID or PRICE_CHANGED (with the new
 * quote); 422 invalid body or `accept_terms` missing.
 */
export const POST = apiRoute(async (request) => {
  const { userId } = await requireApiUser(request);
  const body = await readJson(request, placePlanOrderSchema);
  const { order, quote } = await placePlanOrder({ userId, acceptedTerms: body.accept_terms, planId: body.planId, couponCode: body.coupon, expectedTotalFen: body.expectedTotalFen });
  return Response.json(
    { data: { orderNo: order.orderNo, status: order.status, subtotalFen: order.subtotalFen, discountFen: order.discountFen, totalFen: order.totalFen, payBefore: order.payBefore.toISOString() }, quote: planQuoteJson(quote) },
    { status: 201, headers: { location: `/api/v1/orders/${order.orderNo}`, "cache-control": "no-store" } },
  );
});
