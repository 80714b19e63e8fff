// Reads on every request's path (the middleware's session check) over one kept TCP connection per process.
// Through the REST client each read is an HTTP request on both ends — our undici client and the REST endpoint —
// about a millisecond of CPU per signed-in request, the largest single cost the middleware had; over TCP it is a
// few microseconds. Web instances already keep a TCP connection for the job queue (lib/jobs/queues.ts).
//
// The connection never queues commands: while it is not ready (starting, reconnecting), reads go through the
// REST client as before, so a restart or a blip costs speed, never a wrong answer or a hung request.
import "server-only";
import type { Redis as IORedis } from "ioredis";
import { logger } from "@/lib/log";
import { redis } from "./index";
import { createTcpRedis } from "./tcp";

const holder = globalThis as unknown as { __xuefuHotRedis?: IORedis };

function connection(): IORedis {
  if (!holder.__xuefuHotRedis) {
    const tcp = createTcpRedis({
      connectionName: `xuefu-${process.env.XUEFU_SERVICE ?? "web"}-hot`,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 1_000,
      connectTimeout: 2_000,
    });
    tcp.on("error", (error: Error) => logger.debug({ err: error }, "hot-read Redis connection error"));
    holder.__xuefuHotRedis = tcp;
  }
  return holder.__xuefuHotRedis;
}

/** GET of several keys in one round trip (null where a key is missing). */
export async function getMany(keys: string[]): Promise<Array<string | null>> {
  const tcp = connection();
  if (tcp.status === "ready") {
    try {
      return await tcp.mget(...keys);
    } catch (error) {
      logger.warn({ err: error }, "hot-read Redis failed; reading over REST");
    }
  }
  return (await redis().mget<Array<string | null>>(...keys)).map((value) => (value === null || value === undefined ? null : String(value)));
}
