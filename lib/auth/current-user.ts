// The signed-in person for server components, layouts, pages, guards and server actions: read once per request
// (React's cache()), however many parts of the page ask. Route handlers with a plain Request use api-user.ts.
import "server-only";
import { cache } from "react";
import { auth } from "./auth";

export interface CurrentUser {
  id: number;
  /** The display name carried in the session token. */
  name: string;
  sessionId: string;
}

/** Null for a visitor, a revoked session, or when the session cannot be checked (Redis down). */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth().catch(() => null);
  const id = Number(session?.user?.id);
  if (!session?.user || !Number.isSafeInteger(id) || id <= 0) return null;
  return { id, name: session.user.name ?? "", sessionId: session.sessionId ?? "" };
});

/** The signed-in user's id, or null. */
export async function currentUserId(): Promise<number | null> {
  return (await getCurrentUser())?.id ?? null;
}
