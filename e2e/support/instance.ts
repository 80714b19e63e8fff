// A second production instance of the app on another port, sharing the database and Redis, as behind a
// load balancer. Uses the build and settings that `npm test` gave the first instance.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface Instance {
  url: string;
  stop(): Promise<void>;
}

/** `env` adds or overrides settings of the second instance (e.g. TRUSTED_PROXIES). */
export async function startSecondInstance(port: number, env: Record<string, string> = {}): Promise<Instance> {
  const next = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const child: ChildProcess = spawn(process.execPath, [next, "start", "--port", String(port)], {
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", ...env },
    stdio: "ignore",
  });
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
