// npm run bench:seckill [-- --learners 10000 --stock 1000 --connections 500 --json --no-build]
// (BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the web server)
//
// A flash sale against a production build over loopback: distinct signed-in learners (bearer tokens) race
// for the seats, each pressing once, over many connections. In the same run, the same race against
//   (a) the baseline: admission by MySQL row locking alone (SELECT … FOR UPDATE per attempt), and
//   (b) the ceiling: an empty route handler behind the same authentication,
// both served by the same build under SECKILL_BENCH_ROUTES=on (404 otherwise: never in production).
// Afterwards: seats sold, orders in MySQL once the worker has written them, duplicate buyers, and the MySQL
// statements spent per rejected attempt (2,000 more attempts at the sold-out sale, counted with the server's
// `Questions` status; background jobs of the worker, if any ran in that window, are included).
// Targets (issue 7): sold = orders = stock, no duplicates, no MySQL statement per rejected attempt, throughput
// at least half the ceiling's, p99 below the baseline's.
// Uses the test profile's private MariaDB and Redis (fresh, seeded), so do not run it beside `npm test`.
import fs from "node:fs";
import path from "node:path";
import mysql from "mysql2/promise";
import { nextBin, startChild, startWorkerProcess, stopChildren, type Child } from "../local/children";
import { profile } from "../local/profile";
import { waitFor } from "../local/proc";
import { stopServices } from "../local/services";
import { prepareTestServices } from "../local/test-env";
import { fire, type Caller, type LoadResult } from "./lib/load";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const LEARNERS = arg("learners", 10_000);
const STOCK = arg("stock", 1_000);
const CONNECTIONS = arg("connections", 500);
const REJECTED_PROBE = 2_000;
const JSON_OUT = process.argv.includes("--json");
const PORT = 3210;
const APP_URL = `http://localhost:${PORT}`;
const DIST = ".next-bench-seckill";
const log = (msg: string) => console.error(`[bench] ${msg}`);
const reports = path.join(profile("test").dataDir, "reports");
const serverNodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);

async function questions(conn: mysql.Connection): Promise<number> {
  const [rows] = await conn.query("SHOW GLOBAL STATUS LIKE 'Questions'");
  return Number((rows as Array<{ Value: string }>)[0]!.Value);
}

function line(name: string, r: LoadResult): string {
  const codes = Object.entries(r.statuses)
    .map(([s, n]) => `${s}×${n}`)
    .join(" ");
  return `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms  ${codes}${r.errors ? `  errors ${r.errors}` : ""}`;
}

async function main(): Promise<void> {
  // The learners' tokens are signed here and checked by the server: both must name the same issuer.
  process.env.APP_URL = APP_URL;
  fs.mkdirSync(reports, { recursive: true });
  log("Preparing the private MariaDB and Redis (test profile, fresh seeded database) ...");
  const services = await prepareTestServices({ log });
  const { NODE_ENV: _n, ...rest } = { ...process.env, ...services };
  const appEnv = { ...rest, APP_URL, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn" } as unknown as NodeJS.ProcessEnv;
  const children: Child[] = [];
  const conn = await mysql.createConnection({ uri: services.DATABASE_URL });
  try {
    if (process.argv.includes("--no-build") && fs.existsSync(path.join(DIST, "BUILD_ID"))) {
      log(`Reusing the build in ${DIST} (--no-build).`);
    } else {
      log(`Building into ${DIST} ...`);
      const build = startChild("build", process.execPath, [nextBin, "build"], appEnv, { logFile: path.join(reports, "bench-seckill-build.log") });
      if ((await build.exited) !== 0) throw new Error("next build failed; see .data/test/reports/bench-seckill-build.log");
    }
    // The benchmark plays a load balancer on this machine: each learner's X-Forwarded-For is believed only from it.
    const runEnv = { ...appEnv, NODE_ENV: "production", SECKILL_BENCH_ROUTES: "on", TRUSTED_PROXIES: "127.0.0.1, ::1" } as unknown as NodeJS.ProcessEnv;
    children.push(startChild("web", process.execPath, [...serverNodeArgs, nextBin, "start", "--port", String(PORT)], runEnv, { logFile: path.join(reports, "bench-seckill-web.log") }));
    children.push(startWorkerProcess(runEnv, { logFile: path.join(reports, "bench-seckill-worker.log") }));
    await waitFor("the server", async () => (await fetch(`http://127.0.0.1:${PORT}/api/v1/ping`)).status === 204, 60_000);

    // The app's modules, loaded now that the environment names the private services.
    const { db } = await import("@/db");
    const { courses, seckillSales } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const { createLearners } = await import("@/lib/seckill/learners");
    const { grabToken } = await import("@/lib/seckill/token");
    const { loadSale } = await import("@/lib/seckill/sales");
    const { seckillKeys } = await import("@/lib/seckill/keys");
    const { redis } = await import("@/lib/redis");

    let started = Date.now();
    const learners = await createLearners(LEARNERS, 4 * 3600);
    log(`${learners.length} learners signed in (users, sessions and tokens) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    const [course] = await db().select({ id: courses.id }).from(courses).where(eq(courses.status, "published")).limit(1);
    const newSale = async (seats: number, load: boolean) => {
      const [row] = await db()
        .insert(seckillSales)
        .values({ courseId: course!.id, priceFen: 990, seats, seatsLeft: seats, startsAt: new Date(Date.now() - 1_000), endsAt: new Date(Date.now() + 4 * 3600_000) })
        .$returningId();
      if (load) await loadSale(row!.id);
      return row!.id;
    };
    const [warmRedis, warmMysql, saleRedis, saleMysql] = [await newSale(50, true), await newSale(50, false), await newSale(STOCK, true), await newSale(STOCK, false)];
    const ip = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    const grabbers = (saleId: number, pathFor: (id: number) => string, from = 0, count = learners.length): Caller[] =>
      Array.from({ length: count }, (_, k) => {
        const i = (from + k) % learners.length;
        const l = learners[i]!;
        return { path: pathFor(saleId), headers: { authorization: `Bearer ${l.bearer}`, "x-seckill-token": grabToken(saleId, l.userId), "x-forwarded-for": ip(i) } };
      });
    const redisPath = (id: number) => `/api/v1/seckill/${id}/orders`;
    const mysqlPath = (id: number) => `/api/v1/seckill/bench/baseline?sale=${id}`;
    const ceilingCallers: Caller[] = learners.map((l) => ({ path: "/api/v1/seckill/bench/ceiling", headers: { authorization: `Bearer ${l.bearer}` } }));

    // The worker rebuilds the search index and the leaderboards when it starts: let that finish first, so the
    // races do not share the two cores with it.
    const { createTcpRedis } = await import("@/lib/redis/tcp");
    const { bullPrefix } = await import("@/lib/jobs/queues");
    const tcp = createTcpRedis({ connectionName: "xuefu-bench" });
    const queued = async () => {
      const base = `${bullPrefix()}:maintenance`;
      const [wait, active, prioritized] = await Promise.all([tcp.llen(`${base}:wait`), tcp.llen(`${base}:active`), tcp.zcard(`${base}:prioritized`)]);
      return wait + active + prioritized;
    };
    await waitFor("the worker's start-up jobs", async () => (await queued()) === 0, 180_000);
    await tcp.quit();

    log("Warming up (JIT, pools, scripts) ...");
    await fire({ port: PORT, callers: ceilingCallers.slice(0, 3_000), connections: CONNECTIONS });
    await fire({ port: PORT, callers: grabbers(warmRedis, redisPath, 0, 2_000), connections: CONNECTIONS });
    await fire({ port: PORT, callers: grabbers(warmMysql, mysqlPath, 0, 2_000), connections: CONNECTIONS });
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    log(`Race: ${learners.length} learners, ${STOCK} seats, ${CONNECTIONS} connections, each learner once.`);
    if (process.env.BENCH_DIAG) {
      const ping = await fire({ port: PORT, callers: learners.map(() => ({ path: "/api/v1/ping", method: "GET" as const, headers: {} })), connections: CONNECTIONS });
      log(line("diag: GET /api/v1/ping, no auth", ping));
    }
    const ceiling = await fire({ port: PORT, callers: ceilingCallers, connections: CONNECTIONS });
    log(line("ceiling: empty handler + auth", ceiling));
    const seckill = await fire({ port: PORT, callers: grabbers(saleRedis, redisPath), connections: CONNECTIONS, countStatus: 201, countTarget: STOCK });
    log(line("seckill: Redis script", seckill));

    // The worker writes the admissions; wait for the stream to empty.
    started = Date.now();
    await waitFor("the worker to write every admission", async () => (await redis().xlen(seckillKeys.stream())) === 0, 120_000);
    const drainMs = Date.now() - started;
    const count = async (sql: string, params: unknown[]) => Number(((await conn.query(sql, params))[0] as Array<{ n: number }>)[0]!.n);
    const ordersOf = (saleId: number) => count("SELECT COUNT(*) AS n FROM seckill_seats s JOIN orders o ON o.id = s.order_id AND o.source = 'seckill' WHERE s.sale_id = ?", [saleId]);
    const duplicatesOf = (saleId: number) => count("SELECT COUNT(*) AS n FROM (SELECT user_id FROM seckill_seats WHERE sale_id = ? AND status <> 'released' GROUP BY user_id HAVING COUNT(*) > 1) d", [saleId]);
    const probe = async (callers: Caller[]) => {
      const q0 = await questions(conn);
      const r = await fire({ port: PORT, callers, connections: CONNECTIONS });
      const q1 = await questions(conn);
      // The first SHOW STATUS is itself counted in q1.
      return { statementsPerRejected: (q1 - q0 - 1) / r.requests, result: r };
    };
    const seckillProbe = await probe(grabbers(saleRedis, redisPath, 1, REJECTED_PROBE));
    const seckillOrders = await ordersOf(saleRedis);
    const seckillDuplicates = await duplicatesOf(saleRedis);
    const redisLeft = Number(await redis().hget(seckillKeys.sale(saleRedis), "left"));

    const baseline = await fire({ port: PORT, callers: grabbers(saleMysql, mysqlPath), connections: CONNECTIONS, countStatus: 201, countTarget: STOCK });
    log(line("baseline: MySQL row locking", baseline));
    const baselineProbe = await probe(grabbers(saleMysql, mysqlPath, 1, REJECTED_PROBE));
    const baselineOrders = await ordersOf(saleMysql);
    const baselineDuplicates = await duplicatesOf(saleMysql);

    const sold = seckill.statuses[201] ?? 0;
    const secs = (ms: number | null) => (ms === null ? "never" : `${(ms / 1000).toFixed(2)} s`);
    console.log(`\nFlash-sale benchmark (production build, loopback, one run): ${learners.length} learners, ${STOCK} seats, ${CONNECTIONS} connections\n`);
    console.log("route                               req/s   p50 ms   p99 ms   sold   orders   dup   sold out after   MySQL stmts / rejected");
    const row = (name: string, r: LoadResult, s: string, o: string, d: string, t: string, q: string) =>
      console.log(`${name.padEnd(34)} ${r.rps.toFixed(0).padStart(6)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${s.padStart(6)} ${o.padStart(8)} ${d.padStart(5)}   ${t.padStart(14)}   ${q.padStart(8)}`);
    row("seckill (Redis script + stream)", seckill, String(sold), String(seckillOrders), String(seckillDuplicates), secs(seckill.msToTarget), seckillProbe.statementsPerRejected.toFixed(3));
    row("baseline (MySQL row locking)", baseline, String(baseline.statuses[201] ?? 0), String(baselineOrders), String(baselineDuplicates), secs(baseline.msToTarget), baselineProbe.statementsPerRejected.toFixed(3));
    row("ceiling (empty handler + auth)", ceiling, "-", "-", "-", "-", "-");
    console.log(`\nWorker wrote the last admission ${(drainMs / 1000).toFixed(2)} s after the race ended; seats left in Redis: ${redisLeft}.`);
    console.log(`Rejected-attempt probes (${REJECTED_PROBE} more grabs at each sold-out sale): seckill ${seckillProbe.result.rps.toFixed(0)} req/s p99 ${seckillProbe.result.p99.toFixed(1)} ms; baseline ${baselineProbe.result.rps.toFixed(0)} req/s p99 ${baselineProbe.result.p99.toFixed(1)} ms.`);

    const checks = [
      { what: "sold = orders = stock", ok: sold === STOCK && seckillOrders === STOCK, value: `${sold} / ${seckillOrders} / ${STOCK}` },
      { what: "no duplicate buyers", ok: seckillDuplicates === 0, value: String(seckillDuplicates) },
      { what: "no MySQL statement per rejected attempt", ok: seckillProbe.statementsPerRejected < 0.01, value: seckillProbe.statementsPerRejected.toFixed(3) },
      { what: "throughput ≥ half the ceiling's", ok: seckill.rps >= ceiling.rps / 2, value: `${((seckill.rps / ceiling.rps) * 100).toFixed(0)}%` },
      { what: "p99 below the baseline's", ok: seckill.p99 < baseline.p99, value: `${seckill.p99.toFixed(1)} ms vs ${baseline.p99.toFixed(1)} ms` },
      { what: "no connection errors", ok: seckill.errors === 0 && baseline.errors === 0 && ceiling.errors === 0, value: String(seckill.errors + baseline.errors + ceiling.errors) },
    ];
    console.log("\nTargets:");
    for (const c of checks) console.log(`  ${c.ok ? "met " : "MISS"}  ${c.what}: ${c.value}`);
    if (JSON_OUT) {
      const round = (n: number) => Math.round(n * 10) / 10;
      console.log(
        JSON.stringify({
          stock: STOCK,
          sold,
          orders: seckillOrders,
          duplicates: seckillDuplicates,
          rps: round(seckill.rps),
          p50_ms: round(seckill.p50),
          p99_ms: round(seckill.p99),
          baseline_rps: round(baseline.rps),
          baseline_p99_ms: round(baseline.p99),
          ceiling_rps: round(ceiling.rps),
          ceiling_p99_ms: round(ceiling.p99),
        }),
      );
    }
    process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
    const { closeDb } = await import("@/db");
    await closeDb();
  } finally {
    await conn.end().catch(() => undefined);
    await stopChildren(children);
    await stopServices("test", () => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
