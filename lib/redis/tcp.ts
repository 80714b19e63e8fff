// A Redis connection over TCP (ioredis) for long-running work that REST cannot do: the job queue worker and
// pub/sub. Request handlers use lib/redis (REST) instead.
import "server-only";
import { Redis as IORedis, type RedisOptions } from "ioredis";
import { env } from "@/lib/config/env";

export function createTcpRedis(options: RedisOptions = {}): IORedis {
  return new IORedis(env().REDIS_URL, {
    // BullMQ requires this for its blocking connections; it also means commands wait for a reconnect.
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    connectionName: `xuefu-${process.env.XUEFU_SERVICE ?? "web"}`,
    ...options,
  });
}
