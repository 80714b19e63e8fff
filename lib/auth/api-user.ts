// Who is calling a learner API: a bearer token (other clients) or the browser's session cookie (our own pages'
// fetches; the cookie is SameSite=Lax, so another site cannot post with it). Disabling an account revokes both.
import "server-only";
import { ApiError } from "@/lib/http/api";
import { auth } from "./auth";
import { requireBearer } from "./bearer";

export async function optionalApiUser(request: Request): Promise<{ userId: number } | null> {
  if (request.headers.has("authorization")) return { userId: (await requireBearer(request)).userId };
  const session = await auth();
  const userId = Number(session?.user?.id);
  return session && Number.isSafeInteger(userId) && userId > 0 ? { userId } : null;
}

/** 401 with a readable message when nobody is signed in. */
export async function requireApiUser(request: Request): Promise<{ userId: number }> {
  const user = await optionalApiUser(request);
  if (!user) throw new ApiError(401, "UNAUTHORIZED", "Sign in first (session cookie or `Authorization: Bearer <token>`).", undefined, { "WWW-Authenticate": 'Bearer realm="xuefu"' });
  return user;
}
