// npm run db:migrate | db:seed — against the configured database, or the private development MariaDB
// (started if needed). `--test` acts on the test profile instead.
import { loadEnvConfig } from "@next/env";
import { projectRoot, type ProfileName } from "./local/profile";
import { startServices } from "./local/services";

const log = (msg: string) => console.log(`[db] ${msg}`);

async function main(): Promise<void> {
  const command = process.argv[2];
  if (command !== "migrate" && command !== "seed") {
    console.error("usage: tsx scripts/db.ts migrate|seed [--test]");
    process.exit(2);
  }
  const name: ProfileName = process.argv.includes("--test") ? "test" : "dev";
  loadEnvConfig(projectRoot, name === "dev");
  Object.assign(process.env, await startServices(name, { log, given: process.env }));

  const { db, pool, closeDb } = await import("@/db");
  try {
    const started = Date.now();
    if (command === "migrate") {
      const { runMigrations } = await import("@/db/migrate");
      await runMigrations(db(), pool());
      log(`Migrations applied in ${Date.now() - started} ms.`);
    } else {
      const { seed } = await import("@/db/seed");
      const result = await seed(db(), { nodeEnv: process.env.NODE_ENV ?? "development", log });
      log(`Seed ${result.created ? "written" : "already present; demo accounts refreshed"} in ${Date.now() - started} ms: ${JSON.stringify(result)}`);
    }
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(`[db] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
