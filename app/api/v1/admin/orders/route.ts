import { adminOrderQuery, listAdminOrders } from "@/lib/orders/admin-queries";
import { pageMeta, pageParams, parseQuery } from "@/lib/http/query";
import { adminApi } from "@/lib/rbac/guard";

const query = adminOrderQuery(pageParams);

/**
 * GET ?q&status&provider&from&to&user&page&per_page → 200 {"data": [order], "meta": {"page", "per_page", "total"}};
 * `from`/`to` are China days (YYYY-MM-DD, both included), `user` a user id, email or mobile; 400 for a bad
 * parameter. Order numbers are strings.
 */
export const GET = adminApi("/api/v1/admin/orders", { category: "orders", zh: "订单列表接口", en: "Order list API", roles: ["order_admin"] }, async (request) => {
  const { page, per_page, ...filter } = parseQuery(request.url, query);
  const { rows, total } = await listAdminOrders(filter, page, per_page);
  return Response.json({ data: rows, meta: pageMeta(page, per_page, total) }, { headers: { "cache-control": "no-store" } });
});
