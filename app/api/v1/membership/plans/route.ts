import { optionalApiUser } from "@/lib/auth/api-user";
import { clockNow } from "@/lib/clock";
import { apiRoute } from "@/lib/http/api";
import { planJson } from "@/lib/memberships/api-view";
import { listPlans } from "@/lib/memberships/plans";
import { membershipOf } from "@/lib/memberships/status";

export const dynamic = "force-dynamic";

/** GET → 200 {"data": [plan], "membership": {...} | null} the plans on sale, and the caller's membership when signed in. */
export const GET = apiRoute(async (request) => {
  const caller = await optionalApiUser(request);
  const [plans, membership] = await Promise.all([listPlans({ activeOnly: true }), caller ? membershipOf(caller.userId, await clockNow(caller.userId)) : null]);
  return Response.json(
    {
      data: plans.map(planJson),
      membership: membership && { active: membership.active, period: membership.period, expiresAt: membership.expiresAt?.toISOString() ?? null },
    },
    { headers: { "cache-control": "no-store" } },
  );
});
