// The one decision: may this user do `method route`? Used by middleware.ts for /admin and /api/v1/admin, and
// again by every admin page, route handler and server action through guard.ts. Fails closed: no user, an
// unknown route or action, or a permission not held all deny.
import { findResource } from "./registry";
import type { Resource } from "./types";

export interface Principal {
  userId: number;
  /** Effective permission keys (see permissions.ts). */
  permissions: ReadonlySet<string>;
}

export type Decision =
  | { outcome: "allow"; resource: Resource }
  | { outcome: "deny"; reason: "unauthenticated" | "unknown_resource" | "not_granted"; resource?: Resource };

export function decide(principal: Principal | null, method: string, route: string): Decision {
  const resource = findResource(method, route);
  if (!principal) return { outcome: "deny", reason: "unauthenticated", resource };
  if (!resource) return { outcome: "deny", reason: "unknown_resource" };
  return principal.permissions.has(resource.key) ? { outcome: "allow", resource } : { outcome: "deny", reason: "not_granted", resource };
}
