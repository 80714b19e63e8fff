// A user's effective permissions: the union of their roles' grants (every resource for a super admin), read
// from MySQL and cached in Redis so the middleware does not query MySQL on every admin request.
//
// Invalidation is by epoch: every cached entry records the epoch it was computed under, and any change to a
// role's grants or a user's roles increments the epoch, so every instance recomputes on its next request
// (within one round trip, no restart, no sign-in). The epoch is read before MySQL, so an entry computed from
// data older than a change is labelled with the older epoch and never served after it.
import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { permissions, rolePermissions, roles, userRoles, users } from "@/db/schema";
import { logger } from "@/lib/log";
import { key, redis } from "@/lib/redis";
import { ALL_RESOURCE_KEYS } from "./registry";
import { SUPER_ADMIN } from "./types";

export interface EffectivePermissions {
  roles: string[];
  permissions: ReadonlySet<string>;
}

// Short enough that a lost invalidation (Redis unreachable right after a commit) heals within a minute.
const CACHE_TTL_SECONDS = 60;
const epochKey = () => key("rbac", "epoch");
const userKey = (userId: number) => key("rbac", "user", userId);

interface CachedEntry {
  epoch: number;
  roles: string[];
  permissions: string[];
}

export async function loadFromDatabase(userId: number): Promise<EffectivePermissions> {
  const [user] = await db().select({ disabled: users.disabled }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.disabled) return { roles: [], permissions: new Set() };
  const roleRows = await db().select({ key: roles.key }).from(userRoles).innerJoin(roles, eq(roles.id, userRoles.roleId)).where(eq(userRoles.userId, userId));
  const roleKeys = roleRows.map((r) => r.key).sort();
  if (roleKeys.includes(SUPER_ADMIN)) return { roles: roleKeys, permissions: new Set(ALL_RESOURCE_KEYS) };
  const rows = await db()
    .selectDistinct({ key: permissions.key })
    .from(userRoles)
    .innerJoin(rolePermissions, eq(rolePermissions.roleId, userRoles.roleId))
    .innerJoin(permissions, eq(permissions.id, rolePermissions.permissionId))
    .where(eq(userRoles.userId, userId));
  return { roles: roleKeys, permissions: new Set(rows.map((r) => r.key)) };
}

/**
 * For a caller that reads Redis in one pipeline of its own (the middleware, beside the session): the keys to
 * GET, in order, and what their values say — the cached permissions when they are current, else null (the
 * caller then uses effectivePermissions(), which recomputes).
 */
export function cachedPermissionsRead(userId: number): { keys: [string, string]; interpret(values: [unknown, unknown]): EffectivePermissions | null } {
  return {
    keys: [epochKey(), userKey(userId)],
    interpret([rawEpoch, cached]) {
      const epoch = Number(rawEpoch ?? 0);
      const entry = typeof cached === "string" ? (JSON.parse(cached) as CachedEntry) : null;
      return entry && entry.epoch === epoch ? { roles: entry.roles, permissions: new Set(entry.permissions) } : null;
    },
  };
}

export async function effectivePermissions(userId: number): Promise<EffectivePermissions> {
  let epoch: number;
  try {
    const [rawEpoch, cached] = await redis().pipeline().get<number | string>(epochKey()).get<CachedEntry | string>(userKey(userId)).exec<[number | string | null, CachedEntry | string | null]>();
    epoch = Number(rawEpoch ?? 0);
    const entry = typeof cached === "string" ? (JSON.parse(cached) as CachedEntry) : cached;
    if (entry && entry.epoch === epoch) return { roles: entry.roles, permissions: new Set(entry.permissions) };
  } catch (error) {
    // Redis is a cache here: MySQL holds the truth, so answer from it rather than deny everyone.
    logger.warn({ err: error, userId }, "permission cache unavailable; reading MySQL");
    return loadFromDatabase(userId);
  }
  const fresh = await loadFromDatabase(userId);
  const entry: CachedEntry = { epoch, roles: fresh.roles, permissions: [...fresh.permissions] };
  await redis()
    .set(userKey(userId), JSON.stringify(entry), { ex: CACHE_TTL_SECONDS })
    .catch((error: unknown) => logger.warn({ err: error, userId }, "could not cache permissions"));
  return fresh;
}

/** Call after any change to roles, grants or a user's roles: every instance recomputes on its next request. */
export async function invalidatePermissions(): Promise<void> {
  await redis().incr(epochKey());
}
