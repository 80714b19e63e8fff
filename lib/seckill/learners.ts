// Many signed-in learners at once, for the flash-sale tests and the benchmark (never imported by the app):
// users inserted in bulk, each with a session registered in Redis (one pipelined write for all) and a bearer
// token signed for it, exactly what a real sign-in would leave behind.
import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { signToken } from "@/lib/auth/jwt";
import { key } from "@/lib/redis";
import type { Redis as IORedis } from "ioredis";
import { createTcpRedis } from "@/lib/redis/tcp";

export interface Learner {
  userId: number;
  /** The session the bearer token belongs to. */
  sid: string;
  bearer: string;
}

/** `sessions`: another Redis (TCP) to register the sessions in, for tests that run their own. */
export async function createLearners(count: number, ttlSeconds = 3600, sessions?: IORedis): Promise<Learner[]> {
  const batch = randomUUID().slice(0, 8);
  for (let start = 0; start < count; start += 1000) {
    const n = Math.min(1000, count - start);
    await db()
      .insert(users)
      .values(Array.from({ length: n }, (_, i) => ({ email: `seckill-${batch}-${start + i}@example.com`, name: `学员 ${start + i}` })));
  }
  const rows = await db()
    .select({ id: users.id })
    .from(users)
    .where(and(like(users.email, `seckill-${batch}-%`), eq(users.disabled, false)));
  const tcp = sessions ?? createTcpRedis({ connectionName: "xuefu-seckill-learners" });
  try {
    const now = new Date();
    const expires = new Date(now.getTime() + ttlSeconds * 1000);
    const learners: Learner[] = [];
    const pipeline = tcp.pipeline();
    for (const { id } of rows) {
      const sid = randomBytes(16).toString("base64url");
      const info = { sid, userId: id, kind: "api", userAgent: "seckill-bench", ip: "127.0.0.1", createdAt: now.toISOString(), lastSeenAt: now.toISOString(), expiresAt: expires.toISOString() };
      pipeline.set(key("sess", sid), JSON.stringify(info), "EX", ttlSeconds);
      pipeline.zadd(key("user-sess", id), expires.getTime(), sid);
      learners.push({ userId: id, sid, bearer: await signToken({ sub: String(id), sid, kind: "api" }, ttlSeconds) });
    }
    await pipeline.exec();
    return learners;
  } finally {
    if (!sessions) await tcp.quit().catch(() => undefined);
  }
}
