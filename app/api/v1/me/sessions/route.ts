import { requireBearer } from "@/lib/auth/bearer";
import { revokeAllSessions } from "@/lib/auth/session-registry";
import { apiRoute } from "@/lib/http/api";

/** DELETE → 204: signs the user out everywhere (every browser session and API token). */
export const DELETE = apiRoute(async (request) => {
  const { userId } = await requireBearer(request);
  await revokeAllSessions(userId);
  return new Response(null, { status: 204 });
});
