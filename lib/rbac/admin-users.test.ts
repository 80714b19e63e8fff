// The admin's user management against the test MariaDB and Redis: the two server actions as real signed-in
// users (only the framework's request context is stood in for), the last-super-admin rule including two
// racing writes, and the list's search, filters and paging.
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, roles, userRoles, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { isSessionActive, registerSession } from "@/lib/auth/session-registry";
import { revalidated, signInAs, signOutOfRequest } from "@/test/request-context";
import { setUserDisabled, setUserRoles } from "./admin-user-actions";
import { getAdminUser, listAdminUsers } from "./admin-users";
import { effectivePermissions, invalidatePermissions } from "./permissions";
import { SUPER_ADMIN } from "./types";
import { changeUserDisabled, changeUserRoles, initialUserAdminState as initial, type UserAdminActor } from "./user-admin-rules";

vi.mock("next/headers", () => import("@/test/request-context"));
vi.mock("next/cache", () => import("@/test/request-context"));

const FORBIDDEN = { digest: "NEXT_HTTP_ERROR_FALLBACK;403" };
const UNAUTHORIZED = { digest: "NEXT_HTTP_ERROR_FALLBACK;401" };

async function createUser(opts: { name?: string; roles?: string[]; disabled?: boolean; mobile?: string; createdAt?: Date } = {}): Promise<number> {
  const [row] = await db()
    .insert(users)
    .values({
      name: opts.name ?? `测试用户-${randomUUID().slice(0, 8)}`,
      email: `user-${randomUUID()}@example.com`,
      mobile: opts.mobile ?? null,
      disabled: opts.disabled ?? false,
      ...(opts.createdAt ? { createdAt: opts.createdAt } : {}),
    })
    .$returningId();
  const id = Number(row!.id);
  if (opts.roles?.length) {
    const found = await db().select({ id: roles.id }).from(roles).where(inArray(roles.key, opts.roles));
    await db()
      .insert(userRoles)
      .values(found.map((r) => ({ userId: id, roleId: r.id })));
  }
  return id;
}

async function roleKeysOf(userId: number): Promise<string[]> {
  const rows = await db().select({ key: roles.key }).from(userRoles).innerJoin(roles, eq(roles.id, userRoles.roleId)).where(eq(userRoles.userId, userId));
  return rows.map((r) => r.key).sort();
}

async function isDisabled(userId: number): Promise<boolean> {
  const [row] = await db().select({ disabled: users.disabled }).from(users).where(eq(users.id, userId));
  return Boolean(row?.disabled);
}

const auditOf = (userId: number) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "user"), eq(auditLog.targetId, String(userId))))
    .orderBy(auditLog.id);

/** An actor for calling the rules without the guard, auditing like the guard does. */
const actorFor = (userId: number, action: string): UserAdminActor => ({
  userId,
  audit: (tx, entry) => recordAudit(tx, { userId, name: `actor ${userId}`, ip: "", requestId: "vitest" }, action, entry),
});

/** Active super admins, straight from the database. */
async function activeSuperAdmins(): Promise<number[]> {
  const rows = await db()
    .select({ id: users.id })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(roles.key, SUPER_ADMIN), eq(users.disabled, false)));
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/**
 * Runs `work` while `only` are the sole active super admins: the others (the demo admin, earlier tests'
 * admins) are disabled in the database for the duration and restored afterwards, since other test files
 * rely on the demo admin.
 */
async function withOnlySuperAdmins<T>(only: number[], work: () => Promise<T>): Promise<T> {
  const others = (await activeSuperAdmins()).filter((id) => !only.includes(id));
  if (others.length > 0) await db().update(users).set({ disabled: true }).where(inArray(users.id, others));
  try {
    return await work();
  } finally {
    if (others.length > 0) await db().update(users).set({ disabled: false }).where(inArray(users.id, others));
    await invalidatePermissions();
  }
}

afterAll(() => signOutOfRequest());

describe("users.setRoles", () => {
  it("lets a super admin set a user's roles, audited, effective at once", async () => {
    const admin = await createUser({ roles: [SUPER_ADMIN] });
    const learner = await createUser();
    expect((await effectivePermissions(learner)).permissions.has("GET /admin/courses")).toBe(false); // now cached
    await signInAs(admin);

    const saved = await setUserRoles(initial, { userId: learner, roles: ["course_admin"] });
    expect(saved).toEqual({ ok: true, message: "roles_saved" });
    expect(await roleKeysOf(learner)).toEqual(["course_admin"]);
    const effective = await effectivePermissions(learner);
    expect(effective.roles).toEqual(["course_admin"]);
    expect(effective.permissions.has("GET /admin/courses")).toBe(true);
    expect(effective.permissions.has("GET /admin/orders")).toBe(false);
    expect(revalidated).toContain(`/admin/users/${learner}`);

    // The form posts one `roles` field per checked box.
    const form = new FormData();
    form.set("userId", String(learner));
    form.append("roles", "order_admin");
    form.append("roles", "content_admin");
    expect(await setUserRoles(initial, form)).toEqual({ ok: true, message: "roles_saved" });
    expect(await roleKeysOf(learner)).toEqual(["content_admin", "order_admin"]);
    expect((await effectivePermissions(learner)).permissions.has("GET /admin/orders")).toBe(true);
    expect((await effectivePermissions(learner)).permissions.has("GET /admin/courses")).toBe(false);

    // Saving the same roles again writes nothing.
    expect(await setUserRoles(initial, { userId: learner, roles: ["order_admin", "content_admin", "order_admin"] })).toEqual({ ok: true, message: "roles_unchanged" });

    const audit = await auditOf(learner);
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actorId: admin, action: "ACTION users.setRoles", before: { roles: [] }, after: { roles: ["course_admin"] }, requestId: "vitest-request" });
    expect(audit[1]).toMatchObject({ actorId: admin, before: { roles: ["course_admin"] }, after: { roles: ["content_admin", "order_admin"] } });
    expect(audit[1]!.summary).toContain(`user ${learner}`);

    // Back to a learner: no roles at all.
    expect(await setUserRoles(initial, { userId: learner, roles: [] })).toEqual({ ok: true, message: "roles_saved" });
    expect(await roleKeysOf(learner)).toEqual([]);
    expect((await effectivePermissions(learner)).permissions.size).toBe(0);
  });

  it("refuses invalid input, unknown roles and unknown users, writing nothing", async () => {
    const admin = await createUser({ roles: [SUPER_ADMIN] });
    const target = await createUser({ roles: ["course_admin"] });
    await signInAs(admin);
    const bad: unknown[] = [
      { userId: "abc", roles: [] },
      { userId: 0, roles: [] },
      { userId: -target, roles: [] },
      { userId: 1.5, roles: [] },
      { userId: 2 ** 53, roles: [] },
      { userId: `${target}.0`, roles: [] },
      { userId: "1e3", roles: [] },
      { userId: target, roles: "course_admin" },
      { userId: target, roles: ["Course Admin"] },
      { userId: target },
      {},
    ];
    for (const input of bad) {
      expect(await setUserRoles(initial, input as { userId: unknown; roles: unknown }), JSON.stringify(input)).toEqual({ ok: false, error: "invalid_input" });
    }
    expect(await setUserRoles(initial, { userId: target, roles: ["order_admin", "no_such_role"] })).toEqual({ ok: false, error: "unknown_role" });
    expect(await setUserRoles(initial, { userId: 987_654_321_012, roles: ["order_admin"] })).toEqual({ ok: false, error: "user_not_found" });
    expect(await roleKeysOf(target)).toEqual(["course_admin"]);
    expect(await auditOf(target)).toHaveLength(0);
  });
});

describe("users.setDisabled", () => {
  it("disables (ending every session and token) and re-enables, audited; the roles stay", async () => {
    const admin = await createUser({ roles: [SUPER_ADMIN] });
    const target = await createUser({ roles: ["course_admin"] });
    const web = await registerSession(target, "web", { userAgent: "Vitest", ip: "127.0.0.1" }, 3600);
    const api = await registerSession(target, "api", { userAgent: "curl", ip: "127.0.0.1" }, 3600);
    expect((await effectivePermissions(target)).permissions.has("GET /admin/courses")).toBe(true); // cached
    await signInAs(admin);

    const form = new FormData();
    form.set("userId", String(target));
    form.set("disabled", "true");
    expect(await setUserDisabled(initial, form)).toEqual({ ok: true, message: "user_disabled", revokedSessions: 2 });
    expect(await isDisabled(target)).toBe(true);
    expect(await isSessionActive(web.sid)).toBe(false);
    expect(await isSessionActive(api.sid)).toBe(false);
    expect(await effectivePermissions(target)).toEqual({ roles: [], permissions: new Set() });
    expect(await roleKeysOf(target)).toEqual(["course_admin"]);
    const [listed] = (await listAdminUsers({ q: String((await getAdminUser(target))!.email) }, 1, 10)).rows;
    expect(listed).toMatchObject({ id: target, disabled: true, roles: [expect.objectContaining({ key: "course_admin" })] });

    expect(await setUserDisabled(initial, { userId: target, disabled: true })).toEqual({ ok: true, message: "status_unchanged" });
    expect(await setUserDisabled(initial, { userId: String(target), disabled: "false" })).toEqual({ ok: true, message: "user_enabled", revokedSessions: 0 });
    expect(await isDisabled(target)).toBe(false);
    expect((await effectivePermissions(target)).permissions.has("GET /admin/courses")).toBe(true);

    const audit = await auditOf(target);
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actorId: admin, action: "ACTION users.setDisabled", before: { disabled: false }, after: { disabled: true } });
    expect(audit[0]!.summary).toMatch(/^Disabled /);
    expect(audit[1]).toMatchObject({ actorId: admin, before: { disabled: true }, after: { disabled: false } });
  });

  it("refuses an admin disabling themselves, bad input and unknown users, writing nothing", async () => {
    const admin = await createUser({ roles: [SUPER_ADMIN] });
    const target = await createUser();
    await signInAs(admin);
    expect(await setUserDisabled(initial, { userId: admin, disabled: true })).toEqual({ ok: false, error: "cannot_disable_self" });
    expect(await isDisabled(admin)).toBe(false);
    for (const input of [{ userId: target, disabled: "yes" }, { userId: target }, { userId: "x", disabled: true }, { userId: 0, disabled: true }]) {
      expect(await setUserDisabled(initial, input as { userId: unknown; disabled: unknown })).toEqual({ ok: false, error: "invalid_input" });
    }
    expect(await setUserDisabled(initial, { userId: 987_654_321_013, disabled: true })).toEqual({ ok: false, error: "user_not_found" });
    expect(await isDisabled(target)).toBe(false);
    expect(await auditOf(target)).toHaveLength(0);
    expect(await auditOf(admin)).toHaveLength(0);
  });
});

describe("who may use the user actions", () => {
  it("forbids a learner and a course admin, and asks a visitor to sign in; nothing is written", async () => {
    const target = await createUser({ roles: ["order_admin"] });
    const learner = await createUser();
    const courseAdmin = await createUser({ roles: ["course_admin"] });
    for (const actor of [learner, courseAdmin]) {
      await signInAs(actor);
      await expect(setUserRoles(initial, { userId: target, roles: [SUPER_ADMIN] })).rejects.toMatchObject(FORBIDDEN);
      await expect(setUserRoles(initial, { userId: actor, roles: [SUPER_ADMIN] })).rejects.toMatchObject(FORBIDDEN);
      await expect(setUserDisabled(initial, { userId: target, disabled: true })).rejects.toMatchObject(FORBIDDEN);
    }
    signOutOfRequest();
    await expect(setUserRoles(initial, { userId: target, roles: [] })).rejects.toMatchObject(UNAUTHORIZED);
    await expect(setUserDisabled(initial, { userId: target, disabled: true })).rejects.toMatchObject(UNAUTHORIZED);
    expect(await roleKeysOf(target)).toEqual(["order_admin"]);
    expect(await roleKeysOf(learner)).toEqual([]);
    expect(await roleKeysOf(courseAdmin)).toEqual(["course_admin"]);
    expect(await isDisabled(target)).toBe(false);
    expect(await auditOf(target)).toHaveLength(0);
  });

  it("forbids a super admin who was just disabled, without signing them out first", async () => {
    const admin = await createUser({ roles: [SUPER_ADMIN] });
    const other = await createUser({ roles: [SUPER_ADMIN] });
    const target = await createUser();
    await signInAs(admin);
    expect(await setUserRoles(initial, { userId: target, roles: ["course_admin"] })).toMatchObject({ ok: true });
    await signInAs(other);
    expect(await setUserDisabled(initial, { userId: admin, disabled: true })).toMatchObject({ ok: true, message: "user_disabled" });
    await signInAs(admin); // a fresh session, as if the revoked one were still presented
    await expect(setUserRoles(initial, { userId: target, roles: [] })).rejects.toMatchObject(FORBIDDEN);
    expect(await roleKeysOf(target)).toEqual(["course_admin"]);
  });
});

describe("no escalation through users.setRoles", () => {
  it("lets an admin who is not a super admin hand out only roles whose permissions they hold", async () => {
    // order_admin holds the orders permissions but none of course_admin's.
    const orderAdmin = await createUser({ roles: ["order_admin"] });
    const target = await createUser();
    const actor = actorFor(orderAdmin, "ACTION users.setRoles");
    expect(await changeUserRoles(actor, { userId: target, roles: ["course_admin"] })).toEqual({ ok: false, error: "not_held" });
    expect(await roleKeysOf(target)).toEqual([]);
    expect(await changeUserRoles(actor, { userId: target, roles: ["order_admin"] })).toMatchObject({ ok: true, changed: true });
    expect(await roleKeysOf(target)).toEqual(["order_admin"]);
  });
});

describe("the last super admin", () => {
  it("cannot drop their own super admin role or be disabled; with a second one they can", async () => {
    const a = await createUser({ roles: [SUPER_ADMIN, "course_admin"] });
    const b = await createUser({ roles: [SUPER_ADMIN], disabled: true }); // a disabled super admin does not count
    const helper = await createUser({ roles: ["order_admin"] });
    await withOnlySuperAdmins([a], async () => {
      await signInAs(a);
      expect(await setUserRoles(initial, { userId: a, roles: ["course_admin"] })).toEqual({ ok: false, error: "last_super_admin" });
      expect(await roleKeysOf(a)).toEqual(["course_admin", SUPER_ADMIN].sort());
      expect(await setUserDisabled(initial, { userId: a, disabled: true })).toEqual({ ok: false, error: "cannot_disable_self" });
      // Someone else holding users.setDisabled (a role editor could grant it) may not disable the last one either.
      expect(await changeUserDisabled(actorFor(helper, "ACTION users.setDisabled"), { userId: a, disabled: true })).toEqual({ ok: false, error: "last_super_admin" });
      // ...nor grant or revoke the super admin role at all.
      expect(await changeUserRoles(actorFor(helper, "ACTION users.setRoles"), { userId: helper, roles: [SUPER_ADMIN] })).toEqual({ ok: false, error: "super_admin_only" });
      expect(await isDisabled(a)).toBe(false);
      expect(await auditOf(a)).toHaveLength(0);

      // Enabling b makes two active super admins: now a may step down.
      expect(await setUserDisabled(initial, { userId: b, disabled: false })).toMatchObject({ ok: true, message: "user_enabled" });
      expect(await setUserRoles(initial, { userId: a, roles: ["course_admin"] })).toEqual({ ok: true, message: "roles_saved" });
      expect(await activeSuperAdmins()).toEqual([b]);
      // a is no super admin any more: forbidden from here on, at once.
      await expect(setUserRoles(initial, { userId: a, roles: [SUPER_ADMIN] })).rejects.toMatchObject(FORBIDDEN);
    });
  });

  it("lets at most one of two racing writes through when together they would leave none", async () => {
    for (let round = 0; round < 3; round += 1) {
      const a = await createUser({ roles: [SUPER_ADMIN] });
      const b = await createUser({ roles: [SUPER_ADMIN] });
      await withOnlySuperAdmins([a, b], async () => {
        // Through the actions, as a: step down, and disable b, at the same time.
        await signInAs(a);
        const results = await Promise.allSettled([setUserRoles(initial, { userId: a, roles: [] }), setUserDisabled(initial, { userId: b, disabled: true })]);
        const succeeded = results.filter((r) => r.status === "fulfilled" && r.value.ok === true);
        expect(succeeded.length).toBeLessThanOrEqual(1);
        expect((await activeSuperAdmins()).length).toBe(1);
        for (const r of results) if (r.status === "fulfilled" && r.value.ok === false) expect(r.value.error).toBe("last_super_admin");
      });
    }
    for (let round = 0; round < 3; round += 1) {
      const a = await createUser({ roles: [SUPER_ADMIN] });
      const b = await createUser({ roles: [SUPER_ADMIN] });
      await withOnlySuperAdmins([a, b], async () => {
        // Each steps down at the same time (two actors, straight through the rules): exactly one may.
        const outcomes = await Promise.all([
          changeUserRoles(actorFor(a, "ACTION users.setRoles"), { userId: a, roles: [] }),
          changeUserRoles(actorFor(b, "ACTION users.setRoles"), { userId: b, roles: [] }),
        ]);
        expect(outcomes.filter((o) => o.ok).length).toBe(1);
        expect(outcomes.find((o) => !o.ok)).toEqual({ ok: false, error: "last_super_admin" });
        expect((await activeSuperAdmins()).length).toBe(1);
        expect((await auditOf(a)).length + (await auditOf(b)).length).toBe(1);
      });
    }
  });
});

describe("the user list", () => {
  it("searches by name, email and mobile, filters by role and status, newest first, in pages", async () => {
    const tag = `u${randomUUID().slice(0, 8)}`;
    const base = Date.UTC(2020, 0, 1);
    const mobileDigits = `139${String(Date.now()).slice(-8)}`;
    const courseAdmin = await createUser({ name: `${tag}-课程`, roles: ["course_admin"], createdAt: new Date(base) });
    const disabledLearner = await createUser({ name: `${tag}-停用`, disabled: true, createdAt: new Date(base + 1000) });
    const learner = await createUser({ name: `${tag}-学员`, mobile: `+86${mobileDigits}`, createdAt: new Date(base + 2000) });

    const ids = async (filter: Parameters<typeof listAdminUsers>[0], page = 1, perPage = 10) => (await listAdminUsers(filter, page, perPage)).rows.map((r) => r.id);
    expect(await ids({ q: tag })).toEqual([learner, disabledLearner, courseAdmin]);
    expect(await ids({ q: tag, role: "course_admin" })).toEqual([courseAdmin]);
    expect(await ids({ q: tag, role: "none" })).toEqual([learner, disabledLearner]);
    expect(await ids({ q: tag, status: "disabled" })).toEqual([disabledLearner]);
    expect(await ids({ q: tag, status: "active", role: "none" })).toEqual([learner]);
    expect(await ids({ q: `${tag}%` })).toEqual([]); // LIKE wildcards are literal
    const email = (await getAdminUser(courseAdmin))!.email!;
    expect(await ids({ q: email.toUpperCase() })).toEqual([courseAdmin]);
    expect(await ids({ q: `${mobileDigits.slice(0, 3)} ${mobileDigits.slice(3, 7)} ${mobileDigits.slice(7)}` })).toEqual([learner]);

    const first = await listAdminUsers({ q: tag }, 1, 2);
    expect(first.total).toBe(3);
    expect(first.rows.map((r) => r.id)).toEqual([learner, disabledLearner]);
    expect(await ids({ q: tag }, 2, 2)).toEqual([courseAdmin]);
    expect(first.rows[0]).toMatchObject({ roles: [], disabled: false, lastSignInAt: null });

    // Learners are those without any role; the demo super admin is listed under its role.
    const supers = await listAdminUsers({ role: SUPER_ADMIN }, 1, 100);
    expect(supers.rows.every((r) => r.roles.some((role) => role.key === SUPER_ADMIN))).toBe(true);
    expect(supers.rows.some((r) => r.email === "admin@example.com")).toBe(true);
  });

  it("reads one user's detail, and nothing for an unknown id", async () => {
    const id = await createUser({ roles: ["marketing_admin", "content_admin"] });
    const user = await getAdminUser(id);
    expect(user).toMatchObject({ id, disabled: false, hasPassword: false, identities: 0, locale: "zh-CN" });
    expect(user!.roles.map((r) => r.key).sort()).toEqual(["content_admin", "marketing_admin"]);
    expect(user!.roles.find((r) => r.key === "marketing_admin")).toMatchObject({ nameZh: "营销管理员", nameEn: "Marketing admin" });
    expect(await getAdminUser(987_654_321_014)).toBeNull();
  });
});
