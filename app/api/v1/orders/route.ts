import { requireApiUser } from "@/lib/auth/api-user";
import { apiRoute, readJson } from "@/lib/http/api";
import { pageMeta, pageParams, parseQuery } from "@/lib/http/query";
import { orderTabSchema, placeOrderSchema } from "@/lib/orders/api-schemas";
import { placeOrder } from "@/lib/orders/checkout";
import { listMyOrders } from "@/lib/orders/learner-queries";
import { z } from "zod";

export const dynamic = "force-dynamic";

/** GET ?status=all|unpaid|paid|refunded → 200 {"data": [order], "meta"} the signed-in learner's orders, newest first; 400 for an unknown status. */
export const GET = apiRoute(async (request) => {
  const { userId } = await requireApiUser(request);
  const q = parseQuery(request.url, z.object({ ...pageParams, status: orderTabSchema }));
  const { rows, total } = await listMyOrders(userId, q.page, q.per_page, q.status);
  return Response.json({ data: rows, meta: pageMeta(q.page, q.per_page, total) }, { headers: { "cache-control": "no-store" } });
});

/**
 * POST {"courseIds", "coupon"?, "expectedTotalFen"?, "accept_terms": true} → 201 {"data": order} with Location.
 * 422 with a field error on `accept_terms` unless the learner agreed to the Terms of Service and the Privacy
 * Policy. 409 with the new quote in `details` when the cart changed (CART_CHANGED, ORDER_PENDING,
 * COUPON_INVALID, PRICE_CHANGED).
 */
export const POST = apiRoute(async (request) => {
  const { userId } = await requireApiUser(request);
  const body = await readJson(request, placeOrderSchema);
  const { order } = await placeOrder({ userId, acceptedTerms: body.accept_terms, courseIds: body.courseIds, couponCode: body.coupon, expectedTotalFen: body.expectedTotalFen });
  return Response.json(
    { data: { orderNo: order.orderNo, status: order.status, subtotalFen: order.subtotalFen, discountFen: order.discountFen, totalFen: order.totalFen, payBefore: order.payBefore.toISOString() } },
    { status: 201, headers: { location: `/api/v1/orders/${order.orderNo}`, "cache-control": "no-store" } },
  );
});
