import { requireApiUser } from "@/lib/auth/api-user";
import { ApiError, apiRoute } from "@/lib/http/api";
import { orderNoSchema } from "@/lib/orders/api-schemas";
import { getMyOrder } from "@/lib/orders/learner-queries";
import { queryAndApply } from "@/lib/orders/pay";
import { redis, key } from "@/lib/redis";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ orderNo: string }> };

/**
 * GET → 200 {"data": order}. With `?refresh=1` on a pending order the providers are asked whether it was paid
 * (at most once per order every 5 seconds, whoever asks), for the return page while a notification is late.
 */
export const GET = apiRoute<Context>(async (request, { params }) => {
  const { userId } = await requireApiUser(request);
  const parsed = orderNoSchema.safeParse((await params).orderNo);
  if (!parsed.success) throw new ApiError(404, "NOT_FOUND", "No such order.");
  let order = await getMyOrder(userId, parsed.data);
  if (!order) throw new ApiError(404, "NOT_FOUND", "No such order.");
  if (order.status === "pending" && new URL(request.url).searchParams.get("refresh") === "1") {
    const first = await redis().set(key("orders", "refresh", order.orderNo), "1", { nx: true, ex: 5 });
    if (first === "OK" && (await queryAndApply(order.id))) order = (await getMyOrder(userId, parsed.data)) ?? order;
  }
  const { id: _id, ...data } = order;
  return Response.json({ data }, { headers: { "cache-control": "no-store" } });
});
