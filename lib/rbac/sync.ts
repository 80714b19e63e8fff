// Brings the `permissions` table in line with the resources found in the code: new resources are inserted
// and granted to the built-in roles their declaration names (once, when they first appear; afterwards the
// grants are the admins' to change), changed names and categories are updated, and resources that no longer
// exist in the code are deleted with their grants. The built-in roles are created first if missing, so a
// fresh database gets the intended grants. Runs with the migrations, under their lock.
import "server-only";
import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { Database } from "@/db";
import { permissions, rolePermissions, roles } from "@/db/schema";
import { RESOURCES } from "./registry";
import { BUILTIN_ROLE_DETAILS, type Resource } from "./types";

export interface SyncResult {
  added: number;
  updated: number;
  removed: number;
}

export async function syncResources(database: Database, resources: readonly Resource[] = RESOURCES): Promise<SyncResult> {
  return database.transaction(async (tx) => {
    for (const role of BUILTIN_ROLE_DETAILS) await tx.insert(roles).ignore().values(role);
    const existing = await tx.select().from(permissions);
    const byKey = new Map(existing.map((p) => [p.key, p]));
    const wanted = new Set(resources.map((r) => r.key));
    const roleIds = new Map((await tx.select({ id: roles.id, key: roles.key }).from(roles)).map((r) => [r.key, r.id]));
    const result: SyncResult = { added: 0, updated: 0, removed: 0 };

    for (const r of resources) {
      const row = { key: r.key, kind: r.kind, method: r.method, route: r.route, category: r.category, nameZh: r.nameZh, nameEn: r.nameEn };
      const current = byKey.get(r.key);
      if (!current) {
        await tx.insert(permissions).values(row);
        const [inserted] = await tx.select({ id: permissions.id }).from(permissions).where(eq(permissions.key, r.key));
        const grants = r.roles.map((k) => roleIds.get(k)).filter((id): id is number => id !== undefined);
        if (inserted && grants.length > 0) await tx.insert(rolePermissions).values(grants.map((roleId) => ({ roleId, permissionId: inserted.id })));
        result.added += 1;
      } else if (current.kind !== r.kind || current.category !== r.category || current.nameZh !== r.nameZh || current.nameEn !== r.nameEn || current.route !== r.route || current.method !== r.method) {
        await tx.update(permissions).set(row).where(eq(permissions.id, current.id));
        result.updated += 1;
      }
    }
    const stale = existing.filter((p) => !wanted.has(p.key)).map((p) => p.id);
    if (stale.length > 0) {
      await tx.delete(permissions).where(and(inArray(permissions.id, stale), wanted.size > 0 ? notInArray(permissions.key, [...wanted]) : undefined));
      result.removed = stale.length;
    }
    return result;
  });
}
