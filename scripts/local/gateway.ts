// Runs the Upstash-protocol REST gateway (redis-rest-gateway.ts) as a background process for one profile.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { assertPortFree, isAlive, readPid, stopPid, waitFor } from "./proc";
import { projectRoot, type Profile } from "./profile";

const files = (p: Profile) => ({ pid: path.join(p.runDir, "gateway.pid"), log: path.join(p.logDir, "gateway.log") });

export const gatewayUrl = (p: Profile) => `http://127.0.0.1:${p.gatewayPort}`;

async function answers(p: Profile, token: string): Promise<boolean> {
  const res = await fetch(gatewayUrl(p), {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(["PING"]),
    signal: AbortSignal.timeout(1000),
  });
  return res.status !== 401 && res.status < 500;
}

export async function startGateway(p: Profile, redisUrl: string, token: string, log: (msg: string) => void): Promise<void> {
  const f = files(p);
  if (isAlive(readPid(f.pid))) {
    await waitFor("Redis REST gateway", () => answers(p, token), 10_000, f.log);
    return;
  }
  await assertPortFree(p.gatewayPort, "the Redis REST gateway", p.name === "dev" ? "XUEFU_GATEWAY_PORT" : "XUEFU_TEST_GATEWAY_PORT");
  fs.mkdirSync(p.runDir, { recursive: true });
  fs.mkdirSync(p.logDir, { recursive: true });
  const out = fs.openSync(f.log, "a");
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts/local/redis-rest-gateway-main.ts")], {
    cwd: projectRoot,
    detached: true,
    stdio: ["ignore", out, out],
    env: { ...process.env, REDIS_URL: redisUrl, UPSTASH_REDIS_REST_TOKEN: token, GATEWAY_PORT: String(p.gatewayPort) },
  });
  child.unref();
  fs.closeSync(out);
  fs.writeFileSync(f.pid, String(child.pid));
  log(`Starting the Redis REST gateway on 127.0.0.1:${p.gatewayPort} ...`);
  await waitFor("Redis REST gateway", () => answers(p, token), 20_000, f.log);
}

export async function stopGateway(p: Profile): Promise<boolean> {
  const f = files(p);
  const pid = readPid(f.pid);
  fs.rmSync(f.pid, { force: true });
  if (!isAlive(pid)) return false;
  await stopPid(pid, 5_000);
  return true;
}
