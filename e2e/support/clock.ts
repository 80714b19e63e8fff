// The end-to-end suite's hold on time (lib/clock.ts): moves one learner's membership clock forward through
// Redis, and runs the membership sweep in the worker at a chosen moment. The servers honour both only because
// `npm test` starts them with XUEFU_TEST_CLOCK=on.
import { Queue, QueueEvents } from "bullmq";
import { Redis } from "ioredis";

function settings() {
  const url = process.env.REDIS_URL;
  const prefix = process.env.REDIS_KEY_PREFIX;
  if (!url || !prefix) throw new Error("REDIS_URL and REDIS_KEY_PREFIX are not set; run the end-to-end tests through `npm test` or `npm run test:e2e`.");
  return { url, prefix };
}

/** Moves the learner's clock `offsetMs` ahead of real time (0 puts it back). */
export async function setLearnerClock(userId: number, offsetMs: number): Promise<void> {
  const { url, prefix } = settings();
  const redis = new Redis(url, { maxRetriesPerRequest: 2 });
  try {
    if (offsetMs === 0) await redis.del(`${prefix}:test-clock:user:${userId}`);
    else await redis.set(`${prefix}:test-clock:user:${userId}`, String(offsetMs));
  } finally {
    redis.disconnect();
  }
}

/** Runs the worker's membership sweep as of `at` and waits for it to finish; returns what it did. */
export async function runMembershipSweep(at: Date): Promise<{ downgraded: number; reminded: number; bonuses: number }> {
  const { url, prefix } = settings();
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  const queue = new Queue("maintenance", { connection, prefix: `${prefix}:bull` });
  const events = new QueueEvents("maintenance", { connection: new Redis(url, { maxRetriesPerRequest: null }), prefix: `${prefix}:bull` });
  try {
    await events.waitUntilReady();
    const job = await queue.add("memberships-sweep", { at: at.toISOString() }, { removeOnComplete: 100 });
    return (await job.waitUntilFinished(events, 30_000)) as { downgraded: number; reminded: number; bonuses: number };
  } finally {
    await events.close();
    await queue.close();
    connection.disconnect();
  }
}
