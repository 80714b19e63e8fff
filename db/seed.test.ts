import { verify } from "@node-rs/argon2";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db } from "./index";
import { categories, courses, enrolments, roles, userRoles, users } from "./schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seed } from "./seed";

afterAll(async () => {
  await closeDb();
});

const count = async (table: typeof courses | typeof users | typeof enrolments | typeof categories) =>
  Number((await db().select({ n: sql<number>`COUNT(*)` }).from(table))[0]?.n);

describe("the seed (on the test database that npm test seeded)", () => {
  it("holds the realistic catalogue the brief asks for", async () => {
    expect(await count(courses)).toBeGreaterThanOrEqual(120);
    const top = await db().select().from(categories).where(sql`${categories.parentId} IS NULL`);
    expect(top.length).toBeGreaterThanOrEqual(8);
    expect(await count(users)).toBeGreaterThanOrEqual(300);
    expect(await count(enrolments)).toBeGreaterThan(300);
  });

  it("is idempotent: a second run adds nothing", async () => {
    const before = await Promise.all([count(courses), count(users), count(enrolments), count(categories)]);
    const result = await seed(db(), { nodeEnv: "test" });
    expect(result.created).toBe(false);
    expect(await Promise.all([count(courses), count(users), count(enrolments), count(categories)])).toEqual(before);
  });

  it("restores a demo account's password and role on every run", async () => {
    const admin = DEMO_ACCOUNTS.find((a) => a.roleKey === "super_admin");
    expect(admin).toBeDefined();
    const [user] = await db().select().from(users).where(eq(users.email, admin!.email));
    await db().update(users).set({ passwordHash: "broken" }).where(eq(users.id, user!.id));
    await db().delete(userRoles).where(eq(userRoles.userId, user!.id));

    await seed(db(), { nodeEnv: "test" });

    const [after] = await db().select().from(users).where(eq(users.id, user!.id));
    expect(await verify(after!.passwordHash!, DEMO_PASSWORD)).toBe(true);
    const held = await db()
      .select({ key: roles.key })
      .from(userRoles)
      .innerJoin(roles, eq(roles.id, userRoles.roleId))
      .where(eq(userRoles.userId, user!.id));
    expect(held.map((r) => r.key)).toEqual(["super_admin"]);
  });

  it("refuses to run in production", async () => {
    await expect(seed(db(), { nodeEnv: "production" })).rejects.toThrow(/production/i);
  });

  it("gives every demo account the development password", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const [user] = await db().select().from(users).where(eq(users.email, account.email));
      expect(user, account.email).toBeDefined();
      expect(await verify(user!.passwordHash!, DEMO_PASSWORD)).toBe(true);
    }
  });
});
