import { QueueEvents } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { key, redis } from "@/lib/redis";
import { createTcpRedis } from "@/lib/redis/tcp";
import { QUEUES, bullPrefix, closeQueues, queue } from "./queues";
import { startWorker, type RunningWorker } from "./worker";

let worker: RunningWorker;
let events: QueueEvents;

beforeAll(async () => {
  worker = await startWorker({ schedule: false });
  events = new QueueEvents(QUEUES.maintenance, { connection: createTcpRedis(), prefix: bullPrefix() });
  await events.waitUntilReady();
});

afterAll(async () => {
  await events.close();
  await worker.close();
  await closeQueues();
});

describe("the job worker", () => {
  it("runs a heartbeat job from the queue against the real Redis", async () => {
    await redis().del(key("worker", "heartbeat"));
    const job = await queue(QUEUES.maintenance).add("heartbeat", {});
    const result = (await job.waitUntilFinished(events, 15_000)) as { at: string };
    const stored = JSON.parse((await redis().get<string>(key("worker", "heartbeat"))) ?? "null") as { at: string; jobId: string };
    expect(stored).toEqual({ at: result.at, jobId: job.id });
    expect(await redis().ttl(key("worker", "heartbeat"))).toBeGreaterThan(0);
  });

  it("fails a job that has no handler instead of dropping it silently", async () => {
    const job = await queue(QUEUES.maintenance).add("no-such-job", {}, { attempts: 1 });
    await expect(job.waitUntilFinished(events, 15_000)).rejects.toThrow(/No handler for job "no-such-job"/);
  });
});
