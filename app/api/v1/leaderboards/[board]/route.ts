import { ApiError, apiRoute } from "@/lib/http/api";
import { parseQuery } from "@/lib/http/query";
import { boardParamSchema, leaderboardQuerySchema } from "@/lib/leaderboards/api-schemas";
import { rejectRepeated } from "@/lib/leaderboards/params";
import { BOARD_PERIODS } from "@/lib/leaderboards/periods";
import { coursesBoard, pointsBoard } from "@/lib/leaderboards/read";
import { optionalLearner } from "@/lib/progress/auth";

type Context = { params: Promise<{ board: string }> };

/**
 * GET /api/v1/leaderboards/{points|courses}?period=week|month|all&limit=N → 200 {"data": [...], "me"?}.
 * 404 for an unknown board; 400 for an unknown, repeated or malformed parameter.
 */
export const GET = apiRoute(async (request, { params }: Context) => {
  const board = boardParamSchema.safeParse((await params).board);
  if (!board.success) throw new ApiError(404, "NOT_FOUND", "No such leaderboard: try points or courses.");
  rejectRepeated(request);
  const query = parseQuery(request.url, leaderboardQuerySchema);
  const period = query.period ?? "week";
  const limit = query.limit ?? 10;
  if (!BOARD_PERIODS[board.data].includes(period)) {
    throw new ApiError(400, "BAD_REQUEST", "Some query parameters are not valid.", { period: [`The ${board.data} board has: ${BOARD_PERIODS[board.data].join(", ")}.`] });
  }
  const headers = { "cache-control": "no-store" };
  if (board.data === "courses") return Response.json(await coursesBoard(limit), { headers });
  return Response.json(await pointsBoard(period, limit, await optionalLearner(request)), { headers });
});
