// npm run dev — the whole product on this machine: private MariaDB and Redis (unless configured elsewhere),
// migrations, demo data, the job worker, the real-time gateway (ws://localhost:3200/ws) and the Next.js dev
// server on http://localhost:3000.
import fs from "node:fs";
import path from "node:path";
import { loadEnvConfig } from "@next/env";
import { startChild, startGatewayProcess, startWorkerProcess, nextBin, stopChildren, type Child } from "./local/children";
import { projectRoot } from "./local/profile";
import { startServices } from "./local/services";
import { GENERATED_FILE, renderGenerated, scan } from "./rbac/scanner";

const log = (msg: string) => console.log(`[dev] ${msg}`);

/**
 * Re-reads the admin guards so a page or action added since the last run is registered before the migrations
 * sync the permission list. (While the dev server runs, `npm run rbac:scan` does the same; an unregistered
 * resource is refused to everyone until then.)
 */
function refreshAdminResources(): void {
  const result = scan(projectRoot);
  if (result.errors.length > 0) {
    log(`Admin resources with problems (they stay refused until fixed):\n  ${result.errors.join("\n  ")}`);
    return;
  }
  const file = path.join(projectRoot, GENERATED_FILE);
  const text = renderGenerated(result.resources);
  if (fs.readFileSync(file, "utf8") !== text) {
    fs.writeFileSync(file, text);
    log(`Admin resource list updated (${result.resources.length} resources).`);
  }
}

async function prepare(): Promise<NodeJS.ProcessEnv> {
  loadEnvConfig(projectRoot, true);
  const services = await startServices("dev", { log, given: process.env });
  // Browsers reach the gateway on its own port in development; production routes /ws to it instead.
  const realtime = { REALTIME_PUBLIC_URL: process.env.REALTIME_PUBLIC_URL ?? `ws://localhost:${process.env.REALTIME_PORT ?? "3200"}/ws` };
  const env: NodeJS.ProcessEnv = { ...process.env, ...services, ...realtime, NODE_ENV: "development", NEXT_TELEMETRY_DISABLED: "1" };
  Object.assign(process.env, env);

  const { parseEnv } = await import("@/lib/config/env");
  parseEnv(env);
  refreshAdminResources();
  const { db, pool, closeDb } = await import("@/db");
  const { runMigrations } = await import("@/db/migrate");
  const { seed, DEMO_ACCOUNTS, DEMO_PASSWORD } = await import("@/db/seed");
  try {
    await runMigrations(db(), pool());
    log("Database migrations applied.");
    await seed(db(), { nodeEnv: "development", log });
  } finally {
    await closeDb();
  }
  const port = process.env.PORT ?? "3000";
  console.log(
    [
      "",
      `  学府 Xuefu is starting on http://localhost:${port}`,
      "",
      `  Demo accounts (password ${DEMO_PASSWORD}):`,
      ...DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(30)} ${a.description}`),
      "",
      "  Local MariaDB and Redis keep running after you stop; `npm run services:stop` stops them.",
      "",
    ].join("\n"),
  );
  return env;
}

async function main(): Promise<void> {
  const env = await prepare();
  const children: Child[] = [
    startWorkerProcess(env),
    startGatewayProcess(env),
    startChild("web", process.execPath, [nextBin, "dev", "--port", process.env.PORT ?? "3000"], env),
  ];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await stopChildren(children);
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  const first = await Promise.race(children.map((c) => c.exited.then((code) => ({ name: c.name, code }))));
  if (!stopping) {
    log(`The ${first.name} process exited (code ${first.code}); stopping the rest.`);
    await stop(first.code || 1);
  }
}

main().catch((error: unknown) => {
  console.error(`[dev] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
