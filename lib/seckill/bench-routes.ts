// The benchmark's comparison routes (/api/v1/seckill/bench/*) exist only while the benchmark runs: it starts
// its server with SECKILL_BENCH_ROUTES=on. Everywhere else, production included, they answer 404 before doing
// anything, so nobody can admit learners around the Redis gate or load the server through them.
import "server-only";
import { ApiError } from "@/lib/http/api";

export function requireBenchRoutes(): void {
  if (process.env.SECKILL_BENCH_ROUTES !== "on") throw new ApiError(404, "NOT_FOUND", "Not found.");
}
