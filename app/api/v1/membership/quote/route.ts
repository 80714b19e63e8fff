import { db } from "@/db";
import { optionalApiUser } from "@/lib/auth/api-user";
import { ApiError, apiRoute, readJson } from "@/lib/http/api";
import { planQuoteJson } from "@/lib/memberships/api-view";
import { planQuoteSchema } from "@/lib/orders/api-schemas";
import { quotePlan } from "@/lib/orders/plan-checkout";

export const dynamic = "force-dynamic";

/** POST {"planId", "coupon"?} → 200 {"data": quote}: the price, the coupon's effect and the term's dates if paid now. 404 unknown plan. */
export const POST = apiRoute(async (request) => {
  const caller = await optionalApiUser(request);
  const body = await readJson(request, planQuoteSchema);
  const quote = await quotePlan(db(), { userId: caller?.userId ?? null, planId: body.planId, couponCode: body.coupon });
  if (!quote) throw new ApiError(404, "PLAN_NOT_FOUND", "No such membership plan.");
  return Response.json({ data: planQuoteJson(quote) }, { headers: { "cache-control": "no-store" } });
});
