// The dashboard's figures against the real MariaDB and Redis: the URL's date range, revenue per provider
// matching the orders it is made of, and the flash-sale funnel read from the Redis hashes lib/seckill writes.
import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { orders, users } from "@/db/schema";
import { redis } from "@/lib/redis";
import { enrolmentsPerDay, flashSaleFunnel, funnelAttemptsKey, ordersPerDay, revenueByProvider } from "./queries";
import { parseRange } from "./range";

const createdUsers: number[] = [];
const funnelKeys: string[] = [];

afterAll(async () => {
  if (createdUsers.length) {
    await db().delete(orders).where(inArray(orders.userId, createdUsers));
    await db().delete(users).where(inArray(users.id, createdUsers));
  }
  if (funnelKeys.length) await redis().del(...funnelKeys);
});

describe("parseRange", () => {
  const now = new Date("2026-11-21T10:00:00Z");
  it("defaults to the last 30 days, both ends included", () => {
    const r = parseRange({}, now);
    expect([r.from, r.to, r.days.length, r.corrected]).toEqual(["2026-10-23", "2026-11-21", 30, false]);
    expect(r.end.toISOString()).toBe("2026-11-22T00:00:00.000Z");
  });
  it("takes a valid range from the URL and corrects an unusable one", () => {
    expect(parseRange({ from: "2026-02-27", to: "2026-03-02" }, now).days).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    for (const bad of [{ from: "2026-02-30" }, { from: "2026-11-22", to: "2026-11-01" }, { from: "2020-01-01", to: "2026-01-01" }, { to: "yesterday" }]) {
      const r = parseRange(bad, now);
      expect(r.corrected, JSON.stringify(bad)).toBe(true);
      expect(r.days.length).toBe(30);
    }
  });
});

describe("dashboard figures", () => {
  // A day in the past no seed or other test writes to.
  const range = parseRange({ from: "2001-03-04", to: "2001-03-05" });

  it("sums net revenue per provider and day from paid (and partly refunded) orders only", async () => {
    const [row] = await db().insert(users).values({ name: "看板测试", email: `dash-${randomUUID()}@example.com` }).$returningId();
    const userId = Number(row!.id);
    createdUsers.push(userId);
    const order = (status: "paid" | "refunding" | "refunded" | "pending" | "closed", provider: "alipay" | "wechat" | "unionpay", paidAt: string | null, totalFen: number, refundedFen = 0) => ({
      orderNo: `D${randomUUID().replace(/-/g, "").slice(0, 20)}`,
      userId,
      status,
      provider,
      totalFen,
      refundedFen,
      paidAt: paidAt ? new Date(paidAt) : null,
      createdAt: new Date("2001-03-04T08:00:00Z"),
    });
    await db()
      .insert(orders)
      .values([
        order("paid", "alipay", "2001-03-04T09:00:00Z", 10_000),
        order("paid", "alipay", "2001-03-04T23:59:59Z", 5_000, 1_000),
        order("refunding", "wechat", "2001-03-05T00:00:00Z", 8_000),
        order("refunded", "unionpay", "2001-03-05T10:00:00Z", 3_000, 3_000),
        order("pending", "wechat", null, 99_999),
        order("closed", "alipay", null, 99_999),
      ]);
    expect(await revenueByProvider(range)).toEqual({ alipay: [14_000, 0], wechat: [0, 8_000], unionpay: [0, 0] });
    expect(await ordersPerDay(range)).toEqual({ placed: [6, 0], paid: [2, 2] });
    expect(await enrolmentsPerDay(range)).toEqual([0, 0]);
  });

  it("adds up the flash-sale attempts of every day in the range from the Redis hashes", async () => {
    const [first, second, outside] = [funnelAttemptsKey("2001-03-04"), funnelAttemptsKey("2001-03-05"), funnelAttemptsKey("2001-03-06")];
    funnelKeys.push(first, second, outside);
    await redis().hset(first, { "11": 40, "12": 2 });
    await redis().hset(second, { "11": 7 });
    await redis().hset(outside, { "11": 1000 });
    expect(await flashSaleFunnel(range)).toEqual({ attempts: 49, won: 0, paid: 0 });
  });
});
