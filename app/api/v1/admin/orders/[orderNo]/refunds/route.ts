import { ApiError, readJson } from "@/lib/http/api";
import { refundAsAdmin } from "@/lib/orders/admin-refunds";
import { refundBody } from "@/lib/orders/admin-refund-rules";
import { orderNoSchema } from "@/lib/orders/api-schemas";
import { adminApi } from "@/lib/rbac/guard";

type Context = { params: Promise<{ orderNo: string }> };

/**
 * POST {"itemId"?, "amountFen"?, "reason"} → 201 {"refund": {...}} with the refund as the provider's first answer
 * left it (`status` pending, succeeded or failed). Without `amountFen` everything refundable is refunded (a
 * membership term: its unused share). 404 unknown order or item; 409 not paid, a refund in progress, the item
 * refunded already or nothing left; 422 invalid body, or `amountFen` more than can be refunded.
 */
export const POST = adminApi("/api/v1/admin/orders/[orderNo]/refunds", { category: "orders", zh: "订单退款接口", en: "Order refund API", roles: ["order_admin"] }, async (request, context: Context, admin) => {
  const orderNo = orderNoSchema.safeParse((await context.params).orderNo);
  if (!orderNo.success) throw new ApiError(404, "NOT_FOUND", "No such order.");
  const body = await readJson(request, refundBody);
  const refund = await refundAsAdmin(admin, { orderNo: orderNo.data, itemId: body.itemId, amountFen: body.amountFen, reason: body.reason });
  return Response.json({ refund }, { status: 201, headers: { "cache-control": "no-store" } });
});
