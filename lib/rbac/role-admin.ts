// The writes of the role editor: create, rename, set the grants of, and delete a role. Each runs in one
// transaction with its audit row and refuses, writing nothing, what the rules forbid: an unknown role or
// permission, any change to super_admin's grants (it holds everything without rows, see permissions.ts),
// deleting a built-in role, deleting a role whose number of holders was not confirmed, and granting or
// revoking a permission the acting admin does not hold themselves (so a delegated role editor cannot
// escalate). The caller (admin-role-actions.ts) has checked the actor's permission for the action.
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { logger } from "@/lib/log";
import { permissions, rolePermissions, roles, userRoles } from "@/db/schema";
import type { AdminContext } from "./guard";
import { invalidatePermissions } from "./permissions";
import { permissionChangeSummary, type CreateRoleInput, type RoleFormErrorKey, type UpdateRoleInput } from "./role-admin-rules";
import { BUILTIN_ROLES, SUPER_ADMIN } from "./types";

export type RoleWriteResult<T = object> = ({ ok: true } & T) | { ok: false; error: RoleFormErrorKey | "key_taken"; count?: number };

/** Thrown inside a transaction to roll it back with a rule's answer. */
class Refused extends Error {
  constructor(
    readonly error: RoleFormErrorKey | "key_taken",
    readonly count?: number,
  ) {
    super(error);
  }
}

function isDuplicateKey(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "ER_DUP_ENTRY") return true;
  }
  return false;
}

async function refusals<T>(work: () => Promise<RoleWriteResult<T>>): Promise<RoleWriteResult<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.error, ...(error.count === undefined ? {} : { count: error.count }) };
    if (isDuplicateKey(error)) return { ok: false, error: "key_taken" };
    throw error;
  }
}

/**
 * After a commit: the change is made, so a Redis failure here must not be reported as a failed write. Until
 * the epoch moves, instances may serve cached permissions for up to their TTL; the error is logged loudly.
 */
async function invalidateAfterCommit(context: Record<string, unknown>): Promise<void> {
  try {
    await invalidatePermissions();
  } catch (error) {
    logger.error({ err: error, ...context }, "role change committed but the permission caches could not be invalidated");
  }
}

const isBuiltin = (key: string) => (BUILTIN_ROLES as readonly string[]).includes(key);

export async function createRole(admin: AdminContext, input: CreateRoleInput): Promise<RoleWriteResult<{ roleId: number }>> {
  return refusals<{ roleId: number }>(() =>
    db().transaction(async (tx) => {
      const [taken] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.key, input.key)).limit(1);
      if (taken) throw new Refused("key_taken");
      const [inserted] = await tx.insert(roles).values({ key: input.key, nameZh: input.nameZh, nameEn: input.nameEn, description: input.description }).$returningId();
      const roleId = Number(inserted!.id);
      await admin.audit(tx, {
        targetType: "role",
        targetId: roleId,
        summary: `Created role ${input.key} (${input.nameZh} / ${input.nameEn})`,
        before: null,
        after: { key: input.key, nameZh: input.nameZh, nameEn: input.nameEn, description: input.description },
      });
      return { ok: true as const, roleId };
    }),
  );
}

export async function updateRole(admin: AdminContext, roleId: number, input: UpdateRoleInput): Promise<RoleWriteResult<{ changed: boolean }>> {
  return refusals<{ changed: boolean }>(() =>
    db().transaction(async (tx) => {
      const [role] = await tx.select().from(roles).where(eq(roles.id, roleId)).for("update").limit(1);
      if (!role) throw new Refused("role_not_found");
      const before = { nameZh: role.nameZh, nameEn: role.nameEn, description: role.description };
      const after = { nameZh: input.nameZh, nameEn: input.nameEn, description: input.description };
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k]);
      if (changed.length === 0) return { ok: true as const, changed: false };
      await tx.update(roles).set(after).where(eq(roles.id, roleId));
      await admin.audit(tx, {
        targetType: "role",
        targetId: roleId,
        summary: `Edited role ${role.key}: ${changed.join(", ")}`,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      });
      return { ok: true as const, changed: true };
    }),
  );
}

export async function setRolePermissions(admin: AdminContext, roleId: number, permissionIds: readonly number[]): Promise<RoleWriteResult<{ added: string[]; removed: string[] }>> {
  const wanted = [...new Set(permissionIds)];
  const result = await refusals<{ added: string[]; removed: string[] }>(() =>
    db().transaction(async (tx) => {
      // Locking the role row serialises two saves of the same matrix, so each diff is against the other's result.
      const [role] = await tx.select().from(roles).where(eq(roles.id, roleId)).for("update").limit(1);
      if (!role) throw new Refused("role_not_found");
      if (role.key === SUPER_ADMIN) throw new Refused("super_admin_fixed");
      const known = wanted.length === 0 ? [] : await tx.select({ id: permissions.id, key: permissions.key }).from(permissions).where(inArray(permissions.id, wanted));
      if (known.length !== wanted.length) throw new Refused("unknown_permission");
      const current = await tx
        .select({ id: permissions.id, key: permissions.key })
        .from(rolePermissions)
        .innerJoin(permissions, eq(permissions.id, rolePermissions.permissionId))
        .where(eq(rolePermissions.roleId, roleId));
      const currentIds = new Set(current.map((p) => p.id));
      const wantedIds = new Set(wanted);
      const added = known.filter((p) => !currentIds.has(p.id)).sort((a, b) => a.key.localeCompare(b.key));
      const removed = current.filter((p) => !wantedIds.has(p.id)).sort((a, b) => a.key.localeCompare(b.key));
      if (added.length === 0 && removed.length === 0) return { ok: true as const, added: [], removed: [] };
      if ([...added, ...removed].some((p) => !admin.permissions.has(p.key))) throw new Refused("not_held");

      if (removed.length > 0) await tx.delete(rolePermissions).where(and(eq(rolePermissions.roleId, roleId), inArray(rolePermissions.permissionId, removed.map((p) => p.id))));
      if (added.length > 0) await tx.insert(rolePermissions).values(added.map((p) => ({ roleId, permissionId: p.id })));
      const addedKeys = added.map((p) => p.key);
      const removedKeys = removed.map((p) => p.key);
      await admin.audit(tx, {
        targetType: "role",
        targetId: roleId,
        summary: `${role.key}: ${permissionChangeSummary(addedKeys, removedKeys)}`,
        before: { permissionCount: current.length, removed: removedKeys },
        after: { permissionCount: current.length + added.length - removed.length, added: addedKeys },
      });
      return { ok: true as const, added: addedKeys, removed: removedKeys };
    }),
  );
  // After the commit, so no instance recomputes from the old grants and caches them under the new epoch.
  if (result.ok && (result.added.length > 0 || result.removed.length > 0)) await invalidateAfterCommit({ roleId, action: "roles.setPermissions" });
  return result;
}

export async function deleteRole(admin: AdminContext, roleId: number, expectedUsers: number): Promise<RoleWriteResult<{ users: number }>> {
  const result = await refusals<{ users: number }>(() =>
    db().transaction(async (tx) => {
      const [role] = await tx.select().from(roles).where(eq(roles.id, roleId)).for("update").limit(1);
      if (!role) throw new Refused("role_not_found");
      if (isBuiltin(role.key)) throw new Refused("builtin_role");
      const holders = await tx.select({ userId: userRoles.userId }).from(userRoles).where(eq(userRoles.roleId, roleId)).for("update");
      if (holders.length !== expectedUsers) throw new Refused("confirm_users", holders.length);
      const grants = await tx
        .select({ key: permissions.key })
        .from(rolePermissions)
        .innerJoin(permissions, eq(permissions.id, rolePermissions.permissionId))
        .where(eq(rolePermissions.roleId, roleId));
      // user_roles and role_permissions rows go with the role (ON DELETE CASCADE).
      await tx.delete(roles).where(eq(roles.id, roleId));
      await admin.audit(tx, {
        targetType: "role",
        targetId: roleId,
        summary: `Deleted role ${role.key}; ${holders.length} user(s) lost it`,
        before: { key: role.key, nameZh: role.nameZh, nameEn: role.nameEn, description: role.description, users: holders.length, permissions: grants.map((g) => g.key).sort() },
        after: null,
      });
      return { ok: true as const, users: holders.length };
    }),
  );
  if (result.ok) await invalidateAfterCommit({ roleId, action: "roles.delete" });
  return result;
}
