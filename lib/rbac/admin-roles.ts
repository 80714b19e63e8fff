// What the role editor and the resource list read: roles with how many users and grants they have, one
// role with the ids of its grants, and every permission grouped by category (in the schema's order) with
// the roles that hold it.
import "server-only";
import { asc, count, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { permissionCategories, permissions, rolePermissions, roles, userRoles } from "@/db/schema";
import type { PermissionCategory, ResourceKind } from "./types";

export interface AdminRoleRow {
  id: number;
  key: string;
  nameZh: string;
  nameEn: string;
  description: string;
  userCount: number;
  permissionCount: number;
}

export interface AdminPermission {
  id: number;
  key: string;
  kind: ResourceKind;
  method: string;
  route: string;
  category: PermissionCategory;
  nameZh: string;
  nameEn: string;
}

export interface PermissionGroup<P extends AdminPermission = AdminPermission> {
  category: PermissionCategory;
  permissions: P[];
}

/** Every role, built-in ones first in their seeded order, then the others by key. */
export async function listRolesWithCounts(): Promise<AdminRoleRow[]> {
  const userCounts = db().select({ roleId: userRoles.roleId, n: count().as("user_n") }).from(userRoles).groupBy(userRoles.roleId).as("uc");
  const grantCounts = db().select({ roleId: rolePermissions.roleId, n: count().as("grant_n") }).from(rolePermissions).groupBy(rolePermissions.roleId).as("gc");
  const rows = await db()
    .select({
      id: roles.id,
      key: roles.key,
      nameZh: roles.nameZh,
      nameEn: roles.nameEn,
      description: roles.description,
      userCount: sql<number>`coalesce(${userCounts.n}, 0)`.mapWith(Number),
      permissionCount: sql<number>`coalesce(${grantCounts.n}, 0)`.mapWith(Number),
    })
    .from(roles)
    .leftJoin(userCounts, eq(userCounts.roleId, roles.id))
    .leftJoin(grantCounts, eq(grantCounts.roleId, roles.id))
    .orderBy(asc(roles.id));
  return rows;
}

export interface AdminRoleDetail {
  id: number;
  key: string;
  nameZh: string;
  nameEn: string;
  description: string;
  userCount: number;
  permissionIds: number[];
}

export async function findRoleWithGrants(roleId: number): Promise<AdminRoleDetail | null> {
  const [role] = await db().select().from(roles).where(eq(roles.id, roleId)).limit(1);
  if (!role) return null;
  const [grants, [users]] = await Promise.all([
    db().select({ id: rolePermissions.permissionId }).from(rolePermissions).where(eq(rolePermissions.roleId, roleId)),
    db().select({ n: count() }).from(userRoles).where(eq(userRoles.roleId, roleId)),
  ]);
  return {
    id: role.id,
    key: role.key,
    nameZh: role.nameZh,
    nameEn: role.nameEn,
    description: role.description,
    userCount: users?.n ?? 0,
    permissionIds: grants.map((g) => g.id).sort((a, b) => a - b),
  };
}

const kindOrder: Record<ResourceKind, number> = { page: 0, api: 1, action: 2 };

function group<P extends AdminPermission>(rows: P[]): PermissionGroup<P>[] {
  const sorted = [...rows].sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.route.localeCompare(b.route) || a.method.localeCompare(b.method));
  return permissionCategories.map((category) => ({ category, permissions: sorted.filter((p) => p.category === category) })).filter((g) => g.permissions.length > 0);
}

/** Every permission, grouped by category in the schema's order; pages, then APIs, then actions, by route. */
export async function permissionsByCategory(): Promise<PermissionGroup[]> {
  const rows = await db()
    .select({
      id: permissions.id,
      key: permissions.key,
      kind: permissions.kind,
      method: permissions.method,
      route: permissions.route,
      category: permissions.category,
      nameZh: permissions.nameZh,
      nameEn: permissions.nameEn,
    })
    .from(permissions);
  return group(rows);
}

export interface PermissionWithRoles extends AdminPermission {
  /** Keys of the roles granted it (super admin holds everything without a row, so it is not listed). */
  roleKeys: string[];
}

export async function permissionsWithRoles(): Promise<PermissionGroup<PermissionWithRoles>[]> {
  const [groups, grants] = await Promise.all([
    permissionsByCategory(),
    db().select({ permissionId: rolePermissions.permissionId, roleKey: roles.key }).from(rolePermissions).innerJoin(roles, eq(roles.id, rolePermissions.roleId)).orderBy(asc(roles.id)),
  ]);
  const byPermission = new Map<number, string[]>();
  for (const g of grants) byPermission.set(g.permissionId, [...(byPermission.get(g.permissionId) ?? []), g.roleKey]);
  return groups.map((g) => ({ category: g.category, permissions: g.permissions.map((p) => ({ ...p, roleKeys: byPermission.get(p.id) ?? [] })) }));
}

/** Display names of every role, by key, for labelling grants. */
export async function roleNamesByKey(): Promise<Map<string, { nameZh: string; nameEn: string }>> {
  const rows = await db().select({ key: roles.key, nameZh: roles.nameZh, nameEn: roles.nameEn }).from(roles);
  return new Map(rows.map((r) => [r.key, { nameZh: r.nameZh, nameEn: r.nameEn }]));
}
