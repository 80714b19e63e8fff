// npm run bench:scale [-- --seconds 15] — how the web tier scales, measured through nginx on the running stack
// (`npm run stack` first): the catalogue (course list and course pages) and a flash-sale rush, first with one
// web instance (web-2 stopped), then with two, in one run. Prints requests per second, p50/p99 latency and the
// figure per CPU core this machine has (every process of the stack shares those cores).
import { execFileSync } from "node:child_process";
import os from "node:os";
import autocannon from "autocannon";
import { waitFor } from "../local/proc";
import { clientAddress, closeAgents, newTally, request } from "../stack/load";
import { appEnv, dirs, publicUrl, stackSecrets, topology } from "../stack/topology";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg("seconds", 15);
const GRABBERS = arg("grabbers", 1500);
const log = (msg: string) => console.error(`[bench] ${msg}`);
const supervisorctl = (...args: string[]) => execFileSync("/usr/bin/supervisorctl", ["-c", dirs.supervisorConf, ...args], { encoding: "utf8" });

interface Figure {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function catalogue(paths: string[]): Promise<Figure> {
  const result = await autocannon({
    url: publicUrl(),
    connections: 64,
    duration: SECONDS,
    requests: paths.map((path) => ({ method: "GET", path })),
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx };
}

/** Each learner presses once, from an address of its own; 200 at a time. */
async function rush(learners: Array<{ userId: number; bearer: string }>, saleId: number, tokenFor: (saleId: number, userId: number) => string, base: number): Promise<Figure> {
  const tally = newTally();
  const latencies: number[] = [];
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: 200 }, async () => {
      while (next < learners.length) {
        const i = next++;
        const l = learners[i]!;
        const t0 = performance.now();
        await request(tally, clientAddress(base + i), "POST", `/api/v1/seckill/${saleId}/orders`, { headers: { authorization: `Bearer ${l.bearer}`, "x-seckill-token": tokenFor(saleId, l.userId) } });
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  const bad = Object.entries(tally.statuses).filter(([s]) => s !== "201" && s !== "409").reduce((n, [, v]) => n + v, 0);
  return { rps: learners.length / seconds, p50: at(50), p99: at(99), non2xx: bad };
}

async function main(): Promise<void> {
  const s = stackSecrets();
  Object.assign(process.env, appEnv(s, {}), { LOG_LEVEL: "error" });
  if (!(await fetch(`${publicUrl()}/api/health`).catch(() => null))?.ok) throw new Error(`The stack does not answer on ${publicUrl()}: start it with npm run stack.`);
  const { db, closeDb } = await import("@/db");
  const { courses, seckillSales } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const { createLearners } = await import("@/lib/seckill/learners");
  const { grabToken } = await import("@/lib/seckill/token");
  const { loadSale } = await import("@/lib/seckill/sales");

  const slugs = (await db().select({ slug: courses.slug }).from(courses).where(eq(courses.status, "published")).limit(20)).map((r) => r.slug);
  const paths = [...[1, 2, 3].map((p) => `/courses?page=${p}`), ...slugs.map((slug) => `/courses/${slug}`)];
  const [course] = await db().select({ id: courses.id }).from(courses).where(eq(courses.status, "published")).limit(1);
  const newSale = async () => {
    const [row] = await db()
      .insert(seckillSales)
      .values({ courseId: course!.id, priceFen: 100, seats: 300, seatsLeft: 300, startsAt: new Date(Date.now() - 1000), endsAt: new Date(Date.now() + 3600_000) })
      .$returningId();
    await loadSale(row!.id);
    return row!.id;
  };

  const rows: Array<{ instances: number; cat: Figure; grab: Figure }> = [];
  try {
    for (const instances of [1, 2]) {
      if (instances === 1) {
        supervisorctl("stop", "web-2");
      } else {
        supervisorctl("start", "web-2");
        await waitFor("web-2", async () => (await fetch(`http://127.0.0.1:${topology.webPorts[1]}/api/health`)).ok, 90_000);
      }
      log(`${instances} web instance(s): warming up ...`);
      await catalogue(paths.slice(0, 4)).catch(() => undefined);
      log(`${instances} web instance(s): catalogue for ${SECONDS} s ...`);
      const cat = await catalogue(paths);
      log(`${instances} web instance(s): a flash-sale rush of ${GRABBERS} learners ...`);
      const learners = await createLearners(GRABBERS, 3600);
      const grab = await rush(learners, await newSale(), grabToken, 20_000 + instances * GRABBERS);
      rows.push({ instances, cat, grab });
    }
  } finally {
    supervisorctl("start", "web-2");
    closeAgents();
    await closeDb();
  }

  const cores = os.cpus().length;
  const line = (r: (typeof rows)[number], f: Figure, what: string) =>
    `${what.padEnd(24)}${String(r.instances).padEnd(11)}${f.rps.toFixed(0).padStart(8)}${(f.rps / cores).toFixed(0).padStart(12)}${f.p50.toFixed(0).padStart(9)}${f.p99.toFixed(0).padStart(9)}${String(f.non2xx).padStart(8)}`;
  console.log(`\nThe web tier through nginx (${publicUrl()}), this machine: ${cores} cores shared by every process of the stack, one run\n`);
  console.log(`${"load".padEnd(24)}${"instances".padEnd(11)}${"req/s".padStart(8)}${"req/s/core".padStart(12)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"errors".padStart(8)}`);
  for (const r of rows) console.log(line(r, r.cat, "catalogue pages"));
  for (const r of rows) console.log(line(r, r.grab, `flash-sale rush (${GRABBERS})`));
  const [one, two] = rows;
  if (one && two) console.log(`\nTwo instances against one: catalogue ×${(two.cat.rps / one.cat.rps).toFixed(2)}, flash-sale rush ×${(two.grab.rps / one.grab.rps).toFixed(2)}.`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
