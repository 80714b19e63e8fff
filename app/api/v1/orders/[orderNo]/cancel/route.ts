import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { orders } from "@/db/schema";
import { requireApiUser } from "@/lib/auth/api-user";
import { ApiError, apiRoute } from "@/lib/http/api";
import { orderNoSchema } from "@/lib/orders/api-schemas";
import { closeOrder } from "@/lib/orders/settle";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ orderNo: string }> };

/** POST → 200 the learner closes their own unpaid (cart) order; 409 when it is no longer pending. */
export const POST = apiRoute<Context>(async (request, { params }) => {
  const { userId } = await requireApiUser(request);
  const parsed = orderNoSchema.safeParse((await params).orderNo);
  if (!parsed.success) throw new ApiError(404, "NOT_FOUND", "No such order.");
  const [order] = await db()
    .select({ id: orders.id, status: orders.status, source: orders.source })
    .from(orders)
    .where(and(eq(orders.orderNo, parsed.data), eq(orders.userId, userId)));
  if (!order) throw new ApiError(404, "NOT_FOUND", "No such order.");
  if (order.source === "seckill") throw new ApiError(409, "ORDER_NOT_CANCELLABLE", "A flash-sale order is released when its time to pay ends.");
  if (!(await closeOrder(order.id))) throw new ApiError(409, "ORDER_NOT_CANCELLABLE", `This order is ${order.status}; only unpaid orders can be cancelled.`);
  return Response.json({ data: { orderNo: parsed.data, status: "closed" } }, { headers: { "cache-control": "no-store" } });
});
