import { z } from "zod";
import { parseQuery } from "@/lib/http/query";
import { EXPORT_MAX_ROWS, exportStream } from "@/lib/orders/admin-export";
import { adminOrderQuery, countAdminOrders } from "@/lib/orders/admin-queries";
import { adminApi } from "@/lib/rbac/guard";

const query = adminOrderQuery({ lang: z.enum(["zh-CN", "en"]).default("zh-CN") });

/**
 * GET (the list's filters, and `lang` for the header row) → 200 text/csv, UTF-8 with a BOM, newest first, at
 * most 100,000 rows: `X-Total-Count` says how many matched and `X-Export-Truncated: true` when that is more.
 */
export const GET = adminApi("/api/v1/admin/orders/export", { category: "orders", zh: "导出订单 CSV", en: "Export orders as CSV", roles: ["order_admin"] }, async (request) => {
  const { lang, ...filter } = parseQuery(request.url, query);
  const total = await countAdminOrders(filter);
  const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return new Response(exportStream(filter, lang), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="orders-${day}.csv"`,
      "cache-control": "no-store",
      "x-total-count": String(total),
      "x-export-limit": String(EXPORT_MAX_ROWS),
      ...(total > EXPORT_MAX_ROWS ? { "x-export-truncated": "true" } : {}),
    },
  });
});
