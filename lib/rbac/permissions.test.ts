// Effective permissions against the test MariaDB and Redis: grants, the super admin, disabled accounts, the
// cache and its invalidation, and the sync of the resource list into the permissions table.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { permissions, rolePermissions, roles, users } from "@/db/schema";
import { key, redis } from "@/lib/redis";
import { createTestUser } from "@/test/users";
import { effectivePermissions, invalidatePermissions, loadFromDatabase } from "./permissions";
import { ALL_RESOURCE_KEYS, RESOURCES } from "./registry";
import { syncResources } from "./sync";
import type { Resource } from "./types";

async function roleId(roleKey: string): Promise<number> {
  const [row] = await db().select({ id: roles.id }).from(roles).where(eq(roles.key, roleKey));
  return row!.id;
}
async function permissionId(permissionKey: string): Promise<number> {
  const [row] = await db().select({ id: permissions.id }).from(permissions).where(eq(permissions.key, permissionKey));
  return row!.id;
}

describe("effective permissions", () => {
  it("are the declared grants of the user's roles after migration", async () => {
    const user = await createTestUser(["course_admin"]);
    const { roles: held, permissions: keys } = await effectivePermissions(user);
    expect(held).toEqual(["course_admin"]);
    const expected = RESOURCES.filter((r) => r.roles.includes("course_admin")).map((r) => r.key);
    expect([...keys].sort()).toEqual(expected.sort());
    expect(keys.has("GET /admin/orders")).toBe(false);
  });

  it("are everything for a super admin and nothing for a learner or a disabled admin", async () => {
    expect([...(await effectivePermissions(await createTestUser(["super_admin"]))).permissions].sort()).toEqual([...ALL_RESOURCE_KEYS].sort());
    expect((await effectivePermissions(await createTestUser([]))).permissions.size).toBe(0);
    const disabled = await createTestUser(["super_admin"]);
    await db().update(users).set({ disabled: true }).where(eq(users.id, disabled));
    expect((await loadFromDatabase(disabled)).permissions.size).toBe(0);
  });

  it("are served from Redis until invalidated, then reflect the change at once", async () => {
    const user = await createTestUser(["marketing_admin"]);
    expect((await effectivePermissions(user)).permissions.has("GET /admin/orders")).toBe(false);
    const cached = await redis().get(key("rbac", "user", user));
    expect(cached).not.toBeNull();

    const grant = { roleId: await roleId("marketing_admin"), permissionId: await permissionId("GET /admin/orders") };
    await db().insert(rolePermissions).values(grant);
    try {
      // Without invalidation the cached answer stands (the cache is real)...
      expect((await effectivePermissions(user)).permissions.has("GET /admin/orders")).toBe(false);
      // ...and after it, the very next check sees the grant.
      await invalidatePermissions();
      expect((await effectivePermissions(user)).permissions.has("GET /admin/orders")).toBe(true);
    } finally {
      await db().delete(rolePermissions).where(and(eq(rolePermissions.roleId, grant.roleId), eq(rolePermissions.permissionId, grant.permissionId)));
      await invalidatePermissions();
    }
    expect((await effectivePermissions(user)).permissions.has("GET /admin/orders")).toBe(false);
  });
});

describe("syncResources", () => {
  const extra: Resource = { key: "GET /admin/sync-probe", kind: "page", method: "GET", route: "/admin/sync-probe", category: "content", nameZh: "探针", nameEn: "Probe", roles: ["content_admin"], file: "x.tsx" };

  it("adds a new resource with its intended grants once, keeps admins' later changes, and removes it when gone", async () => {
    const before = await db().select().from(permissions);
    expect(await syncResources(db(), [...RESOURCES, extra])).toEqual({ added: 1, updated: 0, removed: 0 });
    const id = await permissionId(extra.key);
    const grants = await db().select().from(rolePermissions).where(eq(rolePermissions.permissionId, id));
    expect(grants.map((g) => g.roleId)).toEqual([await roleId("content_admin")]);

    // An admin revokes it; a later sync must not grant it again.
    await db().delete(rolePermissions).where(eq(rolePermissions.permissionId, id));
    expect(await syncResources(db(), [...RESOURCES, { ...extra, nameEn: "Probe page" }])).toEqual({ added: 0, updated: 1, removed: 0 });
    expect(await db().select().from(rolePermissions).where(eq(rolePermissions.permissionId, id))).toEqual([]);

    expect(await syncResources(db(), RESOURCES)).toEqual({ added: 0, updated: 0, removed: 1 });
    expect((await db().select().from(permissions)).map((p) => p.key).sort()).toEqual(before.map((p) => p.key).sort());
  });
});
