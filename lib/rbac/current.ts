// The signed-in admin for layouts: who they are and what they may open, without requiring one permission.
import "server-only";
import { currentUserId } from "@/lib/auth/current-user";
import { findUserById } from "@/lib/auth/users";
import { decide } from "./decide";
import { effectivePermissions } from "./permissions";

export interface AdminViewer {
  userId: number;
  name: string;
  roles: string[];
  can(method: string, route: string): boolean;
}

/** Null for a visitor. */
export async function currentViewer(): Promise<AdminViewer | null> {
  const userId = await currentUserId();
  if (userId === null) return null;
  const [effective, user] = await Promise.all([effectivePermissions(userId), findUserById(userId)]);
  const principal = { userId, permissions: effective.permissions };
  return { userId, name: user?.name ?? "", roles: effective.roles, can: (method, route) => decide(principal, method, route).outcome === "allow" };
}
