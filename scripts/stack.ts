// npm run stack [-- --build] [-- --canary 10] | stack:stop | stack:status
//
// The production topology on this machine, from Debian's packages, all on loopback, under .data/stack
// (scripts/stack/topology.ts draws it): nginx in front of two `next start` instances of one build, the worker
// and the real-time gateway; a MariaDB primary with a replica (binlog, GTID); Redis with a replica and three
// Sentinels; everything kept alive by Supervisor. The files it runs from (deploy/nginx, deploy/supervisor) are
// the reference deployment. The site answers on http://localhost:8080 with the demo data.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { nextBin, startChild } from "./local/children";
import { OAUTH_ENV_NAMES, startOAuthService, stopOAuthService } from "./local/oauth-service";
import { TOOLS, ensureTools } from "./local/packages";
import { startPaymentSandboxService, stopPaymentSandboxService } from "./local/payment-sandbox-service";
import { waitFor } from "./local/proc";
import { currentRedisMaster, prepareDataDirs, prepareMariadb, replicaState, waitForRedis } from "./stack/databases";
import { APP_PROGRAMS, nginxConf, supervisorConf } from "./stack/processes";
import { appEnv, dirs, publicUrl, renderEnvFile, stackProfile, stackSecrets, topology } from "./stack/topology";

const log = (msg: string) => console.log(`[stack] ${msg}`);
const flag = (name: string) => process.argv.includes(`--${name}`);
const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

export function supervisorctl(...args: string[]): { code: number; out: string } {
  const r = spawnSync("/usr/bin/supervisorctl", ["-c", dirs.supervisorConf, ...args], { encoding: "utf8" });
  return { code: r.status ?? 1, out: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

const supervisorRunning = () => fs.existsSync(dirs.supervisorConf) && supervisorctl("pid").code === 0 && /^\d+$/.test(supervisorctl("pid").out.trim());

async function build(env: Record<string, string>): Promise<void> {
  const buildId = path.join(dirs.dist, "BUILD_ID");
  if (fs.existsSync(buildId) && !flag("build")) {
    log(`Using the build in ${topology.distDir} (${fs.readFileSync(buildId, "utf8").trim()}); --build makes a new one.`);
    return;
  }
  log(`Building the app once for every instance into ${topology.distDir} (a few minutes) ...`);
  const child = startChild("next build", process.execPath, [nextBin, "build"], { ...process.env, ...env, NODE_ENV: "production" } as NodeJS.ProcessEnv);
  const code = await child.exited;
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
}

async function migrateAndSeed(env: Record<string, string>): Promise<void> {
  Object.assign(process.env, env, { NODE_ENV: "production" });
  const { db, pool, closeDb } = await import("@/db");
  const { runMigrations } = await import("@/db/migrate");
  const { seed } = await import("@/db/seed");
  try {
    await runMigrations(db(), pool());
    log("Database migrations applied on the primary.");
    // The stack is a rehearsal of production with the demo data in it; the seed refuses a real production.
    await seed(db(), { nodeEnv: "development", log });
  } finally {
    await closeDb();
  }
}

async function start(): Promise<void> {
  ensureTools([TOOLS.mariadb, TOOLS.mariadbClient, TOOLS.redis, TOOLS.ffmpeg, TOOLS.nginx, TOOLS.nginxBrotli, TOOLS.supervisor], log);
  const s = stackSecrets();
  prepareDataDirs(log);

  // The outside providers' stand-ins (not part of the topology; production talks to the real ones).
  const given = Object.fromEntries(OAUTH_ENV_NAMES.map((name) => [name, process.env[name]]));
  const oauth = Object.values(given).some(Boolean) ? {} : await startOAuthService(stackProfile, s.local.oauthApps, log);
  await startPaymentSandboxService(stackProfile, s.local.paymentSandbox, log);

  const env = appEnv(s, oauth as Record<string, string>);
  fs.writeFileSync(dirs.envFile, renderEnvFile(env), { mode: 0o600 });
  const canaryPercent = Number(option("canary") ?? 0);
  fs.writeFileSync(path.join(dirs.nginx, "nginx.conf"), nginxConf({ canaryPercent, canaryPorts: [] }));
  fs.writeFileSync(dirs.supervisorConf, supervisorConf());

  const wasRunning = supervisorRunning();
  if (wasRunning) {
    log("Supervisor is running; re-reading its configuration ...");
    supervisorctl("reread");
    supervisorctl("update");
  } else {
    log("Starting Supervisor with the databases ...");
    execFileSync("/usr/bin/supervisord", ["-c", dirs.supervisorConf], { stdio: "inherit" });
  }
  await prepareMariadb(s, log);
  await waitForRedis();
  await waitFor("the Redis REST gateway", async () => (await fetch(`http://127.0.0.1:${topology.restPort}/`, { method: "POST", headers: { authorization: `Bearer ${s.local.gatewayToken}` }, body: '["PING"]' })).ok, 20_000, path.join(dirs.log, "redis-rest.log"));

  await migrateAndSeed(env);
  await build(env);
  if (wasRunning) {
    // A second `npm run stack` brings the running processes onto the current code and build, one at a time,
    // so nginx always has an instance to send requests to.
    for (const program of ["redis-rest", ...APP_PROGRAMS]) {
      log(`Restarting ${program} ...`);
      supervisorctl("restart", program);
      if (program.startsWith("web-")) {
        const port = topology.webPorts[Number(program.slice(4)) - 1]!;
        await waitFor(program, async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok, 90_000, path.join(dirs.log, `${program}.log`));
      }
    }
  } else {
    log(`Starting ${APP_PROGRAMS.join(", ")} ...`);
    const started = supervisorctl("start", ...APP_PROGRAMS);
    if (started.code !== 0 && !/already started/.test(started.out)) log(started.out.trim());
  }
  await waitFor("the site through nginx", async () => (await fetch(`${publicUrl()}/api/health`)).ok, 90_000, path.join(dirs.log, "web-1.log"));
  await waitFor("the real-time gateway", async () => (await fetch(`http://127.0.0.1:${topology.realtimePort}/health`)).ok, 30_000, path.join(dirs.log, "gateway.log"));
  console.log(
    [
      "",
      `  学府 Xuefu, production topology: ${publicUrl()}`,
      `  nginx → web ${topology.webPorts.join(", ")} · gateway ${topology.realtimePort} · worker`,
      `  MariaDB primary ${topology.mysql.primary} → replica ${topology.mysql.replica} · Redis ${topology.redis.master} → ${topology.redis.replica}, Sentinels ${topology.sentinelPorts.join(", ")}`,
      "  npm run stack:status shows every process; npm run stack:drills runs the failure drills; npm run stack:stop stops it all.",
      "",
    ].join("\n"),
  );
}

async function stop(): Promise<void> {
  if (supervisorRunning()) {
    log("Stopping every process (Supervisor shuts down last) ...");
    supervisorctl("shutdown");
    const pidFile = path.join(dirs.run, "supervisord.pid");
    await waitFor("Supervisor to exit", async () => !fs.existsSync(pidFile), 90_000).catch(() => log("Supervisor is still stopping."));
  } else log("Supervisor is not running.");
  if (await stopPaymentSandboxService(stackProfile)) log("Stopped the payments sandbox.");
  if (await stopOAuthService(stackProfile)) log("Stopped the OAuth sign-in stand-in.");
}

async function status(): Promise<void> {
  if (!supervisorRunning()) {
    log("The stack is not running (npm run stack starts it).");
    process.exitCode = 3;
    return;
  }
  console.log(supervisorctl("status").out.trimEnd());
  try {
    const r = replicaState();
    console.log(`MariaDB replica: IO ${r.io ? "running" : "stopped"}, SQL ${r.sql ? "running" : "stopped"}, ${r.lagSeconds === null ? "lag unknown" : `${r.lagSeconds} s behind`}, GTID ${r.gtid}`);
  } catch (error) {
    console.log(`MariaDB replica: unreachable (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
  }
  const master = await currentRedisMaster();
  console.log(`Redis master (Sentinel): ${master ? `${master.host}:${master.port}` : "unknown"}`);
  const health = await fetch(`${publicUrl()}/api/health`).then(
    async (res) => `${res.status} ${await res.text()}`,
    (error: unknown) => String(error),
  );
  console.log(`Through nginx: GET /api/health → ${health}`);
}

const command = process.argv[2] ?? "start";
const actions: Record<string, () => Promise<void>> = { start, stop, status };
const action = actions[command];
if (!action) {
  console.error("usage: tsx scripts/stack.ts start|stop|status [--build] [--canary <percent>]");
  process.exit(2);
}
action().catch((error: unknown) => {
  console.error(`[stack] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
