// npm run dev — the whole product on this machine: private MariaDB and Redis (unless configured elsewhere),
// migrations, demo data, the job worker and the Next.js dev server on http://localhost:3000.
import { loadEnvConfig } from "@next/env";
import { startChild, startWorkerProcess, nextBin, stopChildren, type Child } from "./local/children";
import { projectRoot } from "./local/profile";
import { startServices } from "./local/services";

const log = (msg: string) => console.log(`[dev] ${msg}`);

async function prepare(): Promise<NodeJS.ProcessEnv> {
  loadEnvConfig(projectRoot, true);
  const services = await startServices("dev", { log, given: process.env });
  const env: NodeJS.ProcessEnv = { ...process.env, ...services, NODE_ENV: "development", NEXT_TELEMETRY_DISABLED: "1" };
  Object.assign(process.env, env);

  const { parseEnv } = await import("@/lib/config/env");
  parseEnv(env);
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
