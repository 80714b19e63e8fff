import { optionalApiUser } from "@/lib/auth/api-user";
import { apiRoute, readJson } from "@/lib/http/api";
import { quoteSchema } from "@/lib/orders/api-schemas";
import { quoteCart } from "@/lib/orders/pricing";
import { db } from "@/db";

export const dynamic = "force-dynamic";

/**
 * POST {"courseIds": [..], "coupon"?} → 200 the cart priced now: each line's status (ok, not_found,
 * unavailable, owned, pending) and price for this learner (member prices when signed in as a member), the
 * coupon's result and the totals. Visitors may ask too; ownership is only known once signed in.
 */
export const POST = apiRoute(async (request) => {
  const body = await readJson(request, quoteSchema);
  const user = await optionalApiUser(request);
  const quote = await quoteCart(db(), { userId: user?.userId ?? null, courseIds: body.courseIds, couponCode: body.coupon });
  return Response.json({ data: quote }, { headers: { "cache-control": "no-store" } });
});
