// Redis dies in the middle of a flash sale and comes back from its append-only file: nothing is oversold, no
// learner gets two seats, and every admission that was answered 201 still becomes an order.
// The shared test Redis runs without an append-only file and other test files use it, so this file starts a
// Redis of its own (AOF on, fsync on every write, as a flash-sale Redis should run) with its own REST gateway,
// kills it with SIGKILL mid-race, and restarts it on the same directory.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Redis } from "@upstash/redis";
import { eq, inArray } from "drizzle-orm";
import { Redis as IORedis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { courses, orders, seckillSales, seckillSeats } from "@/db/schema";
import { startRedisRestGateway, type Gateway } from "@/scripts/local/redis-rest-gateway";
import { admit, type AdmitOutcome } from "./admission";
import { createSeckillConsumer } from "./consumer";
import { seckillKeys } from "./keys";
import { createLearners, type Learner } from "./learners";
import { loadSale } from "./sales";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xuefu-seckill-aof-"));
const TOKEN = "seckill-restart-test-token-0123456789";
let port = 0;
let server: ChildProcess | undefined;
let gateway: Gateway;
let rest: Redis;
let tcp: IORedis;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
    s.once("error", reject);
  });
}

async function startRedis(): Promise<void> {
  server = spawn("/usr/bin/redis-server", ["--bind", "127.0.0.1", "--port", String(port), "--dir", dir, "--save", "", "--appendonly", "yes", "--appendfsync", "always"], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    const probe = new IORedis(port, "127.0.0.1", { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on("error", () => undefined);
    try {
      await probe.connect();
      // Loading the AOF answers LOADING until it is done.
      if ((await probe.ping()) === "PONG") return;
    } catch {
      // not up yet
    } finally {
      probe.disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the private Redis did not start");
}

async function killRedis(): Promise<void> {
  const child = server!;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

beforeAll(async () => {
  port = await freePort();
  await startRedis();
  gateway = await startRedisRestGateway({ redisUrl: `redis://127.0.0.1:${port}`, token: TOKEN, port: 0 });
  rest = new Redis({ url: gateway.url, token: TOKEN, automaticDeserialization: false, retry: false });
  tcp = new IORedis(port, "127.0.0.1", { maxRetriesPerRequest: null, retryStrategy: () => 100 });
  tcp.on("error", () => undefined); // refused while Redis is down on purpose; it reconnects
});

afterAll(async () => {
  tcp?.disconnect();
  await gateway?.close();
  if (server && server.exitCode === null) await killRedis();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("a Redis restart mid-sale (append-only file on)", () => {
  it("oversells nothing and loses no answered admission", async () => {
    const [course] = await db().select({ id: courses.id }).from(courses).where(eq(courses.status, "published")).limit(1);
    const stock = 120;
    const [sale] = await db()
      .insert(seckillSales)
      .values({ courseId: course!.id, priceFen: 500, seats: stock, seatsLeft: stock, startsAt: new Date(Date.now() - 1_000), endsAt: new Date(Date.now() + 3_600_000) })
      .$returningId();
    const saleId = sale!.id;
    await loadSale(saleId, rest);
    const learners = await createLearners(300, 3600, tcp);
    const answers = new Map<number, AdmitOutcome[]>();
    const unanswered = new Set<number>();
    const attempt = async (l: Learner, i: number) => {
      try {
        const outcome = await admit({ saleId, userId: l.userId, sid: l.sid, ip: `192.0.2.${i % 200}` }, rest);
        answers.set(l.userId, [...(answers.get(l.userId) ?? []), outcome]);
      } catch {
        // Redis was down: no answer, so nothing was promised.
        unanswered.add(l.userId);
      }
    };

    // The first wave is in flight when Redis is killed: some learners have their answer, the rest do not.
    const firstWave = Promise.all(learners.slice(0, 150).map(attempt));
    while (answers.size < 20) await new Promise((resolve) => setTimeout(resolve, 2));
    await killRedis();
    await firstWave;
    await startRedis();
    // The gateway's connection comes back on its own; wait for it as a client would retry.
    for (let i = 0; i < 100; i++) {
      if (await rest.ping().then(() => true, () => false)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(unanswered.size + answers.size).toBe(150);
    const beforeCrash = [...answers.values()].flat().filter((a) => a.ok).length;
    expect(beforeCrash).toBeGreaterThan(0);

    // After the restart: new learners, and everyone from the first wave trying again.
    await Promise.all([...learners.slice(150), ...learners.slice(0, 150)].map(attempt));
    const consumer = createSeckillConsumer({ connection: tcp, rest, blockMs: 20, name: "after-restart" });
    for (let i = 0; i < 200 && (await tcp.xlen(seckillKeys.stream())) > 0; i++) await consumer.step();
    await consumer.stop();

    const wins = [...answers.values()].flat().filter((a): a is Extract<AdmitOutcome, { ok: true }> => a.ok);
    const seats = await db().select().from(seckillSeats).where(eq(seckillSeats.saleId, saleId));
    const orderRows = await db().select({ orderNo: orders.orderNo }).from(orders).where(inArray(orders.id, seats.map((s) => s.orderId!)));
    // Enough demand to sell out, never beyond the stock, each learner at most once.
    expect(seats).toHaveLength(stock);
    expect(new Set(seats.map((s) => s.userId)).size).toBe(stock);
    // Every 201 became its order. (An admission whose answer was lost when Redis died may be an order too:
    // that learner finds it among their orders, and was told ALREADY_PURCHASED on trying again.)
    expect(wins.length).toBeGreaterThan(0);
    expect(orderRows.map((o) => o.orderNo)).toEqual(expect.arrayContaining(wins.map((w) => w.orderNo)));
    const winNos = new Set(wins.map((w) => w.orderNo));
    for (const seat of seats.filter((s) => !winNos.has(s.admissionId))) expect(unanswered.has(seat.userId)).toBe(true);
    const [row] = await db().select({ left: seckillSales.seatsLeft }).from(seckillSales).where(eq(seckillSales.id, saleId));
    expect(row!.left).toBe(0);
    expect(Number(await tcp.hget(seckillKeys.sale(saleId), "left"))).toBe(0);
    expect(await tcp.scard(seckillKeys.buyers(saleId))).toBe(stock);
  }, 60_000);
});
