// npm run bench:realtime [-- --clients 5000 --messages 40 --burst 40 --json]
//
// The real-time gateway under a crowd, over loopback, on this machine:
// - two gateway instances (lib/realtime/gateway.ts, as child processes with a raised open-file limit), and
//   `--clients` authenticated WebSocket clients split between them (a session registered in Redis and an RS256
//   session cookie each, as a browser's), all joined to one room;
// - paced messages (one every 200 ms) published the way the app publishes (lib/realtime/publish.ts: stream +
//   pub/sub through Redis): fan-out latency from the publish call until the LAST client has the message
//   (p50/p99 over the messages), per-delivery latency, and messages lost (must be 0);
// - a burst of messages published back to back: deliveries per second until every client has every message;
// - connect rate (upgrade with the token check and the session lookup, then the room join) and the gateways'
//   resident memory per connection (RSS after the clients joined minus RSS before, per socket);
// - in the same run, the ceiling: two bare `ws` servers (scripts/bench/realtime-raw.ts) with the same clients,
//   broadcasting what a control socket sends them (no auth, no Redis, no protocol), measured the same way.
// Targets (issue 16): 0 lost; p99 fan-out under 250 ms at 5,000 clients; gateway ≥ 50% of the raw rate.
// The clients, both servers and Redis share the machine's cores, so every figure includes the clients' work.
// Uses the test profile's Redis (its services are started if needed); no database rows are written.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import WebSocket from "ws";
import { profile } from "../local/profile";
import { startServices, stopServices } from "../local/services";
import { percentile } from "./lib/load";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg("clients", 5_000);
const MESSAGES = arg("messages", 40);
const BURST = arg("burst", 40);
const CONNECT_CONCURRENCY = 200;
const JSON_OUT = process.argv.includes("--json");
const APP_URL = "http://localhost:3000";
const ROOM = "room:1";
const FIRST_USER = 9_100_000;
const log = (msg: string) => console.error(`[bench] ${msg}`);
const reports = path.join(profile("test").dataDir, "reports");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Server {
  name: string;
  child: ChildProcess;
  port: number;
}

function startServer(name: string, file: string, env: NodeJS.ProcessEnv): Promise<Server> {
  // `ulimit -n` cannot be raised from inside Node: the child is started by a shell that raises it first.
  const child = spawn("sh", ["-c", 'ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$@"', "sh", process.execPath, "--conditions=react-server", "--import", "tsx", file], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += String(d);
      const m = out.match(/ready (\d+)/);
      if (m) resolve({ name, child, port: Number(m[1]) });
    });
    child.once("exit", (code) => reject(new Error(`${name} exited (${code}) before it was ready`)));
  });
}

const rssKb = (pid: number) => Number(fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)?.[1] ?? NaN);

interface Tally {
  sentAt: Map<number, number>;
  /** Per message: deliveries and the time of the last one. */
  got: Map<number, { n: number; last: number }>;
  deliveryMs: number[];
}

const newTally = (): Tally => ({ sentAt: new Map(), got: new Map(), deliveryMs: [] });

function onFrame(tally: Tally, text: string): void {
  const m = text.match(/"seq":(\d+)/);
  if (!m) return;
  const seq = Number(m[1]);
  const now = performance.now();
  const entry = tally.got.get(seq) ?? { n: 0, last: 0 };
  entry.n += 1;
  entry.last = now;
  tally.got.set(seq, entry);
  const sent = tally.sentAt.get(seq);
  if (sent !== undefined) tally.deliveryMs.push(now - sent);
}

async function connectAll(count: number, url: (i: number) => string, headers: (i: number) => Record<string, string>, tally: Tally): Promise<{ sockets: WebSocket[]; seconds: number; failed: number }> {
  const sockets: WebSocket[] = [];
  let next = 0;
  let failed = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < count) {
      const i = next++;
      const ws = new WebSocket(url(i), { headers: headers(i), perMessageDeflate: false });
      ws.on("message", (data) => onFrame(tally, String(data)));
      try {
        await new Promise<void>((resolve, reject) => {
          ws.once("open", () => resolve());
          ws.once("error", reject);
          ws.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
        });
        ws.on("error", () => undefined);
        sockets.push(ws);
      } catch (error) {
        failed += 1;
        if (failed <= 3) log(`a client failed to connect: ${String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, lane));
  return { sockets, seconds: (performance.now() - started) / 1000, failed };
}

/** Waits until `seqs` reached `expected` clients each (or the timeout). */
async function settle(tally: Tally, seqs: number[], expected: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && seqs.some((s) => (tally.got.get(s)?.n ?? 0) < expected)) await sleep(20);
}

interface Figures {
  clients: number;
  connectFailed: number;
  connectPerSecond: number;
  fanoutP50: number;
  fanoutP99: number;
  fanoutMax: number;
  deliveryP50: number;
  deliveryP99: number;
  lost: number;
  burstDeliveriesPerSecond: number;
  burstLost: number;
  rssPerConnectionKb: number;
  rssMb: number;
}

/** The measurement both targets get: paced messages, then a burst. `send` publishes one message. */
async function measure(tally: Tally, expected: number, send: (seq: number) => Promise<void>): Promise<Omit<Figures, "clients" | "connectFailed" | "connectPerSecond" | "rssPerConnectionKb" | "rssMb">> {
  // Warm-up: until one message reaches every client (joins finished, code paths hot).
  for (let w = 0; w < 20; w++) {
    const seq = 1_000_000 + w;
    tally.sentAt.set(seq, performance.now());
    await send(seq);
    await settle(tally, [seq], expected, 3_000);
    if ((tally.got.get(seq)?.n ?? 0) >= expected) break;
  }
  tally.deliveryMs.length = 0;

  const paced: number[] = [];
  for (let i = 1; i <= MESSAGES; i++) {
    tally.sentAt.set(i, performance.now());
    await send(i);
    paced.push(i);
    await sleep(200);
  }
  await settle(tally, paced, expected, 10_000);
  const fanout = paced.map((s) => (tally.got.get(s)?.last ?? Infinity) - tally.sentAt.get(s)!).sort((a, b) => a - b);
  const lost = paced.reduce((sum, s) => sum + (expected - (tally.got.get(s)?.n ?? 0)), 0);
  const delivery = [...tally.deliveryMs].sort((a, b) => a - b);

  const burst = Array.from({ length: BURST }, (_, i) => 10_000 + i);
  const started = performance.now();
  await Promise.all(
    burst.map((seq) => {
      tally.sentAt.set(seq, performance.now());
      return send(seq);
    }),
  );
  await settle(tally, burst, expected, 30_000);
  const lastAt = Math.max(...burst.map((s) => tally.got.get(s)?.last ?? performance.now()));
  const burstDelivered = burst.reduce((sum, s) => sum + (tally.got.get(s)?.n ?? 0), 0);
  return {
    fanoutP50: percentile(fanout, 50),
    fanoutP99: percentile(fanout, 99),
    fanoutMax: fanout.at(-1)!,
    deliveryP50: percentile(delivery, 50),
    deliveryP99: percentile(delivery, 99),
    lost,
    burstDeliveriesPerSecond: burstDelivered / ((lastAt - started) / 1000),
    burstLost: BURST * expected - burstDelivered,
  };
}

async function stop(servers: Server[], sockets: WebSocket[]): Promise<void> {
  for (const ws of sockets) ws.terminate();
  await Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.child.exitCode !== null) return resolve();
          s.child.once("exit", () => resolve());
          s.child.kill("SIGTERM");
          setTimeout(() => s.child.kill("SIGKILL"), 5_000).unref();
        }),
    ),
  );
}

async function benchGateway(env: NodeJS.ProcessEnv): Promise<Figures> {
  const { registerSession } = await import("@/lib/auth/session-registry");
  const { signToken } = await import("@/lib/auth/jwt");
  const { publish } = await import("@/lib/realtime/publish");

  log(`Registering ${CLIENTS} bench sessions in Redis and signing their tokens ...`);
  const tokens: string[] = new Array<string>(CLIENTS);
  for (let i = 0; i < CLIENTS; i += 250) {
    await Promise.all(
      Array.from({ length: Math.min(250, CLIENTS - i) }, async (_, j) => {
        const userId = FIRST_USER + i + j;
        const session = await registerSession(userId, "web", { userAgent: "bench:realtime", ip: "127.0.0.1" }, 3_600);
        tokens[i + j] = await signToken({ sub: String(userId), sid: session.sid, kind: "web" }, 3_600);
      }),
    );
  }

  const file = path.join(process.cwd(), "scripts/bench/realtime-gateway.ts");
  const servers = await Promise.all([0, 1].map((n) => startServer(`gateway ${n + 1}`, file, { ...env, XUEFU_SERVICE: `gateway-bench-${n + 1}`, BENCH_ROOM: ROOM, LOG_LEVEL: "warn" })));
  await sleep(1_000);
  const before = servers.map((s) => rssKb(s.child.pid!));
  const tally = newTally();
  log(`Connecting ${CLIENTS} clients to two gateway instances (ports ${servers.map((s) => s.port).join(", ")}) ...`);
  const { sockets, seconds, failed } = await connectAll(
    CLIENTS,
    (i) => `ws://127.0.0.1:${servers[i % 2]!.port}/ws`,
    (i) => ({ origin: APP_URL, cookie: `authjs.session-token=${tokens[i]}` }),
    tally,
  );
  for (const ws of sockets) ws.send(JSON.stringify({ t: "sub", ch: ROOM }));
  await sleep(2_000);
  const after = servers.map((s) => rssKb(s.child.pid!));
  const perInstance = sockets.length / 2;
  log(`Connected ${sockets.length} (${failed} failed) in ${seconds.toFixed(1)} s; measuring ...`);
  const figures = await measure(tally, sockets.length, async (seq) => {
    await publish(ROOM, { type: "bench", data: { seq } });
  });
  const rssMb = after.reduce((a, b) => a + b, 0) / 1024;
  await stop(servers, sockets);
  return {
    clients: sockets.length,
    connectFailed: failed,
    connectPerSecond: sockets.length / seconds,
    rssPerConnectionKb: (after.reduce((a, b) => a + b, 0) - before.reduce((a, b) => a + b, 0)) / 2 / perInstance,
    rssMb,
    ...figures,
  };
}

async function benchRaw(env: NodeJS.ProcessEnv): Promise<Figures> {
  const file = path.join(process.cwd(), "scripts/bench/realtime-raw.ts");
  const servers = await Promise.all([0, 1].map((n) => startServer(`raw ws ${n + 1}`, file, env)));
  await sleep(500);
  const before = servers.map((s) => rssKb(s.child.pid!));
  const tally = newTally();
  log(`Connecting ${CLIENTS} clients to two bare ws servers ...`);
  const { sockets, seconds, failed } = await connectAll(CLIENTS, (i) => `ws://127.0.0.1:${servers[i % 2]!.port}/`, () => ({}), tally);
  // The control sockets that "publish": their own copies are not counted (a separate tally).
  const control = await Promise.all(
    servers.map(
      (s) =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(`ws://127.0.0.1:${s.port}/`, { perMessageDeflate: false });
          ws.once("open", () => resolve(ws));
          ws.once("error", reject);
        }),
    ),
  );
  await sleep(1_000);
  const after = servers.map((s) => rssKb(s.child.pid!));
  const perInstance = sockets.length / 2;
  const figures = await measure(tally, sockets.length, async (seq) => {
    const frame = JSON.stringify({ t: "event", ch: ROOM, id: `${Date.now()}-0`, e: { type: "bench", data: { seq } } });
    for (const ws of control) ws.send(frame);
  });
  const rssMb = after.reduce((a, b) => a + b, 0) / 1024;
  await stop(servers, [...sockets, ...control]);
  return {
    clients: sockets.length,
    connectFailed: failed,
    connectPerSecond: sockets.length / seconds,
    rssPerConnectionKb: (after.reduce((a, b) => a + b, 0) - before.reduce((a, b) => a + b, 0)) / 2 / perInstance,
    rssMb,
    ...figures,
  };
}

function row(name: string, f: Figures): string {
  return [
    name.padEnd(22),
    `${f.clients}`.padStart(6),
    `${f.connectPerSecond.toFixed(0)}/s`.padStart(9),
    `${f.fanoutP50.toFixed(1)}`.padStart(9),
    `${f.fanoutP99.toFixed(1)}`.padStart(9),
    `${f.deliveryP50.toFixed(1)}/${f.deliveryP99.toFixed(1)}`.padStart(13),
    `${f.lost + f.burstLost}`.padStart(5),
    `${(f.burstDeliveriesPerSecond / 1000).toFixed(0)}k/s`.padStart(9),
    `${f.rssPerConnectionKb.toFixed(1)} kB`.padStart(10),
  ].join(" ");
}

async function main(): Promise<void> {
  fs.mkdirSync(reports, { recursive: true });
  log("Starting the test profile's services (Redis, the Redis REST gateway) if they are not running ...");
  const services = await startServices("test", { log });
  const { NODE_ENV: _n, ...rest } = process.env;
  const env = { ...rest, ...services, NODE_ENV: "test", APP_URL, LOG_LEVEL: "warn" } as unknown as NodeJS.ProcessEnv;
  Object.assign(process.env, env);

  let raw: Figures;
  let gateway: Figures;
  try {
    raw = await benchRaw(env);
    gateway = await benchGateway(env);
  } finally {
    await stopServices("test", () => undefined);
  }
  const ratio = gateway.burstDeliveriesPerSecond / raw.burstDeliveriesPerSecond;
  const result = { at: new Date().toISOString(), cpus: (await import("node:os")).cpus().length, clients: CLIENTS, messages: MESSAGES, burst: BURST, gateway, raw, ratio };
  fs.writeFileSync(path.join(reports, "bench-realtime.json"), JSON.stringify(result, null, 2));
  if (JSON_OUT) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log(`\nbench:realtime — ${CLIENTS} clients over two instances, one room, ${MESSAGES} paced messages + a burst of ${BURST}, ${result.cpus} CPUs\n`);
    console.log(`${"".padEnd(22)} ${"conns".padStart(6)} ${"connect".padStart(9)} ${"fan p50".padStart(9)} ${"fan p99".padStart(9)} ${"deliv p50/99".padStart(13)} ${"lost".padStart(5)} ${"burst".padStart(9)} ${"RSS/conn".padStart(10)}`);
    console.log(row("gateway (auth+Redis)", gateway));
    console.log(row("raw ws broadcast", raw));
    console.log(`\nfan-out latency = publish call → the last client has the message (ms); burst = deliveries per second`);
    console.log(`gateway/raw burst rate: ${(ratio * 100).toFixed(0)}%  (target ≥ 50%)`);
    console.log(`targets: lost 0 → ${gateway.lost + gateway.burstLost === 0 ? "met" : "MISSED"}; p99 < 250 ms → ${gateway.fanoutP99 < 250 ? "met" : "MISSED"}; ≥ 50% of raw → ${ratio >= 0.5 ? "met" : "MISSED"}`);
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
