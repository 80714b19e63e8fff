// The benchmark's ceiling: an empty handler behind the same authentication as the grab endpoint. 404 unless
// the benchmark started the server with SECKILL_BENCH_ROUTES=on (lib/seckill/bench-routes.ts).
import { requireApiUser } from "@/lib/auth/api-user";
import { apiRoute } from "@/lib/http/api";
import { requireBenchRoutes } from "@/lib/seckill/bench-routes";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request) => {
  requireBenchRoutes();
  await requireApiUser(request);
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});
