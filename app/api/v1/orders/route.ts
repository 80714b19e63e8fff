import { requireApiUser } from "@/lib/auth/api-user";
import { apiRoute, readJson } from "@/lib/http/api";
import { pageMeta, pageParams, parseQuery } from "@/lib/http/query";
import { placeOrderSchema } from "@/lib/orders/api-schemas";
import { placeOrder } from "@/lib/orders/checkout";
import { listMyOrders } from "@/lib/orders/learner-queries";
import { z } from "zod";

export const dynamic = "force-dynamic";

/** GET → 200 {"data": [order], "meta"} the signed-in learner's orders, newest first. */
export const GET = apiRoute(async (request) => {
  const { userId } = await requireApiUser(request);
  const q = parseQuery(request.url, z.object(pageParams));
  const { rows, total } = await listMyOrders(userId, q.page, q.per_page);
  return Response.json({ data: rows, meta: pageMeta(q.page, q.per_page, total) }, { headers: { "cache-control": "no-store" } });
});

/**
 * POST {"courseIds", "coupon"?, "expectedTotalFen"?} → 201 {"data": order} with Location. 409 with the new
 * quote in `details` when the cart changed (CART_CHANGED, ORDER_PENDING, COUPON_INVALID, PRICE_CHANGED).
 */
export const POST = apiRoute(async (request) => {
  const { userId } = await requireApiUser(request);
  const body = await readJson(request, placeOrderSchema);
  const { order } = await placeOrder({ userId, courseIds: body.courseIds, couponCode: body.coupon, expectedTotalFen: body.expectedTotalFen });
  return Response.json(
    { data: { orderNo: order.orderNo, status: order.status, subtotalFen: order.subtotalFen, discountFen: order.discountFen, totalFen: order.totalFen, payBefore: order.payBefore.toISOString() } },
    { status: 201, headers: { location: `/api/v1/orders/${order.orderNo}`, "cache-control": "no-store" } },
  );
});
