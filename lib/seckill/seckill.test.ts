// Flash sales against the real MariaDB and Redis: races at small stocks, the pay window, the worker dying
// before it acknowledges, drift repair, and the endpoint's answers.
import { spawn } from "node:child_process";
import { randomInt } from "node:crypto";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { courses, orders, seckillSales, seckillSeats } from "@/db/schema";
import { PEER_HEADER, peerHeaderValue } from "@/lib/http/client-ip";
import { redis } from "@/lib/redis";
import { createTcpRedis } from "@/lib/redis/tcp";
import { markSeatPaid } from "./order-hooks";

vi.mock("next/headers", () => import("@/test/request-context"));

const { POST: grabRoute } = await import("@/app/api/v1/seckill/[id]/orders/route");
const { GET: tokenRoute } = await import("@/app/api/v1/seckill/[id]/token/route");
const { GET: saleRoute } = await import("@/app/api/v1/seckill/[id]/route");
const { createLearners } = await import("./learners");
const { grabToken } = await import("./token");
const { createSeckillConsumer } = await import("./consumer");
const { loadSale } = await import("./sales");
const { releaseExpiredSeats } = await import("./release");
const { checkSale } = await import("./consistency");
const { forgetClosed, flushFunnel } = await import("./admission");
const { resetSeckillConfig } = await import("./config");
const { seckillKeys, utcDay, STREAM_GROUP } = await import("./keys");
const { refusedAdmission } = await import("./outcome");
const { revokeSession } = await import("@/lib/auth/session-registry");

type Learner = Awaited<ReturnType<typeof createLearners>>[number];

const tcp = createTcpRedis({ connectionName: "xuefu-seckill-test" });
let course: { id: number; priceFen: number };
let pool: Learner[] = [];
let ipCounter = 0;

async function createSale(opts: { seats: number; startsInMs?: number; lastsMs?: number; priceFen?: number }): Promise<number> {
  const now = Date.now();
  const startsAt = new Date(now + (opts.startsInMs ?? -1_000));
  const [row] = await db()
    .insert(seckillSales)
    .values({ courseId: course.id, priceFen: opts.priceFen ?? 990, seats: opts.seats, seatsLeft: opts.seats, startsAt, endsAt: new Date(startsAt.getTime() + (opts.lastsMs ?? 3_600_000)) })
    .$returningId();
  await loadSale(row!.id);
  return row!.id;
}

async function grab(learner: Learner, saleId: number, opts: { token?: string | null; ip?: string; forwardedFor?: string; auth?: boolean } = {}) {
  const headers = new Headers({ [PEER_HEADER]: peerHeaderValue(opts.ip ?? `198.51.100.${(ipCounter++ % 250) + 1}`) });
  if (opts.forwardedFor) headers.set("x-forwarded-for", opts.forwardedFor);
  if (opts.auth !== false) headers.set("authorization", `Bearer ${learner.bearer}`);
  const token = opts.token === undefined ? grabToken(saleId, learner.userId) : opts.token;
  if (token) headers.set("x-seckill-token", token);
  const res = await grabRoute(new Request(`http://localhost/api/v1/seckill/${saleId}/orders`, { method: "POST", headers }), { params: Promise.resolve({ id: String(saleId) }) });
  return { status: res.status, body: (await res.json()) as { orderNo?: string; payBefore?: string; error?: { code: string } } };
}

/** Runs a consumer until the stream holds nothing for any sale. */
async function drain(): Promise<void> {
  const consumer = createSeckillConsumer({ blockMs: 20, claimIdleMs: 60_000 });
  try {
    for (let i = 0; i < 500; i++) {
      await consumer.step();
      if ((await tcp.xlen(seckillKeys.stream())) === 0) return;
    }
    throw new Error("the stream did not drain");
  } finally {
    await consumer.stop();
  }
}

async function mysqlState(saleId: number) {
  const seats = await db().select().from(seckillSeats).where(eq(seckillSeats.saleId, saleId));
  const [sale] = await db().select().from(seckillSales).where(eq(seckillSales.id, saleId));
  const orderRows = seats.length ? await db().select().from(orders).where(inArray(orders.id, seats.map((s) => s.orderId!))) : [];
  return { seats, sale: sale!, orders: orderRows };
}

beforeAll(async () => {
  const [c] = await db().select({ id: courses.id, priceFen: courses.priceFen }).from(courses).where(eq(courses.status, "published")).limit(1);
  course = c!;
  pool = await createLearners(600);
  // The test Redis is emptied once per run; a consumer group left by an earlier file would still work, but
  // start from a clean stream so "drained" means this file's admissions.
  await tcp.del(seckillKeys.stream());
});

beforeEach(() => {
  forgetClosed();
});

afterAll(async () => {
  delete process.env.SECKILL_PAY_WINDOW_SECONDS;
  delete process.env.SECKILL_USER_LIMIT;
  resetSeckillConfig();
  await tcp.quit();
});

describe("racing for a few seats", () => {
  it("never oversells or sells twice to one learner, over many races", async () => {
    const stocks = [1, 2, 3, 5, 8, 13, 1, 4];
    for (const [round, stock] of stocks.entries()) {
      const saleId = await createSale({ seats: stock });
      // 150 learners, each pressing the button twice at once (a double click, or two devices).
      const racers = pool.slice(round * 70, round * 70 + 150);
      const attempts = racers.flatMap((l) => [grab(l, saleId), grab(l, saleId)]);
      const results = await Promise.all(attempts);
      const won = results.filter((r) => r.status === 201);
      const winners = new Set(results.flatMap((r, i) => (r.status === 201 ? [racers[Math.floor(i / 2)]!.userId] : [])));
      expect(won).toHaveLength(stock);
      expect(winners.size).toBe(stock);
      for (const r of results.filter((x) => x.status !== 201)) {
        expect(r.status).toBe(409);
        expect(["SOLD_OUT", "ALREADY_PURCHASED"]).toContain(r.body.error?.code);
      }
      await drain();
      const state = await mysqlState(saleId);
      expect(state.seats).toHaveLength(stock);
      expect(new Set(state.seats.map((s) => s.userId))).toEqual(winners);
      expect(state.sale.seatsLeft).toBe(0);
      expect(state.orders.map((o) => o.orderNo).sort()).toEqual(won.map((w) => w.body.orderNo).sort());
      expect(state.orders.every((o) => o.source === "seckill" && o.status === "pending" && o.totalFen === 990)).toBe(true);
      expect(Number(await redis().hget(seckillKeys.sale(saleId), "left"))).toBe(0);
      expect(await redis().scard(seckillKeys.buyers(saleId))).toBe(stock);
    }
  }, 120_000);

  it("answers sold out without a Redis round trip once the sale is sold out, and still counts the attempts", async () => {
    const saleId = await createSale({ seats: 1 });
    const day = seckillKeys.funnel(utcDay());
    expect((await grab(pool[0]!, saleId)).status).toBe(201);
    expect((await grab(pool[1]!, saleId)).body.error?.code).toBe("SOLD_OUT");
    // The sale's hash is gone from Redis: an answer now can only come from this process's memory.
    await tcp.rename(seckillKeys.sale(saleId), `${seckillKeys.sale(saleId)}:aside`);
    const local = await Promise.all(pool.slice(2, 12).map((l) => grab(l, saleId)));
    expect(local.every((r) => r.body.error?.code === "SOLD_OUT")).toBe(true);
    await tcp.rename(`${seckillKeys.sale(saleId)}:aside`, seckillKeys.sale(saleId));
    await flushFunnel();
    expect(Number(await redis().hget(day, String(saleId)))).toBe(12);
    await drain();
  });
});

describe("the pay window", () => {
  it("releases an unpaid seat after the window so another learner can win it; a paid one stays sold", async () => {
    process.env.SECKILL_PAY_WINDOW_SECONDS = "1";
    resetSeckillConfig();
    try {
      const saleId = await createSale({ seats: 2 });
      const [late, payer, next] = [pool[20]!, pool[21]!, pool[22]!];
      const first = await grab(late, saleId);
      const second = await grab(payer, saleId);
      expect([first.status, second.status]).toEqual([201, 201]);
      expect((await grab(next, saleId)).body.error?.code).toBe("SOLD_OUT");
      await drain();
      // The payer pays in time: the payments code marks the order paid and calls markSeatPaid.
      await db().transaction(async (tx) => {
        const [order] = await tx.select().from(orders).where(eq(orders.orderNo, second.body.orderNo!)).for("update");
        await tx.update(orders).set({ status: "paid", paidAt: new Date() }).where(eq(orders.id, order!.id));
        expect(await markSeatPaid(tx, order!.id, new Date())).toBe(true);
      });
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect(await releaseExpiredSeats()).toBeGreaterThanOrEqual(1);

      const state = await mysqlState(saleId);
      const lateSeat = state.seats.find((s) => s.userId === late.userId)!;
      expect(lateSeat).toMatchObject({ status: "released", holderId: null });
      expect(state.orders.find((o) => o.orderNo === first.body.orderNo)).toMatchObject({ status: "closed" });
      expect(state.seats.find((s) => s.userId === payer.userId)).toMatchObject({ status: "paid" });
      expect(state.sale.seatsLeft).toBe(1);

      forgetClosed();
      const retry = await grab(next, saleId);
      expect(retry.status).toBe(201);
      // The learner who let the window pass may try again, and loses to a sold-out sale like anyone else.
      expect((await grab(late, saleId)).body.error?.code).toBe("SOLD_OUT");
      expect((await grab(payer, saleId)).body.error?.code).toBe("SOLD_OUT");
      await drain();
      const after = await mysqlState(saleId);
      expect(after.seats.filter((s) => s.status !== "released")).toHaveLength(2);
      expect(after.sale.seatsLeft).toBe(0);
      const check = await checkSale(saleId, { repair: false });
      expect(check?.mysql.drift).toBe(0);
      expect(check?.redis).toMatchObject({ left: 0, buyers: 2, dropped: 0, added: 0 });
    } finally {
      delete process.env.SECKILL_PAY_WINDOW_SECONDS;
      resetSeckillConfig();
    }
  });
});

describe("the order writer", () => {
  it("loses nothing and duplicates nothing when a consumer dies after the commit or before it", async () => {
    const saleId = await createSale({ seats: 3 });
    const [a, b, c] = [pool[30]!, pool[31]!, pool[32]!];
    const wins = [await grab(a, saleId), await grab(b, saleId)];
    expect(wins.map((w) => w.status)).toEqual([201, 201]);

    // Consumer 1 writes the first message and dies before acknowledging it.
    const dying = createSeckillConsumer({
      name: "dies-after-commit",
      blockMs: 10,
      batch: 1,
      afterWrite: async () => {
        throw new Error("killed after the commit");
      },
    });
    await expect(dying.step()).rejects.toThrow("killed after the commit");
    await dying.stop();
    // Consumer 2 reads the second message and dies before writing anything.
    await tcp.xreadgroup("GROUP", STREAM_GROUP, "dies-before-commit", "COUNT", 1, "STREAMS", seckillKeys.stream(), ">");
    const pending = (await tcp.xpending(seckillKeys.stream(), STREAM_GROUP)) as [number, ...unknown[]];
    expect(pending[0]).toBe(2);
    expect((await mysqlState(saleId)).seats).toHaveLength(1);

    // A third admission arrives meanwhile; a new consumer takes over the stale messages once they idle.
    const third = await grab(c, saleId);
    expect(third.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 120));
    const rescuer = createSeckillConsumer({ name: "rescuer", blockMs: 10, claimIdleMs: 100 });
    for (let i = 0; i < 5 && (await tcp.xlen(seckillKeys.stream())) > 0; i++) await rescuer.step();
    await rescuer.stop();

    const state = await mysqlState(saleId);
    expect(state.seats.map((s) => s.userId).sort()).toEqual([a.userId, b.userId, c.userId].sort());
    expect(state.orders.map((o) => o.orderNo).sort()).toEqual([...wins, third].map((w) => w.body.orderNo).sort());
    expect(state.sale.seatsLeft).toBe(0);
    expect(await tcp.xlen(seckillKeys.stream())).toBe(0);
    expect(((await tcp.xpending(seckillKeys.stream(), STREAM_GROUP)) as [number])[0]).toBe(0);
  });

  it("loses no order and duplicates none when the worker process is killed mid-sale and started again", async () => {
    const saleId = await createSale({ seats: 12 });
    const learners = pool.slice(100, 112);
    const wins = await Promise.all(learners.map((l) => grab(l, saleId)));
    expect(wins.map((w) => w.status)).toEqual(Array(12).fill(201));
    const consumerProcess = (name: string, env: Record<string, string>) =>
      // node itself with tsx as a loader (not the tsx wrapper), so SIGKILL kills the consumer, not a parent.
      spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(process.cwd(), "lib", "seckill", "consumer-process.ts")], {
        env: { ...process.env, CONSUMER_NAME: name, ...env },
        stdio: ["ignore", "ignore", "inherit"],
      });
    const until = async (what: string, done: () => Promise<boolean>, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!(await done())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    // The first worker writes slowly and is killed (SIGKILL: no clean-up) once a few orders are in MySQL.
    const first = consumerProcess("crash-first", { CONSUMER_PAUSE_MS: "400" });
    const firstExit = new Promise((resolve) => first.once("exit", resolve));
    await until("the first orders", async () => (await mysqlState(saleId)).seats.length >= 3);
    first.kill("SIGKILL");
    await firstExit;
    const written = (await mysqlState(saleId)).seats.length;
    expect(written).toBeLessThan(12);

    // A new worker starts, takes over what the dead one left unacknowledged, and writes the rest.
    const second = consumerProcess("crash-second", { CONSUMER_CLAIM_IDLE_MS: "200" });
    try {
      await until("the stream to drain", async () => {
        const pending = ((await tcp.xpending(seckillKeys.stream(), STREAM_GROUP)) as [number])[0];
        return (await mysqlState(saleId)).seats.length === 12 && (await tcp.xlen(seckillKeys.stream())) === 0 && pending === 0;
      });
    } finally {
      second.kill("SIGTERM");
      await new Promise((resolve) => second.once("exit", resolve));
    }
    const state = await mysqlState(saleId);
    expect(new Set(state.seats.map((s) => s.userId)).size).toBe(12);
    expect(state.seats.map((s) => s.userId).sort()).toEqual(learners.map((l) => l.userId).sort());
    expect(state.orders.map((o) => o.orderNo).sort()).toEqual(wins.map((w) => w.body.orderNo!).sort());
    expect(state.sale.seatsLeft).toBe(0);
  });

  it("lets the database refuse an admission Redis should not have made, and repairs Redis", async () => {
    const saleId = await createSale({ seats: 1 });
    const [a, b] = [pool[40]!, pool[41]!];
    const won = await grab(a, saleId);
    expect(won.status).toBe(201);
    await drain();
    // Redis loses its memory of the sale (a restore from an old snapshot): it would admit again.
    await tcp.del(seckillKeys.sale(saleId), seckillKeys.buyers(saleId));
    await tcp.hset(seckillKeys.sale(saleId), { seats: 1, left: 1, start: Date.now() - 1000, end: Date.now() + 3_600_000, status: "active" });
    const extra = await grab(b, saleId);
    expect(extra.status).toBe(201);
    await drain();
    const state = await mysqlState(saleId);
    expect(state.seats).toHaveLength(1);
    expect(await refusedAdmission(extra.body.orderNo!)).toBe("SOLD_OUT");
    expect(await refusedAdmission(won.body.orderNo!)).toBeNull();
    // The stray buyer is gone and the counts agree again.
    expect(await redis().sismember(seckillKeys.buyers(saleId), String(b.userId))).toBe(0);
    const check = await checkSale(saleId, { repair: false });
    expect(check?.redis).toMatchObject({ seats: 1, left: 0, buyers: 1, dropped: 0, added: 0 });
  });
});

describe("the consistency check", () => {
  it("reports and repairs drift in MySQL and in Redis", async () => {
    const saleId = await createSale({ seats: 5 });
    for (const l of pool.slice(50, 53)) expect((await grab(l, saleId)).status).toBe(201);
    await drain();
    await db().update(seckillSales).set({ seatsLeft: 4 }).where(eq(seckillSales.id, saleId));
    await tcp.srem(seckillKeys.buyers(saleId), String(pool[50]!.userId));
    await tcp.sadd(seckillKeys.buyers(saleId), "999999999");
    await tcp.hset(seckillKeys.sale(saleId), "left", 3);
    const found = await checkSale(saleId, { repair: true });
    expect(found?.mysql).toMatchObject({ left: 4, held: 3, drift: -2, repaired: true });
    expect(found?.redis).toMatchObject({ dropped: 1, added: 1, left: 2, repaired: true });
    const again = await checkSale(saleId, { repair: false });
    expect(again?.mysql).toMatchObject({ left: 2, held: 3, drift: 0 });
    expect(again?.redis).toMatchObject({ left: 2, buyers: 3, dropped: 0, added: 0 });
  });
});

describe("POST /api/v1/seckill/{id}/orders", () => {
  it("answers 401 without a sign-in, 403 without the sale's token, and 404 for no sale", async () => {
    const saleId = await createSale({ seats: 3 });
    const learner = pool[60]!;
    expect((await grab(learner, saleId, { auth: false })).status).toBe(401);
    const noToken = await grab(learner, saleId, { token: null });
    expect([noToken.status, noToken.body.error?.code]).toEqual([403, "TOKEN_REQUIRED"]);
    expect((await grab(learner, saleId, { token: grabToken(saleId, pool[61]!.userId) })).status).toBe(403);
    expect((await grab(learner, 987654321)).status).toBe(404);
  });

  it("refuses a token whose session was signed out, before it counts or takes anything, with or without the sale's token", async () => {
    const saleId = await createSale({ seats: 2 });
    const learner = pool[63]!;
    await revokeSession(learner.sid);
    const withToken = await grab(learner, saleId);
    expect([withToken.status, withToken.body.error?.code]).toEqual([401, "UNAUTHORIZED"]);
    const withoutToken = await grab(learner, saleId, { token: null });
    expect([withoutToken.status, withoutToken.body.error?.code]).toEqual([401, "UNAUTHORIZED"]);
    expect(Number(await redis().hget(seckillKeys.sale(saleId), "left"))).toBe(2);
    expect(await redis().sismember(seckillKeys.buyers(saleId), String(learner.userId))).toBe(0);
    expect(await redis().exists(seckillKeys.userRate(saleId, learner.userId))).toBe(0);
    // A forged signature is refused before anything else.
    const forged = { ...pool[64]!, bearer: `${pool[64]!.bearer.slice(0, -4)}AAAA` };
    expect((await grab(forged, saleId)).status).toBe(401);
  });

  it("issues the token only once the sale has started, and refuses grabs outside the window", async () => {
    const upcoming = await createSale({ seats: 3, startsInMs: 60_000 });
    const learner = pool[62]!;
    const tokenRes = await tokenRoute(new Request(`http://localhost/api/v1/seckill/${upcoming}/token`, { headers: { authorization: `Bearer ${learner.bearer}` } }), { params: Promise.resolve({ id: String(upcoming) }) });
    expect(tokenRes.status).toBe(409);
    expect(((await tokenRes.json()) as { error: { code: string } }).error.code).toBe("NOT_STARTED");
    const early = await grab(learner, upcoming, { token: null });
    expect([early.status, early.body.error?.code]).toEqual([409, "NOT_STARTED"]);
    // Even a token forged in advance meets the window check in Redis.
    expect((await grab(learner, upcoming)).body.error?.code).toBe("NOT_STARTED");

    const ended = await createSale({ seats: 3, startsInMs: -10_000, lastsMs: 5_000 });
    expect((await grab(learner, ended)).body.error?.code).toBe("ENDED");

    const live = await createSale({ seats: 3 });
    const ok = await tokenRoute(new Request(`http://localhost/api/v1/seckill/${live}/token`, { headers: { authorization: `Bearer ${learner.bearer}` } }), { params: Promise.resolve({ id: String(live) }) });
    const { token } = (await ok.json()) as { token: string };
    expect((await grab(learner, live, { token })).status).toBe(201);
    const view = (await (await saleRoute(new Request(`http://localhost/api/v1/seckill/${live}`), { params: Promise.resolve({ id: String(live) }) })).json()) as { seatsLeft: number; priceFen: number; phase: string };
    expect(view).toMatchObject({ seatsLeft: 2, priceFen: 990, phase: "live" });
    await drain();
  });

  it("rate-limits one learner's repeated grabs with 429", async () => {
    process.env.SECKILL_USER_LIMIT = "3";
    resetSeckillConfig();
    try {
      const saleId = await createSale({ seats: 1 });
      const [holder, eager] = [pool[70]!, pool[71]!];
      expect((await grab(holder, saleId)).status).toBe(201);
      const answers = [];
      for (let i = 0; i < 4; i++) {
        forgetClosed();
        answers.push((await grab(eager, saleId)).status);
      }
      expect(answers).toEqual([409, 409, 409, 429]);
      await drain();
    } finally {
      delete process.env.SECKILL_USER_LIMIT;
      resetSeckillConfig();
    }
  });

  it("rate-limits one address with 429 however it rotates X-Forwarded-For", async () => {
    process.env.SECKILL_IP_LIMIT = "3";
    resetSeckillConfig();
    try {
      const saleId = await createSale({ seats: 1 });
      // Addresses of this test's own: the shared ones have used up a limit of 3 long ago.
      const fresh = () => `2001:db8:${randomInt(0, 0xffff).toString(16)}:${randomInt(0, 0xffff).toString(16)}::1`;
      expect((await grab(pool[72]!, saleId, { ip: fresh() })).status).toBe(201);
      // Four learners from one address (no trusted proxy in front), each request claiming another client.
      const address = fresh();
      const answers = [];
      for (let i = 0; i < 4; i++) {
        forgetClosed();
        answers.push((await grab(pool[73 + i]!, saleId, { ip: address, forwardedFor: `198.18.${i}.${i + 1}` })).status);
      }
      expect(answers).toEqual([409, 409, 409, 429]);
      await drain();
    } finally {
      delete process.env.SECKILL_IP_LIMIT;
      resetSeckillConfig();
    }
  });
});
