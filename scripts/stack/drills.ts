// npm run stack:drills [-- --seconds 20] — failure drills against the running stack (`npm run stack` first).
//
// While learners keep buying courses, grabbing flash-sale seats and reading the catalogue through nginx, each
// drill breaks one part of the topology the way production breaks:
//   1. kill -9 one web instance          (nginx routes around it, Supervisor restarts it)
//   2. kill -9 the Redis master          (Supervisor restarts it from its append-only file)
//   3. freeze the Redis master (SIGSTOP) (Sentinel promotes the replica; the app follows without a restart)
//   4. stop the MariaDB replica          (replica reads fall back to the primary), then start it again
//   5. restart the worker mid-stream     (queued work resumes)
// After each: paid orders = applied payment notifications = enrolments, no order paid twice, no learner
// enrolled twice; seats sold never above the seats offered, MySQL's seats_left equal to the seats offered minus
// the live seats, and every learner told "a seat is yours" holds an order. Prints one table; exits 1 if any
// check failed.
import { execFileSync } from "node:child_process";
import { waitFor } from "../local/proc";
import { currentRedisMaster, replicaState } from "./databases";
import { edgeChecks, type EdgeCheck } from "./edge";
import { closeAgents, clientAddress, newTally, request, withRetries, type Tally } from "./load";
import { appEnv, dirs, publicUrl, stackProfile, stackSecrets, topology } from "./topology";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg("seconds", 20);
const log = (msg: string) => console.error(`[drills] ${msg}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function supervisorctl(...args: string[]): string {
  try {
    return execFileSync("/usr/bin/supervisorctl", ["-c", dirs.supervisorConf, ...args], { encoding: "utf8" });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}
const pidOf = (program: string) => Number(supervisorctl("pid", program).trim());

interface Learner {
  userId: number;
  bearer: string;
  address: string;
}

interface Outcome {
  drill: string;
  tally: Tally;
  purchases: { tried: number; paid: number; failed: number };
  grabs: { tried: number; won: number };
  recoverySeconds: number | null;
  checks: Array<{ name: string; ok: boolean; detail: string }>;
}

async function main(): Promise<void> {
  const s = stackSecrets();
  Object.assign(process.env, appEnv(s, {}), { LOG_LEVEL: "error" });
  const health = await fetch(`${publicUrl()}/api/health`).catch(() => null);
  if (!health?.ok) throw new Error(`The stack does not answer on ${publicUrl()}: start it with npm run stack.`);

  const { db, closeDb } = await import("@/db");
  const { courses, seckillSales } = await import("@/db/schema");
  const { and, eq, gt } = await import("drizzle-orm");
  const { createLearners } = await import("@/lib/seckill/learners");
  const { grabToken } = await import("@/lib/seckill/token");
  const { loadSale } = await import("@/lib/seckill/sales");
  const { sql } = await import("drizzle-orm");

  const paidCourses = await db()
    .select({ id: courses.id, priceFen: courses.priceFen })
    .from(courses)
    .where(and(eq(courses.status, "published"), gt(courses.priceFen, 0)))
    .limit(60);
  if (paidCourses.length < 10) throw new Error("The stack's catalogue has too few paid courses; was the demo seed written?");

  const outcomes: Outcome[] = [];
  let clientNo = 0;
  log("Checking the edge: client addresses, rate limits, body limits, compression, caching, /ws ...");
  const edge: EdgeCheck[] = await edgeChecks(5_000 + Math.floor(Math.random() * 20_000));
  const edgeOnly = process.argv.includes("--edge-only");

  /** One drill: load for a while, break something after 5 s, keep loading, then check the books. */
  async function drill(name: string, breakIt: () => Promise<void>, recovered: () => Promise<boolean>): Promise<void> {
    log(`${name}: preparing learners and a flash sale ...`);
    const raw = await createLearners(120, 3600);
    const learners: Learner[] = raw.map((l) => ({ userId: l.userId, bearer: l.bearer, address: clientAddress(clientNo++) }));
    const buyers = learners.slice(0, 60);
    const grabbers = learners.slice(60);
    const seats = 25;
    const [sale] = await db()
      .insert(seckillSales)
      .values({ courseId: paidCourses[0]!.id, priceFen: 100, seats, seatsLeft: seats, startsAt: new Date(Date.now() - 1000), endsAt: new Date(Date.now() + 3600_000) })
      .$returningId();
    await loadSale(sale!.id);

    const tally = newTally();
    const purchases = { tried: 0, paid: 0, failed: 0 };
    const grabs = { tried: 0, won: 0 };
    const wonOrders: string[] = [];
    const boughtOrders: string[] = [];
    let running = true;

    const buyer = async (l: Learner, k: number) => {
      // Each buyer buys a few different courses one after another.
      for (let j = 0; running && j < 3; j++) {
        const course = paidCourses[(k * 3 + j) % paidCourses.length]!;
        const auth = { authorization: `Bearer ${l.bearer}` };
        purchases.tried++;
        const placed = await withRetries(() => request(tally, l.address, "POST", "/api/v1/orders", { headers: auth, json: { courseIds: [course.id], accept_terms: true } }));
        const orderNo = (placed.body as { data?: { orderNo?: string } })?.data?.orderNo;
        if (placed.status !== 201 || !orderNo) {
          purchases.failed++;
          continue;
        }
        const started = await withRetries(() => request(tally, l.address, "POST", `/api/v1/orders/${orderNo}/payments`, { headers: auth, json: { provider: "wechat" } }));
        if (started.status !== 201) {
          purchases.failed++;
          continue;
        }
        // The learner pays at the provider, which then notifies the app through nginx (and retries until it answers).
        const paid = await withRetries(() => request(tally, l.address, "POST", `/_sandbox/payments/wechat/${orderNo}/pay`, { json: {}, port: stackProfile.paymentPort }));
        if (paid.status >= 200 && paid.status < 300) {
          purchases.paid++;
          boughtOrders.push(orderNo);
        } else purchases.failed++;
      }
    };
    const grabber = async (l: Learner) => {
      await sleep(Math.random() * (SECONDS * 1000) * 0.8);
      if (!running) return;
      grabs.tried++;
      const reply = await withRetries(() =>
        request(tally, l.address, "POST", `/api/v1/seckill/${sale!.id}/orders`, { headers: { authorization: `Bearer ${l.bearer}`, "x-seckill-token": grabToken(sale!.id, l.userId) } }),
      );
      const orderNo = (reply.body as { data?: { orderNo?: string }; orderNo?: string })?.data?.orderNo ?? (reply.body as { orderNo?: string })?.orderNo;
      if (reply.status === 201 && orderNo) {
        grabs.won++;
        wonOrders.push(orderNo);
      }
    };
    const readers = Array.from({ length: 8 }, async (_, r) => {
      const address = clientAddress(clientNo++);
      for (let i = 0; running; i++) {
        const page = ((i + r) % 5) + 1;
        await request(tally, address, "GET", i % 2 ? `/courses?page=${page}` : `/api/v1/courses?page=${page}`);
        await sleep(100);
      }
    });

    const work = [...buyers.map((l, k) => buyer(l, k)), ...grabbers.map((l) => grabber(l)), ...readers];
    await sleep(5_000);
    log(`${name}: breaking it now.`);
    const brokenAt = Date.now();
    await breakIt();
    let recoverySeconds: number | null = null;
    try {
      await waitFor(`recovery from "${name}"`, recovered, 60_000);
      recoverySeconds = (Date.now() - brokenAt) / 1000;
    } catch {
      recoverySeconds = null;
    }
    const rest = Math.max(0, SECONDS * 1000 - (Date.now() - brokenAt));
    await sleep(rest);
    running = false;
    await Promise.all(work);

    // Let the provider's notifications and the seat consumer finish, then check the books.
    log(`${name}: load stopped (${tally.requests} requests); waiting for notifications and seats to settle ...`);
    const ids = learners.map((l) => l.userId);
    const idList = sql.join(ids.map((id) => sql`${id}`), sql`, `);
    const books = async () => {
      const [[paid]] = (await db().execute(sql`SELECT COUNT(*) AS n FROM orders WHERE user_id IN (${idList}) AND status = 'paid' AND source <> 'seckill'`)) as unknown as [Array<{ n: string }>];
      // Orders backed by a verified notification from the provider. (A web instance killed between paying an
      // order and writing the notification's log row leaves that row to the provider's retry, logged "duplicate".)
      const [[notified]] = (await db().execute(
        sql`SELECT COUNT(DISTINCT n.order_no) AS n FROM payment_notifications n JOIN orders o ON o.order_no = n.order_no WHERE o.user_id IN (${idList}) AND n.verified AND n.outcome IN ('applied', 'duplicate') AND o.source <> 'seckill'`,
      )) as unknown as [Array<{ n: string }>];
      const [[applied]] = (await db().execute(
        sql`SELECT COUNT(*) AS n FROM payment_notifications n JOIN orders o ON o.order_no = n.order_no WHERE o.user_id IN (${idList}) AND n.outcome = 'applied' AND o.source <> 'seckill'`,
      )) as unknown as [Array<{ n: string }>];
      const [[enrolled]] = (await db().execute(sql`SELECT COUNT(*) AS n FROM enrolments WHERE user_id IN (${idList})`)) as unknown as [Array<{ n: string }>];
      return { paid: Number(paid!.n), notified: Number(notified!.n), applied: Number(applied!.n), enrolled: Number(enrolled!.n) };
    };
    let b = await books();
    const settleUntil = Date.now() + 60_000;
    while (Date.now() < settleUntil && (b.paid < purchases.paid || b.paid !== b.enrolled)) {
      await sleep(1000);
      b = await books();
    }
    const [[saleRow]] = (await db().execute(sql`SELECT seats, seats_left AS seatsLeft FROM seckill_sales WHERE id = ${sale!.id}`)) as unknown as [Array<{ seats: number; seatsLeft: number }>];
    const seatRows = async () =>
      ((await db().execute(sql`SELECT s.user_id AS userId, o.order_no AS orderNo FROM seckill_seats s LEFT JOIN orders o ON o.id = s.order_id WHERE s.sale_id = ${sale!.id} AND s.status <> 'released'`)) as unknown as [Array<{ userId: number; orderNo: string | null }>])[0];
    let live = await seatRows();
    while (Date.now() < settleUntil && live.length < wonOrders.length) {
      await sleep(1000);
      live = await seatRows();
    }
    const [[fresh]] = (await db().execute(sql`SELECT seats_left AS seatsLeft FROM seckill_sales WHERE id = ${sale!.id}`)) as unknown as [Array<{ seatsLeft: number }>];
    const liveOrders = new Set(live.map((r) => r.orderNo));
    const lost = wonOrders.filter((no) => !liveOrders.has(no));
    const holders = new Set(live.map((r) => r.userId));

    outcomes.push({
      drill: name,
      tally,
      purchases,
      grabs,
      recoverySeconds,
      checks: [
        { name: "paid orders = payments = enrolments", ok: b.paid === b.notified && b.paid === b.enrolled && b.paid >= purchases.paid, detail: `${b.paid} paid, ${b.notified} notified, ${b.enrolled} enrolled (${purchases.paid} paid at the provider)` },
        { name: "no order paid twice", ok: b.applied <= b.notified, detail: `${b.applied} notifications applied for ${b.notified} orders` },
        { name: "no oversold seat", ok: live.length <= saleRow!.seats && holders.size === live.length, detail: `${live.length} live seats of ${saleRow!.seats}, ${holders.size} holders` },
        { name: "seats left = offered - live", ok: Number(fresh!.seatsLeft) === saleRow!.seats - live.length, detail: `seats_left ${fresh!.seatsLeft}` },
        { name: "no admission lost", ok: lost.length === 0, detail: `${wonOrders.length} told "yours", ${lost.length} without a seat` },
      ],
    });
    log(`${name}: done.`);
  }

  if (edgeOnly) {
    report(edge, outcomes);
    closeAgents();
    await closeDb();
    return;
  }
  const webHealthy = (port: number) => async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.ok === true;

  await drill(
    "kill -9 web-1",
    async () => {
      const pid = pidOf("web-1");
      process.kill(pid, "SIGKILL");
      await sleep(200);
    },
    async () => /RUNNING/.test(supervisorctl("status", "web-1")) && (await webHealthy(topology.webPorts[0]!)()),
  );

  const before = await currentRedisMaster();
  await drill(
    "kill -9 the Redis master",
    async () => {
      const program = before?.port === topology.redis.master ? "redis-1" : "redis-2";
      process.kill(pidOf(program), "SIGKILL");
    },
    async () => /RUNNING/.test(supervisorctl("status", before?.port === topology.redis.master ? "redis-1" : "redis-2")) && (await fetch(`${publicUrl()}/api/health`).catch(() => null))?.ok === true,
  );

  const frozen = await currentRedisMaster();
  let frozenPid = 0;
  await drill(
    "freeze the Redis master",
    async () => {
      // A hung master (SIGSTOP): Supervisor sees nothing wrong, so only Sentinel can help, by promoting the replica.
      frozenPid = pidOf(frozen?.port === topology.redis.master ? "redis-1" : "redis-2");
      process.kill(frozenPid, "SIGSTOP");
      // 15 s later the machine comes back; Sentinel turns the old master into a replica of the new one.
      setTimeout(() => process.kill(frozenPid, "SIGCONT"), 15_000).unref();
    },
    async () => {
      const now = await currentRedisMaster();
      if (!now || now.port === frozen?.port) return false;
      return (await fetch(`${publicUrl()}/api/health`).catch(() => null))?.ok === true;
    },
  );

  await drill(
    "stop the MariaDB replica",
    async () => {
      supervisorctl("stop", "mysql-replica");
    },
    // Reads fell back at once; recovered = the replica is back and caught up (started again 5 s later).
    async () => {
      if (!/RUNNING/.test(supervisorctl("status", "mysql-replica"))) {
        await sleep(5_000);
        supervisorctl("start", "mysql-replica");
        return false;
      }
      try {
        const r = replicaState();
        return r.io && r.sql && r.lagSeconds === 0;
      } catch {
        return false;
      }
    },
  );

  await drill(
    "restart the worker",
    async () => {
      supervisorctl("restart", "worker");
    },
    async () => /RUNNING/.test(supervisorctl("status", "worker")),
  );

  report(edge, outcomes);
  if (frozenPid) {
    try {
      process.kill(frozenPid, "SIGCONT");
    } catch {
      // Already awake, or restarted since.
    }
  }
  closeAgents();
  await closeDb();
}

function report(edge: EdgeCheck[], outcomes: Outcome[]): void {
  let failed = edge.filter((c) => !c.ok).length;
  console.log(`\nThe edge (nginx at ${publicUrl()})\n`);
  for (const c of edge) console.log(`    ${c.ok ? "ok  " : "FAIL"} ${c.name}: ${c.detail}`);
  if (outcomes.length > 0) {
    const pad = (v: string | number, n: number) => String(v).padEnd(n);
    console.log(`\nFailure drills through nginx (${publicUrl()}), ${SECONDS} s of load each, one run\n`);
    console.log(`${pad("drill", 28)}${pad("requests", 10)}${pad("errors", 8)}${pad("purchases paid/tried", 22)}${pad("seats won", 11)}${pad("recovered in", 14)}checks`);
    for (const o of outcomes) {
      const bad = o.checks.filter((c) => !c.ok);
      failed += bad.length;
      console.log(
        `${pad(o.drill, 28)}${pad(o.tally.requests, 10)}${pad(o.tally.errors, 8)}${pad(`${o.purchases.paid}/${o.purchases.tried}`, 22)}${pad(`${o.grabs.won}/${o.grabs.tried}`, 11)}${pad(o.recoverySeconds === null ? "not in 60 s" : `${o.recoverySeconds.toFixed(1)} s`, 14)}${bad.length === 0 ? "all passed" : `FAILED: ${bad.map((c) => c.name).join("; ")}`}`,
      );
      for (const c of o.checks) console.log(`    ${c.ok ? "ok  " : "FAIL"} ${c.name}: ${c.detail}`);
      console.log(`    answers: ${Object.entries(o.tally.statuses).map(([k, v]) => `${k}×${v}`).join(" ")}`);
      if (o.tally.errors > 0) console.log(`    errors by route: ${Object.entries(o.tally.errorsByRoute).map(([k, v]) => `${k} ×${v}`).join(", ")}`);
    }
  }
  if (failed > 0) process.exitCode = 1;
}

// Exit when done: the app modules the drills borrow (queues, Redis clients) may keep handles open.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(`[drills] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
