// GET /api/v1/ping → 204. Liveness for load balancers: answers without touching MySQL or Redis (readiness is
// /api/health). The catalogue benchmark uses it as the framework's ceiling: an empty route handler.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}
