// The time the membership rules go by for a learner: whether they are a member, which courses their
// membership opens, what they pay. It is the real time, except in the end-to-end suite, which turns on
// XUEFU_TEST_CLOCK (allowed on localhost only: lib/config/env.ts) and moves one learner's clock forward by an
// offset kept in Redis, on every web instance at once, to watch that learner's membership run out without
// waiting a month while the tests running beside it keep the real time. The expiry job takes its moment
// from its payload in that mode (lib/jobs/handlers.ts). Unit tests pass `now` to the functions instead.
import "server-only";
import { env } from "@/lib/config/env";
import { key, redis } from "@/lib/redis";

/** The Redis key holding a learner's test clock offset from real time, in milliseconds. */
export const testClockKey = (userId: number) => key("test-clock", "user", userId);

export const testClockOn = () => env().XUEFU_TEST_CLOCK === "on";

export async function clockNow(userId?: number | null): Promise<Date> {
  if (!testClockOn() || !userId) return new Date();
  const offset = Number((await redis().get<number | string>(testClockKey(userId))) ?? 0);
  return new Date(Date.now() + (Number.isFinite(offset) ? offset : 0));
}
