// npm run bench:labs [-- --steps 1,4,8,16,24 --seconds 10 --json]
//
// Hands-on labs on this machine, through the browser's protocol path: a real gateway with labs on (lib/labs),
// the test profile's lab host (sshd + bubblewrap + cgroups), WebSocket clients with session cookies and
// one-time tickets, exactly as the terminal page connects. For each step of N concurrent labs:
// - start-up: from the socket opening to the shell's "ready" (lease, fresh home, key, SSH, setup script);
// - keystroke round trip: each lab types one character every 50 ms (a fast typist) and times the echo back
//   from the shell's pty, while each lab also runs a small command loop in the background;
// then reports p50/p99 and the largest N whose p99 stays under 100 ms.
// The pool is grown for the bench (more accounts than the test profile's eight) and given back afterwards.
import { randomUUID } from "node:crypto";
import WebSocket from "ws";
import { profile } from "../local/profile";
import { prepareTestServices } from "../local/test-env";
import { labHostConfig } from "../local/labs";
import { stopServices } from "../local/services";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const STEPS = arg("steps", "1,4,8,16,24").split(",").map(Number);
const SECONDS = Number(arg("seconds", "10"));
const JSON_OUT = process.argv.includes("--json");
const log = (msg: string) => console.error(`[bench] ${msg}`);
const ORIGIN = "http://localhost:3000";

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);

async function main(): Promise<void> {
  const p = profile("test");
  const services = await prepareTestServices({ log });
  Object.assign(process.env, services, { NODE_ENV: "test", LOG_LEVEL: "warn" });
  const max = Math.max(...STEPS);
  const accounts = Array.from({ length: Math.max(max, p.labAccounts.length) }, (_, i) => `xuefu-labt-${String(i + 1).padStart(2, "0")}`);
  const { installLabHost, releaseLab } = await import("../../lib/labs/host");
  const base = labHostConfig(p);
  installLabHost({ ...base, accounts });

  const { db, closeDb } = await import("@/db");
  const { courses, chapters, lessons, labDefinitions, users } = await import("@/db/schema");
  const { grantEnrolments } = await import("@/lib/enrolments/grants");
  const { signToken } = await import("@/lib/auth/jwt");
  const { registerSession } = await import("@/lib/auth/session-registry");
  const { createTcpRedis } = await import("@/lib/redis/tcp");
  const { startGateway } = await import("@/lib/realtime/gateway");
  const { LabManager } = await import("@/lib/labs/manager");
  const { labUpgrades } = await import("@/lib/labs/upgrade");
  const { issueLabTicket } = await import("@/lib/labs/tickets");
  const { labHostSettings } = await import("@/lib/labs/config");

  const settings = { ...labHostSettings()!, accounts, labsDir: base.labsDir };
  const tcp = createTcpRedis();
  const manager = new LabManager({ settings, tcp });
  await manager.recover();
  const gateway = await startGateway({ host: "127.0.0.1", port: 0, allowedOrigins: [ORIGIN], redis: () => createTcpRedis(), labs: labUpgrades(manager, tcp) });

  const [seedCourse] = await db().select().from(courses).limit(1);
  const slug = `lab-bench-${randomUUID().slice(0, 8)}`;
  const [course] = await db()
    .insert(courses)
    .values({ slug, title: "Lab bench", description: "<p>x</p>", priceFen: 0, level: seedCourse!.level, language: seedCourse!.language, status: "published", categoryId: seedCourse!.categoryId, teacherId: seedCourse!.teacherId, tags: [], publishedAt: new Date() })
    .$returningId();
  const [chapter] = await db().insert(chapters).values({ courseId: course!.id, title: "Bench", position: 1 }).$returningId();
  const [lesson] = await db().insert(lessons).values({ courseId: course!.id, chapterId: chapter!.id, title: "Bench lab", kind: "lab", position: 1 }).$returningId();
  await db().insert(labDefinitions).values({ lessonId: lesson!.id, title: "Bench", instructions: "", setupScript: "echo ready > readme.txt", checkCommand: "true" });

  async function learner(): Promise<{ userId: number; cookie: string }> {
    const [u] = await db().insert(users).values({ email: `bench-${randomUUID()}@example.com`, name: "压测学员" }).$returningId();
    await db().transaction((tx) => grantEnrolments(tx, { userId: u!.id, courseIds: [course!.id], source: "grant" }));
    const session = await registerSession(u!.id, "web", { userAgent: "bench", ip: "127.0.0.1" }, 3600);
    return { userId: u!.id, cookie: `authjs.session-token=${await signToken({ sub: String(u!.id), sid: session.sid, kind: "web" }, 3600)}` };
  }

  interface Lab {
    ws: WebSocket;
    startupMs: number;
    onData: ((chunk: Buffer) => void) | null;
  }

  async function open(who: { userId: number; cookie: string }): Promise<Lab> {
    const ticket = await issueLabTicket({ userId: who.userId, lessonId: lesson!.id });
    const started = performance.now();
    const ws = new WebSocket(`ws://127.0.0.1:${gateway.port}/lab?ticket=${ticket}`, { headers: { origin: ORIGIN, cookie: who.cookie } });
    const lab: Lab = { ws, startupMs: 0, onData: null };
    await new Promise<void>((resolve, reject) => {
      ws.on("message", (data: Buffer, isBinary: boolean) => {
        if (isBinary) return lab.onData?.(data);
        const frame = JSON.parse(data.toString()) as { t: string };
        if (frame.t === "ready") {
          lab.startupMs = performance.now() - started;
          resolve();
        }
        if (frame.t === "ended") reject(new Error(`lab ended: ${data.toString()}`));
      });
      ws.once("close", (code) => reject(new Error(`closed ${code}`)));
      ws.once("error", reject);
    });
    return lab;
  }

  /** Types one character at a time and times each echo; alternates a letter and a backspace. */
  async function typeLoop(lab: Lab, until: number, samples: number[]): Promise<void> {
    let letter = true;
    while (performance.now() < until) {
      const sent = performance.now();
      const echoed = new Promise<void>((resolve) => (lab.onData = () => resolve()));
      lab.ws.send(Buffer.from(letter ? "x" : "\x7f"), { binary: true });
      await Promise.race([echoed, new Promise((r) => setTimeout(r, 2_000))]);
      samples.push(performance.now() - sent);
      letter = !letter;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const results: Array<{ labs: number; startupP50: number; startupMax: number; p50: number; p99: number; samples: number }> = [];
  for (const n of STEPS) {
    // One after another: concurrent grants of one course contend for its learner count row.
    const people: Array<{ userId: number; cookie: string }> = [];
    for (let i = 0; i < n; i++) people.push(await learner());
    // Labs start a few at a time, as learners arrive.
    const labs: Lab[] = [];
    for (let i = 0; i < n; i += 4) labs.push(...(await Promise.all(people.slice(i, i + 4).map(open))));
    for (const lab of labs) {
      lab.onData = null;
      lab.ws.send(Buffer.from("(while :; do ls -la /usr/bin > /dev/null; sleep 0.2; done &) ; clear\r"), { binary: true });
    }
    await new Promise((r) => setTimeout(r, 1_000));
    const samples: number[] = [];
    const until = performance.now() + SECONDS * 1000;
    await Promise.all(labs.map((lab) => typeLoop(lab, until, samples)));
    samples.sort((a, b) => a - b);
    const startups = labs.map((l) => l.startupMs).sort((a, b) => a - b);
    const row = { labs: n, startupP50: pct(startups, 50), startupMax: startups.at(-1)!, p50: pct(samples, 50), p99: pct(samples, 99), samples: samples.length };
    results.push(row);
    log(`${n} labs: start-up p50 ${row.startupP50.toFixed(0)} ms (max ${row.startupMax.toFixed(0)}), keystroke round trip p50 ${row.p50.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms (${row.samples} keystrokes)`);
    for (const lab of labs) lab.ws.send(Buffer.from("exit\r"), { binary: true });
    // Every lab of the step must be gone (its account released) before the next, larger step starts.
    for (let i = 0; i < 600 && manager.size > 0; i++) await new Promise((r) => setTimeout(r, 100));
    if (manager.size > 0) throw new Error(`${manager.size} labs of the ${n}-lab step did not end`);
  }

  await gateway.close();
  tcp.disconnect();
  for (const account of accounts) releaseLab({ ...base, accounts }, account);
  // Back to the profile's own pool (the bench's extra accounts stay created, but their keys are gone and sshd
  // only accepts keys the gateway installs).
  installLabHost(base);
  await closeDb();
  await stopServices("test", () => undefined);

  const holds = results.filter((r) => r.p99 < 100).map((r) => r.labs);
  const summary = { machine: `${(await import("node:os")).cpus().length} cores`, seconds: SECONDS, results, maxLabsUnder100msP99: holds.length ? Math.max(...holds) : 0 };
  if (JSON_OUT) console.log(JSON.stringify(summary, null, 2));
  else {
    console.log("\nlabs  start-up p50  start-up max  keystroke p50  keystroke p99");
    for (const r of results) console.log(`${String(r.labs).padStart(4)}  ${r.startupP50.toFixed(0).padStart(10)} ms  ${r.startupMax.toFixed(0).padStart(10)} ms  ${r.p50.toFixed(1).padStart(10)} ms  ${r.p99.toFixed(1).padStart(10)} ms`);
    console.log(`\nConcurrent labs with p99 round trip under 100 ms on this machine: ${summary.maxLabsUnder100msP99} (of the steps tried).`);
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
