import { checkHealth } from "@/lib/health/check";
import { requestLogger } from "@/lib/log/request";

export const dynamic = "force-dynamic";

/** 200 {"status":"ok","db":"ok","redis":"ok"}, or 503 naming the dependency that is down. */
export async function GET(): Promise<Response> {
  const health = await checkHealth(await requestLogger({ route: "health" }));
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
