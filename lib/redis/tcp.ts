// A Redis connection over TCP (ioredis) for long-running work that REST cannot do: the job queue worker and
// pub/sub. Request handlers use lib/redis (REST) instead. With REDIS_SENTINELS set, the connection asks the
// Sentinels for the master and follows it through a failover (the production topology, `npm run stack`).
import "server-only";
import { Redis as IORedis, type RedisOptions } from "ioredis";
import { env } from "@/lib/config/env";

/** host:port pairs of "a:1,b:2". */
export function parseSentinels(list: string): Array<{ host: string; port: number }> {
  return list
    .split(",")
    .map((hp) => hp.trim())
    .filter(Boolean)
    .map((hp) => {
      const at = hp.lastIndexOf(":");
      return { host: hp.slice(0, at), port: Number(hp.slice(at + 1)) };
    });
}

/** Connection options for REDIS_URL, or for the Sentinels' current master when REDIS_SENTINELS is set. */
export function tcpRedisOptions(redisUrl: string, sentinels: string, masterName: string): RedisOptions {
  if (!sentinels) return {};
  const url = new URL(redisUrl);
  return {
    sentinels: parseSentinels(sentinels),
    name: masterName,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    username: url.username && url.username !== "default" ? decodeURIComponent(url.username) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    ...(url.protocol === "rediss:" ? { tls: {} } : {}),
    // A master that turned replica refuses writes with READONLY: reconnect, which asks the Sentinels again.
    reconnectOnError: (error) => error.message.startsWith("READONLY"),
    // A hung master keeps its TCP connection open and answers nothing: listen for the Sentinels' switch-master
    // and reconnect to the new master then, instead of waiting on the old one forever.
    failoverDetector: true,
  };
}

export function createTcpRedis(options: RedisOptions = {}): IORedis {
  const e = env();
  const common: RedisOptions = {
    // BullMQ requires this for its blocking connections; it also means commands wait for a reconnect.
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    connectionName: `xuefu-${process.env.XUEFU_SERVICE ?? "web"}`,
  };
  if (e.REDIS_SENTINELS) return new IORedis({ ...common, ...tcpRedisOptions(e.REDIS_URL, e.REDIS_SENTINELS, e.REDIS_SENTINEL_MASTER), ...options });
  return new IORedis(e.REDIS_URL, { ...common, ...options });
}
