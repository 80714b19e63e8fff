import { verify } from "@node-rs/argon2";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db } from "./index";
import { parseOrderNo } from "@/lib/orders/order-no";
import { categories, courses, enrolments, orderItems, orders, roles, seckillSales, userRoles, users } from "./schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ensureDemoFlashSales, seed } from "./seed";

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

  it("has paid every purchased enrolment with one order whose item snapshots the course", async () => {
    const [purchased] = await db()
      .select({ n: sql<number>`COUNT(*)` })
      .from(enrolments)
      .innerJoin(courses, eq(courses.id, enrolments.courseId))
      .where(sql`${enrolments.source} = 'purchase' AND ${courses.priceFen} > 0 AND ${enrolments.createdAt} < NOW() - INTERVAL 1 MINUTE`);
    const paid = await db().select().from(orders).where(eq(orders.status, "paid"));
    expect(paid.length).toBeGreaterThan(100);
    expect(paid.length).toBeGreaterThanOrEqual(Number(purchased?.n) - 5);
    expect(new Set(paid.map((o) => o.orderNo)).size).toBe(paid.length);
    for (const order of paid.slice(0, 50)) {
      expect(parseOrderNo(order.orderNo)?.timeMs).toBe(order.createdAt.getTime());
      expect(order.provider).not.toBeNull();
      const items = await db().select().from(orderItems).where(eq(orderItems.orderId, order.id));
      expect(items).toHaveLength(1);
      expect(items[0]!.priceFen).toBe(order.totalFen);
    }
  });

  it("gives development one flash sale on now and one coming, once, while none is open", async () => {
    // A moment far ahead, when no sale made by other tests is open; rolled back so the test database is untouched.
    const now = new Date("2100-01-01T00:00:00Z");
    const created = await db()
      .transaction(async (tx) => {
        await ensureDemoFlashSales(tx, now);
        await ensureDemoFlashSales(tx, now);
        const rows = await tx.select().from(seckillSales).where(sql`${seckillSales.endsAt} > ${now}`);
        throw Object.assign(new Error("roll back"), { rows });
      })
      .catch((error: { rows?: Array<typeof seckillSales.$inferSelect> }) => error.rows ?? []);
    expect(created).toHaveLength(2);
    const [live, coming] = [...created].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    expect(live!.startsAt.getTime()).toBeLessThan(now.getTime());
    expect(coming!.startsAt.getTime()).toBeGreaterThan(now.getTime());
    for (const sale of created) expect(sale).toMatchObject({ seats: 30, seatsLeft: 30, status: "active" });
    expect(await db().select().from(seckillSales).where(sql`${seckillSales.endsAt} > ${now}`)).toHaveLength(0);
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
