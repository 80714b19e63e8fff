// The signed-in person for server components, layouts, pages, guards and server actions: read once per request
// (React's cache()), however many parts of the page ask. Route handlers with a plain Request use api-user.ts.
//
// The middleware has already checked the session cookie (signature and registration in Redis) and forwards the
// outcome sealed in a request header (viewer-header.ts), so this reads that header and nothing else. Without
// the header — a request the middleware did not see, such as a test calling a server action directly — it
// checks the cookie itself through Auth.js.
import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { auth } from "./auth";
import { SESSION_COOKIE_NAMES } from "./session-cookie";
import { openViewer, VIEWER_HEADER } from "./viewer-header";

export interface CurrentUser {
  id: number;
  /** The display name carried in the session token. */
  name: string;
  sessionId: string;
  /** Whether /admin opens for them, when that was known without asking MySQL (null: ask lib/rbac). */
  admin: boolean | null;
}

/** Null for a visitor, a revoked session, or when the session cannot be checked (Redis down). */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const h = await headers();
  const sealed = h.get(VIEWER_HEADER);
  if (sealed !== null) {
    const viewer = openViewer(sealed, h.get("x-request-id") ?? "");
    return viewer && { id: viewer.userId, name: viewer.name, sessionId: viewer.sessionId, admin: viewer.admin };
  }
  const cookie = h.get("cookie") ?? "";
  if (!SESSION_COOKIE_NAMES.some((name) => cookie.includes(`${name}=`))) return null;
  const session = await auth().catch(() => null);
  const id = Number(session?.user?.id);
  if (!session?.user || !Number.isSafeInteger(id) || id <= 0) return null;
  return { id, name: session.user.name ?? "", sessionId: session.sessionId ?? "", admin: null };
});

/** The signed-in user's id, or null. */
export async function currentUserId(): Promise<number | null> {
  return (await getCurrentUser())?.id ?? null;
}
