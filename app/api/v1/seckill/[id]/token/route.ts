import { requireApiUser } from "@/lib/auth/api-user";
import { ApiError, apiRoute } from "@/lib/http/api";
import { saleIdFrom } from "@/lib/seckill/api";
import { findSaleCached } from "@/lib/seckill/sales";
import { grabToken } from "@/lib/seckill/token";

export const dynamic = "force-dynamic";

/**
 * GET → 200 {"token"}: the per-sale grab token, only once the sale has started (409 NOT_STARTED before, with
 * the start time; 409 ENDED after). POST /api/v1/seckill/{id}/orders needs it.
 */
export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const { userId } = await requireApiUser(request);
  const sale = await findSaleCached(saleIdFrom((await params).id));
  if (!sale) throw new ApiError(404, "NOT_FOUND", "There is no such flash sale.");
  const now = new Date();
  if (sale.status !== "active" || now >= sale.endsAt) throw new ApiError(409, "ENDED", "This flash sale has ended.");
  if (now < sale.startsAt) throw new ApiError(409, "NOT_STARTED", "This flash sale has not started yet.", { startsAt: sale.startsAt.toISOString() });
  return Response.json({ token: grabToken(sale.id, userId) }, { headers: { "cache-control": "no-store" } });
});
