// The guards every admin page, API route and server action is wrapped in. Each states its resource in code
// (the scanner reads the literal declaration to build the permission list) and asks decide() itself, so the
// middleware is the first gate but never the only one.
//
//   export default adminPage("/admin/users", { category, zh, en, roles }, async function UsersPage(props, admin) {...})
//   export const GET = adminApi("/api/v1/admin/orders", { ... }, async (request, context, admin) => {...})
//   export const setUserDisabled = adminAction("users.setDisabled", { ... }, async (admin, input) => {...})
import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect, unauthorized } from "next/navigation";
import type { ReactNode } from "react";
import { currentUserId } from "@/lib/auth/current-user";
import { requireBearer } from "@/lib/auth/bearer";
import { findUserById } from "@/lib/auth/users";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import type { Database } from "@/db";
import { ApiError, apiRoute, clientIp } from "@/lib/http/api";
import { decide, type Decision } from "./decide";
import { effectivePermissions } from "./permissions";
import type { Resource, ResourceDeclaration } from "./types";

export interface AdminContext {
  userId: number;
  name: string;
  roles: string[];
  permissions: ReadonlySet<string>;
  /** The resource being used. */
  resource: Resource;
  can(method: string, route: string): boolean;
  /** Records this write in the audit log, in the caller's transaction. */
  audit(executor: Pick<Database, "insert">, entry: AuditEntry): Promise<void>;
}

type Executor = Pick<Database, "insert">;

async function principalFor(userId: number | null) {
  if (userId === null) return null;
  const effective = await effectivePermissions(userId);
  return { userId, ...effective };
}

async function context(userId: number, decision: Extract<Decision, { outcome: "allow" }>, effective: { roles: string[]; permissions: ReadonlySet<string> }): Promise<AdminContext> {
  const h = await headers();
  const user = await findUserById(userId);
  const actor = { userId, name: user?.name ?? `#${userId}`, ip: clientIp(new Request("http://local", { headers: h })), requestId: h.get("x-request-id") ?? "" };
  return {
    userId,
    name: actor.name,
    roles: effective.roles,
    permissions: effective.permissions,
    resource: decision.resource,
    can: (method, route) => decide({ userId, permissions: effective.permissions }, method, route).outcome === "allow",
    audit: (executor: Executor, entry: AuditEntry) => recordAudit(executor, actor, decision.resource.key, entry),
  };
}

const sessionUserId = currentUserId;

/** For pages: a visitor is sent to sign in (and back), a user without the permission gets the 403 page. */
export async function requirePage(route: string): Promise<AdminContext> {
  const userId = await sessionUserId();
  const principal = await principalFor(userId);
  const decision = decide(principal, "GET", route);
  if (decision.outcome === "allow" && principal) return context(principal.userId, decision, principal);
  if (!principal) {
    const back = (await headers()).get("x-xuefu-path") ?? route;
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
  }
  forbidden();
}

export function adminPage<P>(route: string, _declaration: ResourceDeclaration, page: (props: P, admin: AdminContext) => Promise<ReactNode>) {
  return async function GuardedAdminPage(props: P): Promise<ReactNode> {
    return page(props, await requirePage(route));
  };
}

/** For API routes: a bearer token, or the browser session cookie for the admin UI's own fetches. */
async function apiUserId(request: Request): Promise<number | null> {
  if (request.headers.has("authorization")) return (await requireBearer(request)).userId;
  return sessionUserId();
}

export function adminApi<C>(route: string, _declaration: ResourceDeclaration, handler: (request: Request, context: C, admin: AdminContext) => Promise<Response>) {
  return apiRoute<C>(async (request, ctx) => {
    const principal = await principalFor(await apiUserId(request));
    const decision = decide(principal, request.method, route);
    if (decision.outcome === "deny" || !principal) {
      if (!principal) throw new ApiError(401, "UNAUTHORIZED", "Sign in first: send an access token as `Authorization: Bearer <token>`.", undefined, { "WWW-Authenticate": 'Bearer realm="xuefu"' });
      throw new ApiError(403, "FORBIDDEN", "Your roles do not allow this.");
    }
    return handler(request, ctx, await context(principal.userId, decision, principal));
  });
}

export function adminAction<A extends unknown[], R>(name: string, _declaration: ResourceDeclaration, action: (admin: AdminContext, ...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => {
    const principal = await principalFor(await sessionUserId());
    const decision = decide(principal, "ACTION", name);
    if (!principal) unauthorized();
    if (decision.outcome === "deny") forbidden();
    return action(await context(principal.userId, decision, principal), ...args);
  };
}
