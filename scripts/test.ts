// npm test — the whole suite: lint, typecheck, unit and integration tests (Vitest, against the real MariaDB
// and Redis of the test profile), then the Playwright end-to-end suite against a production build in
// Debian's Chromium. `npm run test:unit` / `npm run test:e2e` run one half.
// Ends with one line "N passed, N failed, N skipped" summing every test that ran.
import fs from "node:fs";
import path from "node:path";
import { startChild, startWorkerProcess, nextBin, stopChildren, type Child } from "./local/children";
import { profile, projectRoot } from "./local/profile";
import { waitFor } from "./local/proc";
import { stopServices } from "./local/services";
import { prepareTestServices } from "./local/test-env";

const log = (msg: string) => console.log(`\n[test] ${msg}`);
const mode = (process.argv[2] ?? "all") as "all" | "unit" | "e2e";
/** `npm run test:e2e -- e2e/admin-access.spec.ts` or `npm run test:unit -- lib/rbac`: run only those files. */
const only = process.argv.slice(3);
const p = profile("test");
const reports = path.join(p.dataDir, "reports");
const bin = (name: string) => path.join(projectRoot, "node_modules", ".bin", name);
const E2E_PORT = Number(process.env.XUEFU_E2E_PORT ?? 3100);

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

async function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  log(`${name}: ${path.basename(command)} ${args.join(" ")}`);
  const started = Date.now();
  const code = await startChild(name, command, args, env).exited;
  log(`${name}: ${code === 0 ? "ok" : `FAILED (exit ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (code !== 0) failures.push(name);
  return code === 0;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

async function unit(env: NodeJS.ProcessEnv): Promise<void> {
  const out = path.join(reports, "vitest.json");
  fs.rmSync(out, { force: true });
  await run("vitest", bin("vitest"), ["run", ...only, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], env);
  const r = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(out);
  if (!r) return void failures.push("vitest (no report)");
  tally.passed += r.numPassedTests;
  tally.failed += r.numFailedTests;
  tally.skipped += r.numPendingTests + r.numTodoTests;
}

async function e2e(env: NodeJS.ProcessEnv): Promise<void> {
  const distDir = ".next-test";
  // next build and next start set NODE_ENV=production themselves.
  const { NODE_ENV: _testEnv, ...rest } = env;
  const appEnv: NodeJS.ProcessEnv = { ...rest, NEXT_DIST_DIR: distDir, APP_URL: `http://localhost:${E2E_PORT}`, LOG_LEVEL: "info", NOTIFY_SENDER: "log", NOTIFY_LOG_IN_PRODUCTION: "allow", XUEFU_TEST_CLOCK: "on" } as unknown as NodeJS.ProcessEnv;
  if (!(await run("next build", process.execPath, [nextBin, "build"], appEnv))) return;

  // The servers' own logs go to files: the resilience tests make them log outages on purpose.
  const webLog = path.join(reports, "web.log");
  const workerLog = path.join(reports, "worker.log");
  for (const file of [webLog, workerLog]) fs.rmSync(file, { force: true });
  const children: Child[] = [
    startChild("web", process.execPath, [nextBin, "start", "--port", String(E2E_PORT)], { ...appEnv, NODE_ENV: "production" }, { logFile: webLog }),
    startWorkerProcess({ ...appEnv, NODE_ENV: "production" }, { logFile: workerLog }),
  ];
  log(`Production server on http://localhost:${E2E_PORT}; its log: ${path.relative(projectRoot, webLog)}, the worker's: ${path.relative(projectRoot, workerLog)}`);
  try {
    await waitFor("the production server", async () => (await fetch(`http://localhost:${E2E_PORT}/api/health`)).ok, 60_000);
    const out = path.join(reports, "playwright.json");
    fs.rmSync(out, { force: true });
    // The suite gets the app's settings too: some tests start a second instance beside the first.
    await run("playwright", bin("playwright"), ["test", ...only], { ...appEnv, E2E_BASE_URL: `http://localhost:${E2E_PORT}`, PLAYWRIGHT_JSON_OUTPUT_NAME: out, E2E_SERVER_LOGS: [webLog, workerLog].join(path.delimiter) });
    const r = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(out);
    if (!r) return void failures.push("playwright (no report)");
    tally.passed += r.stats.expected + r.stats.flaky;
    tally.failed += r.stats.unexpected;
    tally.skipped += r.stats.skipped;
  } finally {
    await stopChildren(children);
  }
}

async function main(): Promise<void> {
  fs.mkdirSync(reports, { recursive: true });
  if (mode === "all") {
    await run("lint", bin("eslint"), ["."]);
    await run("typecheck", bin("tsc"), ["--noEmit"]);
  }
  log("Preparing the test services (private MariaDB and Redis under .data/test) ...");
  const services = await prepareTestServices({ log, withBrowser: mode !== "unit" });
  const env: NodeJS.ProcessEnv = { ...process.env, ...services, NODE_ENV: "test", XUEFU_TEST_PREPARED: "1", NEXT_TELEMETRY_DISABLED: "1" };
  try {
    if (mode !== "e2e") await unit(env);
    if (mode !== "unit") await e2e(env);
  } finally {
    await stopServices("test", () => undefined);
  }
  console.log(`\n${failures.length ? `Failed steps: ${failures.join(", ")}` : "All steps passed."}`);
  console.log(`${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
  process.exit(failures.length || tally.failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(`[test] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
