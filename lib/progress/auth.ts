// Who is calling a learner's own API (/api/v1/me/...): a bearer token when the request carries one, otherwise
// the browser's session cookie (the lesson page's own requests). Either way a session that was signed out
// fails. Cookie-authenticated writes must be JSON, which a cross-site form cannot send without a preflight.
import "server-only";
import { requireBearer } from "@/lib/auth/bearer";
import { currentUserId } from "@/lib/auth/current-user";
import { ApiError } from "@/lib/http/api";

export async function requireLearner(request: Request): Promise<number> {
  if (request.headers.has("authorization")) return (await requireBearer(request)).userId;
  const userId = await currentUserId();
  if (userId === null) throw new ApiError(401, "UNAUTHORIZED", "Sign in first, or send an access token as `Authorization: Bearer <token>`.");
  return userId;
}

/** The learner when there is one; null for a visitor. A bad bearer token is still an error. */
export async function optionalLearner(request: Request): Promise<number | null> {
  if (request.headers.has("authorization")) return (await requireBearer(request)).userId;
  return currentUserId();
}

export function requireJson(request: Request): void {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.");
}
