// Who is calling a learner API: a bearer token (other clients) or the browser's session cookie (our own pages'
// fetches; the cookie is SameSite=Lax, so another site cannot post with it). Disabling an account revokes both.
import "server-only";
import { ApiError, requestCookie } from "@/lib/http/api";
import { currentUserId } from "./current-user";
import { requireBearer, verifiedBearer } from "./bearer";
import { verifyToken } from "./jwt";
import { SESSION_COOKIE_NAMES } from "./session-cookie";

export async function optionalApiUser(request: Request): Promise<{ userId: number } | null> {
  if (request.headers.has("authorization")) return { userId: (await requireBearer(request)).userId };
  const userId = await currentUserId();
  return userId === null ? null : { userId };
}

/** 401 with a readable message when nobody is signed in. */
export async function requireApiUser(request: Request): Promise<{ userId: number }> {
  const user = await optionalApiUser(request);
  if (!user) throw new ApiError(401, "UNAUTHORIZED", "Sign in first (session cookie or `Authorization: Bearer <token>`).", undefined, { "WWW-Authenticate": 'Bearer realm="xuefu"' });
  return user;
}


/**
 * The caller and their session id, by the token's signature alone (bearer token, or the browser's session
 * cookie); 401 when neither is valid. Whether the session is still live is left to the caller, for a hot path
 * that checks it inside the Redis script it runs anyway (the flash-sale admission): one round trip, not two.
 */
export async function signedApiCaller(request: Request): Promise<{ userId: number; sid: string }> {
  if (request.headers.has("authorization")) {
    const claims = await verifiedBearer(request);
    return { userId: claims.userId, sid: claims.sid };
  }
  const cookie = SESSION_COOKIE_NAMES.map((name) => requestCookie(request, name)).find(Boolean);
  const result = cookie ? await verifyToken(cookie) : null;
  const userId = Number(result?.ok ? result.claims.sub : NaN);
  if (!result?.ok || result.claims.kind !== "web" || !Number.isSafeInteger(userId) || userId <= 0) {
    throw new ApiError(401, "UNAUTHORIZED", "Sign in first (session cookie or `Authorization: Bearer <token>`).", undefined, { "WWW-Authenticate": 'Bearer realm="xuefu"' });
  }
  return { userId, sid: result.claims.sid };
}
