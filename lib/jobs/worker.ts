// The worker process: runs every queue's jobs and owns the scheduled ones. Several workers may run at once;
// BullMQ hands each job to exactly one of them, and job schedulers are upserted idempotently.
import "server-only";
import { Worker, type Job } from "bullmq";
import { logger } from "@/lib/log";
import { createTcpRedis } from "@/lib/redis/tcp";
import { mediaConfig } from "@/lib/media/config";
import { handlerFor } from "./handlers";
import { QUEUES, bullPrefix, queue, type QueueName } from "./queues";

const log = logger.child({ component: "worker" });

/** When the leaderboards are rebuilt besides start-up: at :00, :15, :30 and :45 (UTC). */
export const LEADERBOARDS_REBUILD_SCHEDULE = { pattern: "*/15 * * * *", tz: "UTC" } as const;

export interface RunningWorker {
  close(): Promise<void>;
}

async function runJob(queueName: QueueName, job: Job): Promise<unknown> {
  const handler = handlerFor(queueName, job.name);
  if (!handler) throw new Error(`No handler for job "${job.name}" on queue "${queueName}"`);
  return handler(job);
}

export async function startWorker(opts: { schedule?: boolean; /** Only these queues (default: all). */ queues?: QueueName[]; /** BullMQ's job lock (default 30 s): how soon a dead worker's job moves on. */ lockDurationMs?: number } = {}): Promise<RunningWorker> {
  const connection = createTcpRedis();
  const workers = (opts.queues ?? Object.values(QUEUES)).map((name) => {
    // A transcode takes every core ffmpeg can get: VIDEO_TRANSCODE_CONCURRENCY at a time (default 1).
    const concurrency = name === QUEUES.media ? mediaConfig().transcodeConcurrency : 8;
    const lock = opts.lockDurationMs ? { lockDuration: opts.lockDurationMs, stalledInterval: opts.lockDurationMs } : {};
    const worker = new Worker(name, (job) => runJob(name, job), { connection, prefix: bullPrefix(), concurrency, ...lock });
    worker.on("completed", (job) => log.debug({ queue: name, job: job.name, id: job.id }, "job done"));
    worker.on("failed", (job, err) => log.error({ queue: name, job: job?.name, id: job?.id, attempts: job?.attemptsMade, err }, "job failed"));
    worker.on("error", (err) => log.error({ queue: name, err }, "worker error"));
    return worker;
  });

  if (opts.schedule ?? true) {
    const maintenance = queue(QUEUES.maintenance);
    await maintenance.upsertJobScheduler("heartbeat", { every: 30_000 }, { name: "heartbeat", data: {} });
    // The search index is kept current on every save; a nightly rebuild and one when workers start (once per
    // ten minutes however many start) repair anything a failed save or a restore left behind.
    await maintenance.upsertJobScheduler("search-reindex", { pattern: "30 4 * * *", tz: "UTC" }, { name: "search-reindex", data: {} });
    await maintenance.add("search-reindex", {}, { jobId: `search-reindex-start-${Math.floor(Date.now() / 600_000)}` });
    // Flash sales: unpaid seats go back within ~15 s of their window; seats are in Redis well before a start.
    await maintenance.upsertJobScheduler("seckill-release", { every: 15_000 }, { name: "seckill-release", data: {} });
    await maintenance.upsertJobScheduler("seckill-check", { every: 5 * 60_000 }, { name: "seckill-check", data: {} });
    await maintenance.upsertJobScheduler("seckill-load", { every: 60_000 }, { name: "seckill-load", data: {} });
    // Memberships end to the second for access and prices (lib/enrolments/access.ts); this job tidies up after
    // them within a minute, and sends the reminders.
    await maintenance.upsertJobScheduler("memberships-sweep", { every: 60_000 }, { name: "memberships-sweep", data: {} });
    // Live classes starting within 15 minutes: their learners told once (lib/live/reminders.ts).
    await maintenance.upsertJobScheduler("live-reminders", { every: 60_000 }, { name: "live-reminders", data: {} });
    // Recommendations: rebuilt every hour, and when workers start (once per ten minutes however many start).
    await maintenance.upsertJobScheduler("recommend-build", { pattern: "5 * * * *", tz: "UTC" }, { name: "recommend-build", data: {} });
    await maintenance.add("recommend-build", {}, { jobId: `recommend-build-start-${Math.floor(Date.now() / 600_000)}` });
    const ordersQueue = queue(QUEUES.orders);
    await ordersQueue.upsertJobScheduler("close-expired", { every: 60_000 }, { name: "close-expired", data: {} });
    await ordersQueue.upsertJobScheduler("reconcile", { every: 60_000 }, { name: "reconcile", data: {} });
    // Leaderboards live in Redis but are rebuilt from MySQL: every 15 minutes (new periods, drift, a flushed
    // Redis) and when workers start (once per ten minutes however many start). On the quarter hours by the
    // clock rather than `every: 900_000`: a job scheduler with `every` runs at once when it is created, so on a
    // fresh Redis (the first `npm run dev`) it raced the start-up job. The rebuild takes a lock besides
    // (lib/leaderboards/rebuild.ts), so a start near a quarter hour makes one of the two skip.
    await maintenance.upsertJobScheduler("leaderboards-rebuild", LEADERBOARDS_REBUILD_SCHEDULE, { name: "leaderboards-rebuild", data: {} });
    await maintenance.add("leaderboards-rebuild", {}, { jobId: `leaderboards-rebuild-start-${Math.floor(Date.now() / 600_000)}` });
    await queue(QUEUES.media).upsertJobScheduler("sweep", { every: 10 * 60_000 }, { name: "sweep", data: {} });
    // Course-update fan-outs whose first job was never queued (Redis was away at the commit) start here.
    await maintenance.upsertJobScheduler("fanout-resume", { every: 5 * 60_000 }, { name: "fanout-resume", data: {} });
  }
  log.info({ queues: Object.values(QUEUES) }, "worker started");

  return {
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await connection.quit().catch(() => undefined);
      log.info("worker stopped");
    },
  };
}
