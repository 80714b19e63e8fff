// The benchmark's baseline: the grab endpoint with admission by MySQL row locking alone (lib/seckill/baseline.ts),
// same authentication and token check, same answers. 404 unless the benchmark started the server with
// SECKILL_BENCH_ROUTES=on (lib/seckill/bench-routes.ts): never reachable in production.
import { requireApiUser } from "@/lib/auth/api-user";
import { ApiError, apiRoute } from "@/lib/http/api";
import { admitWithRowLock } from "@/lib/seckill/baseline";
import { requireBenchRoutes } from "@/lib/seckill/bench-routes";
import { saleIdFrom } from "@/lib/seckill/api";
import { isGrabTokenValid } from "@/lib/seckill/token";

export const dynamic = "force-dynamic";

/** POST ?sale={id} with X-Seckill-Token → as POST /api/v1/seckill/{id}/orders. */
export const POST = apiRoute(async (request) => {
  requireBenchRoutes();
  const { userId } = await requireApiUser(request);
  const saleId = saleIdFrom(new URL(request.url).searchParams.get("sale") ?? "");
  if (!isGrabTokenValid(request.headers.get("x-seckill-token"), saleId, userId)) throw new ApiError(403, "TOKEN_REQUIRED", "A grab token is required.");
  const outcome = await admitWithRowLock(saleId, userId);
  if (outcome.ok) return Response.json({ orderNo: outcome.orderNo, payBefore: outcome.payBefore.toISOString() }, { status: 201, headers: { "cache-control": "no-store" } });
  throw new ApiError(outcome.code === "NOT_FOUND" ? 404 : 409, outcome.code, outcome.code);
});
