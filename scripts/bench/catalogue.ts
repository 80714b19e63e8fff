// npm run bench:catalogue [-- --duration 10 --connections 50 --json]   (--serve: build, start, and wait;
// BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the two servers)
//
// Measures the catalogue's hot reads against a production build over loopback, all in one run:
// - two ceilings of the same build: a static file (/icon.svg, prerendered) and an empty route handler
//   (/api/v1/ping), i.e. what the framework itself can serve on this machine;
// - /courses, a course page and GET /api/v1/courses, each on a server with the Redis cache on and on a second
//   server of the same build with CATALOGUE_CACHE=off (every read goes to MySQL);
// - the first-load JavaScript of /courses and of a course page: the gzipped size of every script the HTML loads;
// - the framework's own floors, from a bare App Router app of the same Next.js (scripts/bench/bare-app) built and
//   started beside ours: a dynamic page that reads a cookie and renders a paragraph (no layout of ours), and the
//   first-load JavaScript of a page with one Link;
// - signed-in pages (a learner's session cookie, so they render per person and skip the page cache): the course
//   page, a lesson page of a course the learner holds, /account/courses and /cart.
// The cached pages are measured once more with `Accept-Encoding: gzip, deflate, br` as browsers send it (Next
// then compresses every answer), for reference: not a target.
// Targets: each cached path ≥ 70% of its ceiling's throughput (pages against the empty handler, as both render
// per request); each signed-in page ≥ 50% of the bare dynamic page's; first-load JS of /courses and a course
// page at most 10 kB gzipped above the bare app's.
// Uses the test profile's private MariaDB and Redis (fresh, seeded), so do not run it beside `npm test`.
import { execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { startChild, nextBin, stopChildren, type Child } from "../local/children";
import fs from "node:fs";
import path from "node:path";
import { profile, projectRoot } from "../local/profile";
import { waitFor } from "../local/proc";
import { stopServices } from "../local/services";
import { prepareTestServices } from "../local/test-env";
import { PAGE_CACHE_HEADER } from "../../lib/page-cache/rules";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DURATION = arg("duration", 10);
const CONNECTIONS = arg("connections", 50);
const JSON_OUT = process.argv.includes("--json");
const CACHED_PORT = 3200;
const UNCACHED_PORT = 3201;
const BARE_PORT = 3202;
const DIST = ".next-bench";
const BARE_SOURCE = path.join(projectRoot, "scripts", "bench", "bare-app");
/** Where the bare app is built: a copy outside Turbopack's view of our repository (see its next.config.js). */
const BARE_DIR = path.join(profile("test").dataDir, "bench-bare-app");
/** The first-load JavaScript our catalogue pages may add to the bare app's. */
const JS_ALLOWANCE = 10 * 1024;
const log = (msg: string) => console.error(`[bench] ${msg}`);
const reports = path.join(profile("test").dataDir, "reports");
const serverNodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
const BROWSER_ENCODING = "gzip, deflate, br";
/** Slow answers (the uncached pages under load) count as latency, not as errors. */
const TIMEOUT_SECONDS = 30;

interface Run {
  name: string;
  path: string;
  server: "cached" | "uncached" | "bare" | "signed-in";
  /** The Accept-Encoding sent ("identity" when none). */
  encoding: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** How the page cache answered (x-xuefu-page-cache values counted during the measured run), for pages. */
  pageCache: Record<string, number>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function load(name: string, port: number, target: string, server: Run["server"], encoding: string | null = null, cookie: string | null = null): Promise<Run> {
  const url = `http://127.0.0.1:${port}${target}`;
  const headers: Record<string, string> = { ...(encoding ? { "accept-encoding": encoding } : {}), ...(cookie ? { cookie } : {}) };
  // Warm up (JIT, connection pools, the cache), then measure.
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2, timeout: TIMEOUT_SECONDS });
  const latencies: number[] = [];
  const pageCache: Record<string, number> = {};
  const result = await autocannon({
    url,
    headers,
    connections: CONNECTIONS,
    duration: DURATION,
    timeout: TIMEOUT_SECONDS,
    setupClient: (client) => {
      client.on("response", (_status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
      // Count the page cache's verdicts, so a "cached" figure is known to come from the cache and an "uncached"
      // one known not to. autocannon passes the HTTP parser's info, whose `headers` is the raw list (name,
      // value, name, value, ...), although its types promise a headers object.
      const onHeaders = (info: unknown) => {
        const raw = (info as { headers?: unknown }).headers;
        if (!Array.isArray(raw)) return;
        for (let i = 0; i + 1 < raw.length; i += 2) {
          if (String(raw[i]).toLowerCase() === PAGE_CACHE_HEADER) {
            const value = String(raw[i + 1]);
            pageCache[value] = (pageCache[value] ?? 0) + 1;
          }
        }
      };
      client.on("headers", onHeaders as (headers: unknown) => void);
    },
  });
  latencies.sort((a, b) => a - b);
  const run: Run = { name, path: target, server, encoding: encoding ?? "identity", rps: result.requests.average, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors: result.errors + result.timeouts, non2xx: result.non2xx, pageCache };
  const verdicts = Object.entries(pageCache).map(([k, n]) => `${k} ${n}`).join(", ");
  log(`${name.padEnd(28)} ${server.padEnd(9)} ${run.rps.toFixed(0).padStart(6)} req/s  p50 ${run.p50.toFixed(1)} ms  p95 ${run.p95.toFixed(1)} ms  p99 ${run.p99.toFixed(1)} ms${run.non2xx || run.errors ? `  (${run.non2xx} non-2xx, ${run.errors} errors)` : ""}${verdicts ? `  page cache: ${verdicts}` : ""}`);
  return run;
}

/** The share of a run's answers the page cache served (hit, or stale while refilling). */
function hitRatio(run: Run): number {
  const total = Object.values(run.pageCache).reduce((a, b) => a + b, 0);
  return total === 0 ? 0 : ((run.pageCache.hit ?? 0) + (run.pageCache.stale ?? 0)) / total;
}

/**
 * Gzipped bytes of every script a page's HTML loads (the first-load JavaScript). `nomodule` scripts (Next's
 * polyfills for browsers without ES modules) are left out: every browser that runs the app's modules skips them.
 */
async function firstLoadJs(port: number, page: string): Promise<{ scripts: number; gzipBytes: number }> {
  const html = await (await fetch(`http://127.0.0.1:${port}${page}`)).text();
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].filter((m) => !/\bnomodule\b/i.test(m[0]));
  const sources = [...new Set(tags.map((m) => m[1]!))];
  let gzipBytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, `http://127.0.0.1:${port}`))).arrayBuffer());
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { scripts: sources.length, gzipBytes };
}

async function main(): Promise<void> {
  log("Preparing the private MariaDB and Redis (test profile, fresh seeded database) ...");
  fs.mkdirSync(reports, { recursive: true });
  // The learner's session token is signed in this process and checked by the cached server: both must name the
  // same issuer, and this process reads its settings once (seeding reads them first).
  process.env.APP_URL = `http://localhost:${CACHED_PORT}`;
  const services = await prepareTestServices({ log });
  const { NODE_ENV: _n, ...rest } = { ...process.env, ...services };
  const appEnv = { ...rest, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn" } as unknown as NodeJS.ProcessEnv;
  const children: Child[] = [];
  try {
    log(`Building into ${DIST} ...`);
    const build = startChild("build", process.execPath, [nextBin, "build"], { ...appEnv, APP_URL: `http://localhost:${CACHED_PORT}` }, { logFile: path.join(reports, "bench-build.log") });
    if ((await build.exited) !== 0) throw new Error("next build failed; see .data/test/reports/bench-build.log");
    log(`Building the bare app in ${path.relative(projectRoot, BARE_DIR)} ...`);
    prepareBareApp();
    const bareNext = path.join(BARE_DIR, "node_modules", "next", "dist", "bin", "next");
    const bareEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_TELEMETRY_DISABLED: "1" } as unknown as NodeJS.ProcessEnv;
    const bareBuild = startChild("build:bare", process.execPath, [bareNext, "build", BARE_DIR], bareEnv, { logFile: path.join(reports, "bench-bare-build.log") });
    if ((await bareBuild.exited) !== 0) throw new Error("the bare app's build failed; see .data/test/reports/bench-bare-build.log");
    children.push(startChild("web:bare", process.execPath, [...serverNodeArgs, bareNext, "start", BARE_DIR, "--port", String(BARE_PORT)], { ...bareEnv, NODE_ENV: "production" }, { logFile: path.join(reports, "bench-web-bare.log") }));
    for (const [port, cacheMode] of [
      [CACHED_PORT, "on"],
      [UNCACHED_PORT, "off"],
    ] as const) {
      children.push(startChild(`web:${port}`, process.execPath, [...serverNodeArgs, nextBin, "start", "--port", String(port)], { ...appEnv, NODE_ENV: "production", APP_URL: `http://localhost:${port}`, CATALOGUE_CACHE: cacheMode }, { logFile: path.join(reports, `bench-web-${port}.log`) }));
    }
    for (const port of [CACHED_PORT, UNCACHED_PORT]) await waitFor(`the server on :${port}`, async () => (await fetch(`http://127.0.0.1:${port}/api/v1/ping`)).status === 204, 60_000);
    await waitFor("the bare app", async () => (await fetch(`http://127.0.0.1:${BARE_PORT}/dynamic`)).ok, 60_000);

    const list = (await (await fetch(`http://127.0.0.1:${CACHED_PORT}/api/v1/courses?sortby=popular&per_page=1`)).json()) as { data: Array<{ slug: string }> };
    const slug = list.data[0]?.slug;
    if (!slug) throw new Error("no published course to measure");
    const coursePage = `/courses/${slug}`;
    for (const page of ["/courses", coursePage, "/api/v1/courses"]) {
      const res = await fetch(`http://127.0.0.1:${CACHED_PORT}${page}`);
      if (!res.ok) throw new Error(`${page} answered ${res.status}; is the page built?`);
    }
    const learner = await signInLearner();
    const lessonPage = `/courses/${learner.course.slug}/lessons/${learner.course.lessonId}`;
    const signedInPages = [
      ["course page", coursePage],
      ["lesson page", lessonPage],
      ["/account/courses", "/account/courses"],
      ["/cart", "/cart"],
    ] as const;
    // Each must really render for the learner: the account menu is there, and the lesson is open to them.
    for (const [, page] of signedInPages) {
      const res = await fetch(`http://127.0.0.1:${CACHED_PORT}${page}`, { headers: { cookie: learner.cookie }, redirect: "manual" });
      const html = await res.text();
      if (res.status !== 200 || !html.includes('data-testid="account-menu"')) {
        if (process.argv.includes("--serve")) log(`${page} did not render signed in (status ${res.status}); cookie: ${learner.cookie}`);
        else throw new Error(`${page} did not render signed in (status ${res.status})`);
      }
      if (page === lessonPage && !html.includes('data-access="enrolled"') && !process.argv.includes("--serve")) throw new Error(`${page} is not open to the learner`);
    }

    if (process.argv.includes("--serve")) {
      // For profiling by hand: the two servers stay up until this process is stopped.
      log(`Serving: cached http://127.0.0.1:${CACHED_PORT}, uncached http://127.0.0.1:${UNCACHED_PORT} (course page ${coursePage}). Ctrl-C stops.`);
      await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
      return;
    }
    log(`Load: ${CONNECTIONS} connections, ${DURATION} s per path, over loopback.`);
    const runs: Run[] = [];
    runs.push(await load("ceiling: static file", CACHED_PORT, "/icon.svg", "cached"));
    runs.push(await load("ceiling: empty handler", CACHED_PORT, "/api/v1/ping", "cached"));
    // Not a target, a reference: the cheapest dynamic page there is (the site shell around a short message),
    // i.e. what rendering any page per request costs before the catalogue adds anything.
    runs.push(await load("reference: shell-only page", CACHED_PORT, "/forbidden", "cached"));
    // The framework's floor for a page that renders per request: a bare app's dynamic page, with the same cookie.
    runs.push(await load("ceiling: bare dynamic page", BARE_PORT, "/dynamic", "bare", null, learner.cookie));
    for (const [name, target] of [
      ["/courses", "/courses"],
      ["course page", coursePage],
      ["GET /api/v1/courses", "/api/v1/courses"],
    ] as const) {
      runs.push(await load(name, CACHED_PORT, target, "cached"));
      runs.push(await load(name, UNCACHED_PORT, target, "uncached"));
    }
    for (const [name, target] of signedInPages) runs.push(await load(name, CACHED_PORT, target, "signed-in", null, learner.cookie));
    // Reference: the cached pages for a browser, which accepts gzip (so Next compresses every answer).
    runs.push(await load("/courses, gzip", CACHED_PORT, "/courses", "cached", BROWSER_ENCODING));
    runs.push(await load("course page, gzip", CACHED_PORT, coursePage, "cached", BROWSER_ENCODING));
    const js = { courses: await firstLoadJs(CACHED_PORT, "/courses"), course: await firstLoadJs(CACHED_PORT, coursePage), bare: await firstLoadJs(BARE_PORT, "/") };

    const ceiling = runs.find((r) => r.path === "/api/v1/ping")!;
    const bare = runs.find((r) => r.server === "bare")!;
    // Signed-in pages are compared with the bare dynamic page, everything else with the empty handler.
    const rows = runs.map((r) => ({ ...r, ofCeiling: r.rps / (r.server === "signed-in" ? bare.rps : ceiling.rps) }));
    console.log("\nCatalogue benchmark (production build, loopback, one run)\n");
    console.log("path                          cache      req/s   p50 ms   p95 ms   p99 ms   vs ceiling         page-cache hits");
    const isPage = (r: Run) => r.path === "/courses" || r.path === coursePage;
    for (const r of rows) {
      const against = r.server === "signed-in" ? " of bare" : " of empty";
      console.log(`${r.name.padEnd(29)} ${r.server.padEnd(9)} ${r.rps.toFixed(0).padStart(6)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)}   ${(r.ofCeiling * 100).toFixed(0).padStart(4)}%${against}${isPage(r) && r.server !== "signed-in" ? `${(hitRatio(r) * 100).toFixed(0).padStart(9)}%` : ""}`);
    }
    const kb = (b: number) => (b / 1024).toFixed(1);
    console.log(`\nFirst-load JavaScript (gzip): /courses ${kb(js.courses.gzipBytes)} kB in ${js.courses.scripts} scripts; course page ${kb(js.course.gzipBytes)} kB in ${js.course.scripts} scripts; bare app with one Link ${kb(js.bare.gzipBytes)} kB in ${js.bare.scripts} scripts`);
    const cachedRuns = rows.filter((r) => r.server === "cached" && r.encoding === "identity" && !r.name.startsWith("ceiling") && !r.name.startsWith("reference"));
    const jsLimit = js.bare.gzipBytes + JS_ALLOWANCE;
    const checks = [
      ...cachedRuns.map((r) => ({ what: `${r.name} cached ≥ 70% of the empty handler`, ok: r.ofCeiling >= 0.7, value: `${(r.ofCeiling * 100).toFixed(0)}%` })),
      ...rows.filter((r) => r.server === "signed-in").map((r) => ({ what: `${r.name} signed in ≥ 50% of the bare dynamic page`, ok: r.ofCeiling >= 0.5, value: `${(r.ofCeiling * 100).toFixed(0)}%` })),
      { what: `/courses first-load JS ≤ bare app + 10 kB (${kb(jsLimit)} kB) gzip`, ok: js.courses.gzipBytes <= jsLimit, value: `${kb(js.courses.gzipBytes)} kB` },
      { what: `course page first-load JS ≤ bare app + 10 kB (${kb(jsLimit)} kB) gzip`, ok: js.course.gzipBytes <= jsLimit, value: `${kb(js.course.gzipBytes)} kB` },
      // Honesty of the comparison: the cached pages really came from the page cache, the uncached ones never did.
      ...rows.filter((r) => isPage(r) && r.server !== "signed-in").map((r) => (r.server === "cached" ? { what: `${r.name} cached: ≥ 95% page-cache hits`, ok: hitRatio(r) >= 0.95, value: `${(hitRatio(r) * 100).toFixed(1)}%` } : { what: `${r.name} uncached: no page-cache hits`, ok: hitRatio(r) === 0, value: `${(hitRatio(r) * 100).toFixed(1)}%` })),
      { what: "no errors or non-2xx answers", ok: rows.every((r) => r.errors === 0 && r.non2xx === 0), value: rows.reduce((n, r) => n + r.errors + r.non2xx, 0).toString() },
    ];
    console.log("\nTargets:");
    for (const c of checks) console.log(`  ${c.ok ? "met " : "MISS"}  ${c.what}: ${c.value}`);
    if (JSON_OUT) console.log(JSON.stringify({ runs: rows, firstLoadJs: js, targetsMet: checks.every((c) => c.ok) }));
    process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
  } finally {
    // The learner's session was written through the app's own MySQL pool, which would keep this process alive.
    const { closeDb } = await import("@/db");
    await closeDb().catch(() => undefined);
    await stopChildren(children);
    await stopServices("test", () => undefined);
  }
}

/**
 * A fresh copy of scripts/bench/bare-app to build, with our node_modules hard-linked beside it (the same Next.js
 * and React, no download): Turbopack compiles nothing outside the root it is given.
 */
function prepareBareApp(): void {
  fs.rmSync(BARE_DIR, { recursive: true, force: true });
  fs.cpSync(BARE_SOURCE, BARE_DIR, { recursive: true });
  const from = path.join(projectRoot, "node_modules");
  const to = path.join(BARE_DIR, "node_modules");
  try {
    execFileSync("cp", ["-al", from, to]);
  } catch {
    // Another file system (hard links impossible): a real copy, slower but the same.
    fs.rmSync(to, { recursive: true, force: true });
    execFileSync("cp", ["-a", from, to]);
  }
}

/**
 * The demo learner's browser session, as a real sign-in leaves it (registered in Redis, an RS256 token in the
 * Auth.js cookie), and a course they hold with a lesson that is not a free preview.
 */
async function signInLearner(): Promise<{ cookie: string; course: { slug: string; lessonId: number } }> {
  const { db } = await import("@/db");
  const { chapters, courses, enrolments, lessons, users } = await import("@/db/schema");
  const { and, asc, eq } = await import("drizzle-orm");
  const { registerSession } = await import("@/lib/auth/session-registry");
  const { signToken } = await import("@/lib/auth/jwt");
  const [user] = await db().select({ id: users.id, name: users.name }).from(users).where(eq(users.email, "learner@example.com")).limit(1);
  if (!user) throw new Error("the demo learner is missing from the seeded database");
  const [held] = await db()
    .select({ slug: courses.slug, lessonId: lessons.id })
    .from(enrolments)
    .innerJoin(courses, eq(courses.id, enrolments.courseId))
    .innerJoin(chapters, eq(chapters.courseId, courses.id))
    .innerJoin(lessons, eq(lessons.chapterId, chapters.id))
    .where(and(eq(enrolments.userId, user.id), eq(courses.status, "published"), eq(lessons.isFreePreview, false)))
    .orderBy(asc(enrolments.id), asc(lessons.id))
    .limit(1);
  if (!held) throw new Error("the demo learner holds no published course with a lesson to open");
  const ttl = 3600;
  const session = await registerSession(user.id, "web", { userAgent: "catalogue-bench", ip: "127.0.0.1" }, ttl);
  const token = await signToken({ sub: String(user.id), sid: session.sid, kind: "web" }, ttl, undefined, { name: user.name });
  return { cookie: `authjs.session-token=${token}`, course: held };
}

main().catch((error: unknown) => {
  console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
