// Who is in a room, counted across every gateway instance: a sorted set per room in Redis whose members are
// learner ids scored by when their presence lapses. Each instance refreshes the learners it holds sockets
// for every few seconds, so a learner counts once however many tabs or instances they are on, and an
// instance that dies stops refreshing: its learners lapse within the TTL instead of being counted forever.
import "server-only";
import type { Redis as IORedis } from "ioredis";
import { key } from "@/lib/redis";

export interface RoomPresence {
  /** Marks these learners present in the channel; answers how many are present in all. */
  refresh(channel: string, userIds: readonly number[]): Promise<number>;
  /** The learner's last socket on this instance left the channel. */
  leave(channel: string, userId: number): Promise<void>;
}

export const presenceKey = (channel: string) => key("rt-presence", `{${channel}}`);

// KEYS[1] the set; ARGV[1] now, ARGV[2] lapse time, ARGV[3] key TTL ms, ARGV[4..] user ids.
const REFRESH = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
for i = 4, #ARGV do redis.call('ZADD', KEYS[1], ARGV[2], ARGV[i]) end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return redis.call('ZCARD', KEYS[1])
`;

export function redisPresence(redis: IORedis, ttlMs = 30_000): RoomPresence {
  return {
    async refresh(channel, userIds) {
      const now = Date.now();
      const count = await redis.eval(REFRESH, 1, presenceKey(channel), String(now), String(now + ttlMs), String(ttlMs * 2), ...userIds.map(String));
      return Number(count);
    },
    async leave(channel, userId) {
      await redis.zrem(presenceKey(channel), String(userId));
    },
  };
}
