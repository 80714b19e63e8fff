import { ApiError, apiRoute } from "@/lib/http/api";
import { parseQuery } from "@/lib/http/query";
import { historyQuerySchema } from "@/lib/leaderboards/api-schemas";
import { rejectRepeated } from "@/lib/leaderboards/params";
import { pointsHistory } from "@/lib/leaderboards/read";
import { requireLearner } from "@/lib/progress/auth";

type Context = { params: Promise<{ board: string }> };

/** GET /api/v1/leaderboards/points/history?period= → 200 the caller's cumulative points over the period. */
export const GET = apiRoute(async (request, { params }: Context) => {
  if ((await params).board !== "points") throw new ApiError(404, "NOT_FOUND", "Only the points board has a history.");
  const userId = await requireLearner(request);
  rejectRepeated(request);
  const query = parseQuery(request.url, historyQuerySchema);
  return Response.json(await pointsHistory(userId, query.period ?? "week"), { headers: { "cache-control": "no-store" } });
});
