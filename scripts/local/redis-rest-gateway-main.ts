// Entry point of the local Redis REST gateway process (started by scripts/local/gateway.ts):
//   REDIS_URL=redis://127.0.0.1:6380 UPSTASH_REDIS_REST_TOKEN=... GATEWAY_PORT=8079 tsx scripts/local/redis-rest-gateway-main.ts
// Logs JSON lines; stops cleanly on SIGTERM / SIGINT.
import pino from "pino";
import { startRedisRestGateway } from "./redis-rest-gateway";

const logger = pino({ base: { service: "redis-rest-gateway" }, timestamp: pino.stdTimeFunctions.isoTime });

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

async function main(): Promise<void> {
  const redisUrl = required("REDIS_URL");
  const token = required("UPSTASH_REDIS_REST_TOKEN");
  const rawPort = required("GATEWAY_PORT");
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`GATEWAY_PORT must be a port number, got "${rawPort}"`);

  // REDIS_SENTINELS=host:port,host:port (and REDIS_SENTINEL_MASTER): follow the master through a failover.
  const sentinels = (process.env.REDIS_SENTINELS ?? "")
    .split(",")
    .map((hp) => hp.trim())
    .filter(Boolean)
    .map((hp) => ({ host: hp.slice(0, hp.lastIndexOf(":")), port: Number(hp.slice(hp.lastIndexOf(":") + 1)) }));
  const gateway = await startRedisRestGateway({
    redisUrl,
    sentinels,
    sentinelMaster: process.env.REDIS_SENTINEL_MASTER || "xuefu",
    token,
    port,
    log: (msg, fields) => logger.info(fields ?? {}, msg),
  });
  logger.info({ url: gateway.url, port: gateway.port }, "Redis REST gateway listening");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "Redis REST gateway shutting down");
    await gateway.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  logger.fatal({ error: error instanceof Error ? error.message : String(error) }, "Redis REST gateway failed to start");
  process.exit(1);
});
