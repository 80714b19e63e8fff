// The rules behind the admin's user management: assigning roles and disabling accounts. Plain functions over
// the database, so tests exercise them without the server-action wrapper (admin-user-actions.ts adds the
// guard, the form parsing and the page refresh).
//
// The one rule that needs care: no write may leave zero active super admins (so the last one can neither drop
// their own role nor be disabled). Two such writes racing could each see "one other super admin left" and both
// commit, so every write first locks the active super admins' rows (SELECT ... FOR UPDATE) and decides from
// that locked, current set; a concurrent write waits, then re-reads what the first one committed.
import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { permissions, rolePermissions, roles, userRoles, users } from "@/db/schema";
import type { Tx } from "@/db/tx";
import { revokeAllSessions } from "@/lib/auth/session-registry";
import { logger } from "@/lib/log";
import type { AdminContext } from "./guard";
import { invalidatePermissions, loadFromDatabase } from "./permissions";
import { SUPER_ADMIN } from "./types";

const log = logger.child({ component: "user-admin" });

/** Why a write was refused, as `AdminUserDetail.errors` keys. */
export type UserAdminError =
  | "invalid_input"
  | "user_not_found"
  | "unknown_role"
  | "last_super_admin"
  | "cannot_disable_self"
  | "super_admin_only"
  | "not_held"
  | "partially_applied"
  | "unavailable";

/** What the forms show after a write, as `AdminUserDetail.messages` / `AdminUserDetail.errors` keys. */
export type UserAdminMessage = "roles_saved" | "roles_unchanged" | "user_disabled" | "user_enabled" | "status_unchanged";

export type UserAdminState = { ok: null } | { ok: true; message: UserAdminMessage; revokedSessions?: number } | { ok: false; error: UserAdminError };

export const initialUserAdminState: UserAdminState = { ok: null };

// Ids arrive from forms as decimal strings and from code as numbers; "1e3", "0x10" or " 7" are not ids.
const userId = z
  .union([z.number(), z.string().regex(/^[1-9]\d{0,15}$/).transform(Number)])
  .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER));

const roleKey = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/);

export const setRolesInput = z.object({
  userId,
  roles: z
    .array(roleKey)
    .max(64)
    .transform((keys) => [...new Set(keys)].sort()),
});
export type SetRolesInput = z.infer<typeof setRolesInput>;

export const setDisabledInput = z.object({
  userId,
  disabled: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});
export type SetDisabledInput = z.infer<typeof setDisabledInput>;

/** Who is writing: the guard's context, or anything shaped like it in tests. */
export type UserAdminActor = Pick<AdminContext, "userId" | "audit">;

export type RolesOutcome = { ok: true; changed: boolean; before: string[]; after: string[] } | { ok: false; error: UserAdminError };
export type DisabledOutcome = { ok: true; changed: boolean; revokedSessions: number } | { ok: false; error: UserAdminError };

/** A refusal decided inside the transaction: rolls it back, then becomes the outcome. */
class Refusal extends Error {
  constructor(readonly code: UserAdminError) {
    super(code);
  }
}

/**
 * The active super admins, with their user_roles and users rows locked until the transaction ends. Always the
 * first lock a user-admin write takes, so concurrent writes queue here in one order instead of deadlocking.
 */
async function lockActiveSuperAdmins(tx: Tx): Promise<Set<number>> {
  const rows = await tx
    .select({ userId: userRoles.userId })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(roles.key, SUPER_ADMIN), eq(users.disabled, false)))
    .orderBy(asc(userRoles.userId))
    .for("update");
  return new Set(rows.map((r) => Number(r.userId)));
}

async function lockUser(tx: Tx, id: number) {
  const [user] = await tx.select({ id: users.id, name: users.name, disabled: users.disabled }).from(users).where(eq(users.id, id)).for("update");
  if (!user) throw new Refusal("user_not_found");
  return { ...user, id: Number(user.id) };
}

function errorCodes(error: unknown): unknown[] {
  const codes: unknown[] = [];
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) codes.push((e as { code?: unknown }).code);
  return codes;
}

/** Runs the transaction, retrying when MariaDB picked it as a deadlock victim (its work was rolled back). */
async function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db().transaction(work);
    } catch (error) {
      if (attempt >= 3 || !errorCodes(error).some((c) => c === "ER_LOCK_DEADLOCK" || c === "ER_LOCK_WAIT_TIMEOUT")) throw error;
      log.warn({ err: error, attempt }, "user-admin transaction deadlocked; retrying");
    }
  }
}

/** Runs the work after commit; on failure the write stands but the admin is told to repeat it (it is idempotent). */
async function afterCommit(what: string, work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    log.error({ err: error }, `${what} failed after the write committed`);
    return false;
  }
}

const roleDiff = (before: string[], after: string[]) =>
  [...after.filter((k) => !before.includes(k)).map((k) => `+${k}`), ...before.filter((k) => !after.includes(k)).map((k) => `-${k}`)].join(" ");

/** Makes the user's roles exactly `input.roles`. */
export async function changeUserRoles(actor: UserAdminActor, input: SetRolesInput): Promise<RolesOutcome> {
  let outcome: RolesOutcome;
  try {
    outcome = await transaction(async (tx) => {
      const supers = await lockActiveSuperAdmins(tx);
      const user = await lockUser(tx, input.userId);
      const wanted = input.roles.length > 0 ? await tx.select({ id: roles.id, key: roles.key }).from(roles).where(inArray(roles.key, input.roles)) : [];
      if (wanted.length !== input.roles.length) throw new Refusal("unknown_role");
      const current = await tx
        .select({ id: roles.id, key: roles.key })
        .from(userRoles)
        .innerJoin(roles, eq(roles.id, userRoles.roleId))
        .where(eq(userRoles.userId, user.id));
      const before = current.map((r) => r.key).sort();
      const after = [...input.roles];
      if (before.join() === after.join()) return { ok: true as const, changed: false, before, after };

      if (before.includes(SUPER_ADMIN) !== after.includes(SUPER_ADMIN)) {
        // Granting or revoking the all-powerful role is for (active) super admins only, even if a role editor
        // has handed users.setRoles to another role.
        if (!supers.has(actor.userId)) throw new Refusal("super_admin_only");
        if (!after.includes(SUPER_ADMIN) && supers.has(user.id) && supers.size === 1) throw new Refusal("last_super_admin");
      }

      const removed = current.filter((r) => !after.includes(r.key)).map((r) => r.id);
      const added = wanted.filter((r) => !before.includes(r.key)).map((r) => ({ userId: user.id, roleId: r.id }));
      if (!supers.has(actor.userId)) {
        // No escalation: someone handed users.setRoles may only hand out (or take away) roles whose every
        // permission they hold themselves.
        const touched = [...removed, ...added.map((a) => a.roleId)];
        const needed = await tx
          .selectDistinct({ key: permissions.key })
          .from(rolePermissions)
          .innerJoin(permissions, eq(permissions.id, rolePermissions.permissionId))
          .where(inArray(rolePermissions.roleId, touched));
        const held = (await loadFromDatabase(actor.userId)).permissions;
        if (needed.some((p) => !held.has(p.key))) throw new Refusal("not_held");
      }
      if (removed.length > 0) await tx.delete(userRoles).where(and(eq(userRoles.userId, user.id), inArray(userRoles.roleId, removed)));
      if (added.length > 0) await tx.insert(userRoles).values(added);
      await actor.audit(tx, {
        targetType: "user",
        targetId: user.id,
        summary: `Set the roles of ${user.name} (user ${user.id}): ${roleDiff(before, after)}`,
        before: { roles: before },
        after: { roles: after },
      });
      return { ok: true as const, changed: true, before, after };
    });
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.code };
    throw error;
  }
  if (!(await afterCommit("refreshing permissions", invalidatePermissions))) return { ok: false, error: "partially_applied" };
  return outcome;
}

/**
 * Disables or re-enables an account. The flag and its audit row commit together; then every session and API
 * token of a disabled user is revoked (Redis is not part of the transaction, so this runs after commit, and
 * again on a repeat, which is how an admin recovers from a failure there).
 */
export async function changeUserDisabled(actor: UserAdminActor, input: SetDisabledInput): Promise<DisabledOutcome> {
  if (input.disabled && input.userId === actor.userId) return { ok: false, error: "cannot_disable_self" };
  let changed: boolean;
  try {
    changed = await transaction(async (tx) => {
      const supers = await lockActiveSuperAdmins(tx);
      const user = await lockUser(tx, input.userId);
      if (user.disabled === input.disabled) return false;
      if (input.disabled && supers.has(user.id) && supers.size === 1) throw new Refusal("last_super_admin");
      await tx.update(users).set({ disabled: input.disabled }).where(eq(users.id, user.id));
      await actor.audit(tx, {
        targetType: "user",
        targetId: user.id,
        summary: `${input.disabled ? "Disabled" : "Enabled"} ${user.name} (user ${user.id})`,
        before: { disabled: user.disabled },
        after: { disabled: input.disabled },
      });
      return true;
    });
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.code };
    throw error;
  }
  let revokedSessions = 0;
  const revoked = !input.disabled || (await afterCommit("revoking sessions", async () => (revokedSessions = await revokeAllSessions(input.userId))));
  // A disabled user's cached permissions must go too (loadFromDatabase answers none for them).
  const refreshed = await afterCommit("refreshing permissions", invalidatePermissions);
  if (!revoked || !refreshed) return { ok: false, error: "partially_applied" };
  return { ok: true, changed, revokedSessions };
}
