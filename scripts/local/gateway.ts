// Runs the Upstash-protocol REST gateway (redis-rest-gateway.ts) as a background process for one profile.
import { daemonFiles, daemonRunning, spawnDaemon, stopDaemon } from "./daemon";
import { assertPortFree, waitFor } from "./proc";
import { portVar, type Profile } from "./profile";

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
  const d = daemonFiles(p, "gateway");
  if (daemonRunning(d)) {
    await waitFor("Redis REST gateway", () => answers(p, token), 10_000, d.logFile);
    return;
  }
  await assertPortFree(p.gatewayPort, "the Redis REST gateway", portVar(p.name, "GATEWAY_PORT"));
  spawnDaemon(p, d, "redis-rest-gateway-main.ts", { REDIS_URL: redisUrl, UPSTASH_REDIS_REST_TOKEN: token, GATEWAY_PORT: String(p.gatewayPort) });
  log(`Starting the Redis REST gateway on 127.0.0.1:${p.gatewayPort} ...`);
  await waitFor("Redis REST gateway", () => answers(p, token), 20_000, d.logFile);
}

export const stopGateway = (p: Profile): Promise<boolean> => stopDaemon(daemonFiles(p, "gateway"));
