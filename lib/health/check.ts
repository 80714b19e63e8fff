// Liveness of the two dependencies every instance needs. Each probe has a short deadline, so a dead database
// or Redis gives a quick "down" instead of a hanging health check.
import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db";
import { logger as rootLogger, type Logger } from "@/lib/log";
import { redis } from "@/lib/redis";

export type DependencyState = "ok" | "down";
export interface Health {
  status: "ok" | "degraded";
  db: DependencyState;
  redis: DependencyState;
}

const PROBE_TIMEOUT_MS = 2_000;

async function probe(log: Logger, name: string, run: () => Promise<unknown>): Promise<DependencyState> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
      }),
    ]);
    return "ok";
  } catch (error) {
    log.warn({ dependency: name, err: error }, "health probe failed");
    return "down";
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(log: Logger = rootLogger): Promise<Health> {
  const [dbState, redisState] = await Promise.all([
    probe(log, "db", () => db().execute(sql`SELECT 1`)),
    probe(log, "redis", async () => {
      const pong = await redis().ping();
      if (pong !== "PONG") throw new Error(`unexpected PING answer: ${String(pong)}`);
    }),
  ]);
  return { status: dbState === "ok" && redisState === "ok" ? "ok" : "degraded", db: dbState, redis: redisState };
}
