// The role editor's server actions as real signed-in users against the test MariaDB and Redis: what a super
// admin may do (and the audit row and permission change that follow), what a learner, a course admin and a
// delegated role editor may not, and the inputs that must be refused with nothing written.
import { randomUUID } from "node:crypto";
import { and, count, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, permissions, rolePermissions, roles, userRoles, users } from "@/db/schema";
import { signInAs, signOutOfRequest } from "@/test/request-context";
import { createRoleAction, deleteRoleAction, setRolePermissionsAction, updateRoleAction } from "./admin-role-actions";
import { findRoleWithGrants, listRolesWithCounts, permissionsByCategory, permissionsWithRoles } from "./admin-roles";
import { effectivePermissions, invalidatePermissions } from "./permissions";
import { initialRoleFormState } from "./role-admin-rules";
import { SUPER_ADMIN } from "./types";

vi.mock("next/headers", () => import("@/test/request-context"));
vi.mock("next/cache", () => import("@/test/request-context"));

const FORBIDDEN = "NEXT_HTTP_ERROR_FALLBACK;403";
const initial = initialRoleFormState();
const suffix = () => randomUUID().replace(/-/g, "").slice(0, 10);

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) data.append(k, one);
  return data;
}

async function newUser(roleKeys: string[] = []): Promise<number> {
  const [row] = await db().insert(users).values({ name: `测试管理员${suffix()}`, email: `roles-${randomUUID()}@example.com` }).$returningId();
  const userId = Number(row!.id);
  for (const key of roleKeys) {
    const [role] = await db().select({ id: roles.id }).from(roles).where(eq(roles.key, key));
    await db().insert(userRoles).values({ userId, roleId: role!.id });
  }
  await invalidatePermissions();
  return userId;
}

async function newRole(grants: string[] = []): Promise<{ id: number; key: string }> {
  const key = `test_${suffix()}`;
  const [row] = await db().insert(roles).values({ key, nameZh: "测试角色", nameEn: "Test role" }).$returningId();
  const id = Number(row!.id);
  for (const permissionKey of grants) await db().insert(rolePermissions).values({ roleId: id, permissionId: await permissionId(permissionKey) });
  await invalidatePermissions();
  return { id, key };
}

async function permissionId(key: string): Promise<number> {
  const [row] = await db().select({ id: permissions.id }).from(permissions).where(eq(permissions.key, key));
  if (!row) throw new Error(`no permission ${key} in the test database`);
  return row.id;
}

async function roleId(key: string): Promise<number> {
  const [row] = await db().select({ id: roles.id }).from(roles).where(eq(roles.key, key));
  return row!.id;
}

/** Where a successful create or delete redirects to (Next.js throws the redirect). */
async function redirectOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  const digest = String((error as { digest?: unknown } | undefined)?.digest ?? "");
  expect(digest).toMatch(/^NEXT_REDIRECT;/);
  return digest.split(";")[2] ?? "";
}

const grantKeys = async (id: number) =>
  (await db().select({ key: permissions.key }).from(rolePermissions).innerJoin(permissions, eq(permissions.id, rolePermissions.permissionId)).where(eq(rolePermissions.roleId, id))).map((r) => r.key).sort();

const auditCount = async () => (await db().select({ n: count() }).from(auditLog))[0]!.n;
const roleCount = async () => (await db().select({ n: count() }).from(roles))[0]!.n;

async function lastAudit(action: string, targetId: number) {
  const [row] = await db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetType, "role"), eq(auditLog.targetId, String(targetId))))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

let superAdmin: number;
beforeAll(async () => {
  superAdmin = await newUser([SUPER_ADMIN]);
});

describe("as a super admin", () => {
  it("creates a role, audited with the actor and the new names, and answers a taken or malformed key on the key field", async () => {
    await signInAs(superAdmin);
    const key = `editor_${suffix()}`;
    const to = await redirectOf(createRoleAction(initial, form({ key, nameZh: " 编辑 ", nameEn: "Editor", description: "Edits things" })));
    const [role] = await db().select().from(roles).where(eq(roles.key, key));
    expect(role).toMatchObject({ nameZh: "编辑", nameEn: "Editor", description: "Edits things" });
    expect(to).toBe(`/admin/roles/${role!.id}`);
    const audit = await lastAudit("ACTION roles.create", role!.id);
    expect(audit).toMatchObject({ actorId: superAdmin, before: null, after: { key, nameZh: "编辑", nameEn: "Editor", description: "Edits things" } });

    const before = [await roleCount(), await auditCount()];
    const taken = await createRoleAction(initial, form({ key, nameZh: "重复", nameEn: "Again" }));
    expect(taken).toMatchObject({ fieldErrors: { key: "key_taken" }, done: false, values: { key } });
    for (const bad of ["ab", "Has_Upper", "with-dash", "x".repeat(65), "空格 key"]) {
      const state = await createRoleAction(initial, form({ key: bad, nameZh: "名", nameEn: "Name" }));
      expect(state.fieldErrors.key).toBe("key_format");
    }
    const noNames = await createRoleAction(initial, form({ key: `ok_${suffix()}`, nameZh: " ", nameEn: "" }));
    expect(noNames.fieldErrors).toEqual({ nameZh: "name_zh_required", nameEn: "name_en_required" });
    expect([await roleCount(), await auditCount()]).toEqual(before);
  });

  it("renames a role, recording only the changed fields; the key stays", async () => {
    await signInAs(superAdmin);
    const role = await newRole();
    const state = await updateRoleAction(initial, form({ roleId: String(role.id), key: "sneaky_new_key", nameZh: "新名字", nameEn: "Test role", description: "" }));
    expect(state).toMatchObject({ done: true, error: null });
    const [row] = await db().select().from(roles).where(eq(roles.id, role.id));
    expect(row).toMatchObject({ key: role.key, nameZh: "新名字", nameEn: "Test role" });
    expect(await lastAudit("ACTION roles.update", role.id)).toMatchObject({ actorId: superAdmin, before: { nameZh: "测试角色" }, after: { nameZh: "新名字" } });

    const missing = await updateRoleAction(initial, form({ roleId: "999999999", nameZh: "名", nameEn: "Name" }));
    expect(missing.error).toBe("role_not_found");
  });

  it("sets a role's permissions in one save; a holder's effective permissions change at once; the audit says what was added and removed", async () => {
    await signInAs(superAdmin);
    const role = await newRole(["GET /admin/courses"]);
    const holder = await newUser([role.key]);
    expect((await effectivePermissions(holder)).permissions.has("GET /admin/courses")).toBe(true);
    expect((await effectivePermissions(holder)).permissions.has("GET /admin/orders")).toBe(false);

    const wanted = [await permissionId("GET /admin/orders"), await permissionId("GET /api/v1/admin/orders")];
    const state = await setRolePermissionsAction(initial, form({ roleId: String(role.id), permissionId: wanted.map(String) }));
    expect(state).toMatchObject({ done: true, error: null, count: 3 });
    expect(await grantKeys(role.id)).toEqual(["GET /admin/orders", "GET /api/v1/admin/orders"]);

    const effective = await effectivePermissions(holder);
    expect(effective.permissions.has("GET /admin/orders")).toBe(true);
    expect(effective.permissions.has("GET /admin/courses")).toBe(false);

    const audit = await lastAudit("ACTION roles.setPermissions", role.id);
    expect(audit).toMatchObject({
      actorId: superAdmin,
      before: { permissionCount: 1, removed: ["GET /admin/courses"] },
      after: { permissionCount: 2, added: ["GET /admin/orders", "GET /api/v1/admin/orders"] },
    });
    expect(audit!.summary).toBe(`${role.key}: +GET /admin/orders, +GET /api/v1/admin/orders, \u2212GET /admin/courses`);

    // Saving the same set again writes nothing, not even an audit row.
    const n = await auditCount();
    expect(await setRolePermissionsAction(initial, form({ roleId: String(role.id), permissionId: wanted.map(String) }))).toMatchObject({ done: true, count: 0 });
    expect(await auditCount()).toBe(n);

    // An empty set revokes everything.
    expect(await setRolePermissionsAction(initial, form({ roleId: String(role.id) }))).toMatchObject({ done: true, count: 2 });
    expect(await grantKeys(role.id)).toEqual([]);
    expect((await effectivePermissions(holder)).permissions.size).toBe(0);
  });

  it("refuses unknown permissions and roles, and any change to super_admin, writing nothing", async () => {
    await signInAs(superAdmin);
    const role = await newRole(["GET /admin/courses"]);
    const before = [await auditCount(), await grantKeys(role.id)];
    const orders = String(await permissionId("GET /admin/orders"));

    expect((await setRolePermissionsAction(initial, form({ roleId: String(role.id), permissionId: [orders, "987654321"] }))).error).toBe("unknown_permission");
    expect((await setRolePermissionsAction(initial, form({ roleId: String(role.id), permissionId: [orders, "not-a-number"] }))).error).toBe("unknown_permission");
    expect((await setRolePermissionsAction(initial, form({ roleId: "987654321", permissionId: [orders] }))).error).toBe("role_not_found");
    expect((await setRolePermissionsAction(initial, form({ roleId: "-1", permissionId: [orders] }))).error).toBe("role_not_found");

    const superRole = await roleId(SUPER_ADMIN);
    const superGrants = await grantKeys(superRole);
    expect((await setRolePermissionsAction(initial, form({ roleId: String(superRole), permissionId: [orders] }))).error).toBe("super_admin_fixed");
    expect((await setRolePermissionsAction(initial, form({ roleId: String(superRole) }))).error).toBe("super_admin_fixed");
    expect(await grantKeys(superRole)).toEqual(superGrants);
    expect([await auditCount(), await grantKeys(role.id)]).toEqual(before);
  });

  it("deletes a custom role only after the number of its holders is confirmed; holders lose it at once; built-in roles stay", async () => {
    await signInAs(superAdmin);
    const role = await newRole(["GET /admin/orders"]);
    const holders = [await newUser([role.key]), await newUser([role.key])];
    expect((await effectivePermissions(holders[0]!)).permissions.has("GET /admin/orders")).toBe(true);
    const n = await auditCount();

    const unconfirmed = await deleteRoleAction(initial, form({ roleId: String(role.id) }));
    expect(unconfirmed).toMatchObject({ error: "confirm_users", count: 2 });
    const stale = await deleteRoleAction(initial, form({ roleId: String(role.id), expectedUsers: "1" }));
    expect(stale).toMatchObject({ error: "confirm_users", count: 2 });
    for (const key of ["super_admin", "course_admin", "order_admin", "marketing_admin", "content_admin"]) {
      expect((await deleteRoleAction(initial, form({ roleId: String(await roleId(key)), expectedUsers: "0" }))).error).toBe("builtin_role");
    }
    expect(await auditCount()).toBe(n);
    expect(await findRoleWithGrants(role.id)).not.toBeNull();

    expect(await redirectOf(deleteRoleAction(initial, form({ roleId: String(role.id), expectedUsers: "2" })))).toBe("/admin/roles");
    expect(await findRoleWithGrants(role.id)).toBeNull();
    expect((await db().select().from(userRoles).where(eq(userRoles.roleId, role.id))).length).toBe(0);
    const effective = await effectivePermissions(holders[0]!);
    expect(effective.roles).toEqual([]);
    expect(effective.permissions.has("GET /admin/orders")).toBe(false);
    expect(await lastAudit("ACTION roles.delete", role.id)).toMatchObject({
      actorId: superAdmin,
      before: { key: role.key, users: 2, permissions: ["GET /admin/orders"] },
      after: null,
    });
  });
});

describe("without the permission", () => {
  const attempts = async () => {
    const role = await newRole(["GET /admin/courses"]);
    const orders = String(await permissionId("GET /admin/orders"));
    return [
      () => createRoleAction(initial, form({ key: `nope_${suffix()}`, nameZh: "不行", nameEn: "Nope" })),
      () => updateRoleAction(initial, form({ roleId: String(role.id), nameZh: "改名", nameEn: "Renamed" })),
      () => setRolePermissionsAction(initial, form({ roleId: String(role.id), permissionId: [orders] })),
      () => deleteRoleAction(initial, form({ roleId: String(role.id), expectedUsers: "0" })),
    ] as const;
  };

  for (const who of ["a learner", "a course admin"] as const) {
    it(`${who} is refused every role action with 403, and nothing is written`, async () => {
      const calls = await attempts();
      await signInAs(await newUser(who === "a course admin" ? ["course_admin"] : []));
      const before = [await roleCount(), await auditCount()];
      for (const call of calls) await expect(call()).rejects.toMatchObject({ digest: FORBIDDEN });
      expect([await roleCount(), await auditCount()]).toEqual(before);
    });
  }

  it("a visitor without a session is refused with 401, and nothing is written", async () => {
    const calls = await attempts();
    signOutOfRequest();
    const before = [await roleCount(), await auditCount()];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;401" });
    expect([await roleCount(), await auditCount()]).toEqual(before);
  });

  it("a delegated role editor cannot grant or revoke permissions they do not hold", async () => {
    const editorRole = await newRole(["ACTION roles.setPermissions", "GET /admin/courses"]);
    const editor = await newUser([editorRole.key]);
    const target = await newRole(["GET /admin/courses"]);
    await signInAs(editor);
    const n = await auditCount();
    const orders = String(await permissionId("GET /admin/orders"));
    const courses = String(await permissionId("GET /admin/courses"));
    const escalate = await setRolePermissionsAction(initial, form({ roleId: String(target.id), permissionId: [courses, orders] }));
    expect(escalate.error).toBe("not_held");
    const ownRole = await setRolePermissionsAction(initial, form({ roleId: String(editorRole.id), permissionId: [orders, courses, String(await permissionId("ACTION roles.setPermissions"))] }));
    expect(ownRole.error).toBe("not_held");
    expect(await grantKeys(target.id)).toEqual(["GET /admin/courses"]);
    expect(await auditCount()).toBe(n);
    // What they hold, they may pass on or take away.
    expect(await setRolePermissionsAction(initial, form({ roleId: String(target.id) }))).toMatchObject({ done: true, count: 1 });
  });
});

describe("the role editor's reads", () => {
  it("count users and grants per role, and group every permission by category with its holders", async () => {
    const role = await newRole(["GET /admin/orders", "GET /admin/courses"]);
    await newUser([role.key]);
    const listed = (await listRolesWithCounts()).find((r) => r.id === role.id);
    expect(listed).toMatchObject({ key: role.key, userCount: 1, permissionCount: 2 });

    const groups = await permissionsByCategory();
    const order = ["courses", "orders", "marketing", "permissions", "content", "other"];
    expect(groups.map((g) => order.indexOf(g.category))).toEqual([...groups.map((g) => order.indexOf(g.category))].sort((a, b) => a - b));
    expect(groups.find((g) => g.category === "permissions")?.permissions.map((p) => p.key)).toContain("ACTION roles.setPermissions");

    const withRoles = (await permissionsWithRoles()).flatMap((g) => g.permissions);
    expect(withRoles.find((p) => p.key === "GET /admin/orders")?.roleKeys).toEqual(expect.arrayContaining(["order_admin", role.key]));
  });
});
