// The test profile made ready: private services up, an empty database migrated and seeded, Redis emptied.
// Used by `npm test` (scripts/test.ts) and by Vitest's global setup when a test file is run on its own.
import net from "node:net";
import { TOOLS, type Tool } from "./packages";
import { recreateDatabase } from "./mariadb";
import { profile } from "./profile";
import { startServices, type ServiceEnv } from "./services";

function flushRedis(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: "127.0.0.1" }, () => socket.write("FLUSHALL\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      if (data.toString().startsWith("+OK")) resolve();
      else reject(new Error(`FLUSHALL answered ${data.toString().trim()}`));
    });
    socket.once("error", reject);
  });
}

export async function prepareTestServices(opts: { log: (msg: string) => void; withBrowser?: boolean }): Promise<ServiceEnv> {
  // nginx: the tests check the reference deployment's nginx configuration with `nginx -t` (scripts/stack/deploy-files.ts).
  const alsoEnsure: Tool[] = [TOOLS.nginx, TOOLS.nginxBrotli, ...(opts.withBrowser ? [TOOLS.chromium, TOOLS.cjkFonts] : [])];
  const services = await startServices("test", { log: opts.log, alsoEnsure });
  const p = profile("test");
  recreateDatabase(p);
  await flushRedis(p.redisPort);
  Object.assign(process.env, services, { NODE_ENV: "test" });

  const { db, pool, closeDb } = await import("@/db");
  const { runMigrations } = await import("@/db/migrate");
  const { seed } = await import("@/db/seed");
  try {
    await runMigrations(db(), pool());
    const started = Date.now();
    const result = await seed(db(), { nodeEnv: "test" });
    opts.log(`Test database migrated and seeded (${result.courses} courses, ${result.learners} learners) in ${Date.now() - started} ms.`);
  } finally {
    await closeDb();
  }
  return services;
}
