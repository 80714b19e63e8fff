import { ApiError, apiRoute } from "@/lib/http/api";
import { publicSale, saleIdFrom } from "@/lib/seckill/api";
import { findSaleCached } from "@/lib/seckill/sales";

export const dynamic = "force-dynamic";

/** GET → 200 {id, course, listPriceFen, priceFen, seats, seatsLeft, startsAt, endsAt, phase, serverTime}. */
export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  const sale = await findSaleCached(saleIdFrom((await params).id));
  if (!sale) throw new ApiError(404, "NOT_FOUND", "There is no such flash sale.");
  return Response.json(await publicSale(sale), { headers: { "cache-control": "no-store" } });
});
