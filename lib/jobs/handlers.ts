// What the worker does for each job. New features register their handlers here.
import "server-only";
import type { Job } from "bullmq";
import { wantsChannel } from "@/lib/notifications";
import { notificationSender } from "@/lib/notify/senders";
import { redis, key } from "@/lib/redis";
import { invalidateTags } from "@/lib/cache";
import { CATALOGUE_TAGS } from "@/lib/catalogue/tags";
import { reindexAll } from "@/lib/search";
import { checkRecentSales } from "@/lib/seckill/consistency";
import { releaseExpiredSeats } from "@/lib/seckill/release";
import { loadUpcomingSales } from "@/lib/seckill/sales";
import { rebuildAll as rebuildLeaderboards } from "@/lib/leaderboards/rebuild";
import { closeExpiredOrders, reconcile } from "@/lib/orders/jobs";
import { runTranscodeJob } from "@/lib/media/process";
import { sendPayReminder } from "@/lib/orders/pay-reminder";
import { resumeStalledFanouts, runFanoutJob } from "@/lib/paths/fanout";
import { sweepMedia } from "@/lib/media/sweep";
import { testClockOn } from "@/lib/clock";
import { sweepMemberships } from "@/lib/memberships/expiry";
import { buildRecommendations } from "@/lib/recommend";
import { sendLiveReminders } from "@/lib/live/reminders";
import type { JobPayloads } from "./queues";

type Handler<N extends keyof JobPayloads> = (job: Job<JobPayloads[N]>) => Promise<unknown>;
type Handlers = { [N in keyof JobPayloads]: Handler<N> };

export const WORKER_HEARTBEAT_TTL_SECONDS = 90;

export const handlers: Handlers = {
  /** Records that a worker is alive, so operators (and later the admin dashboard) can see it. */
  "maintenance:heartbeat": async (job) => {
    const at = new Date().toISOString();
    await redis().set(key("worker", "heartbeat"), JSON.stringify({ at, jobId: job.id }), { ex: WORKER_HEARTBEAT_TTL_SECONDS });
    return { at };
  },
  /** Rebuilds the search index from the courses, then drops cached lists and search results built from the old one. */
  "maintenance:search-reindex": async () => {
    const result = await reindexAll();
    await invalidateTags([CATALOGUE_TAGS.courses]);
    return result;
  },
  /** Restores flushed leaderboards and corrects drift, from points_ledger and enrolments; skipped while another runs. */
  "maintenance:leaderboards-rebuild": async () => rebuildLeaderboards(new Date(), { ifBusy: "skip" }),
  "maintenance:seckill-release": async () => ({ released: await releaseExpiredSeats() }),
  "maintenance:seckill-check": async () => checkRecentSales(),
  "maintenance:seckill-load": async () => ({ loaded: await loadUpcomingSales() }),
  /** Delivers one text message or email; a sender that throws (gateway down, non-2xx) makes BullMQ retry. */
  "notifications:send": async (job) => {
    const { about, ...message } = job.data;
    // A notification the learner turned this channel off for since it was queued is not sent.
    if (about && !(await wantsChannel(about.userId, about.kind, message.channel))) return { channel: message.channel, skipped: "preference" };
    await notificationSender().send(message, { id: `${job.queueName}:${job.id}` });
    return { channel: message.channel };
  },
  "orders:close-expired": () => closeExpiredOrders(),
  "orders:reconcile": () => reconcile(),
  "media:transcode": (job) => runTranscodeJob(job.data.assetId, job),
  "media:sweep": () => sweepMedia(),
  /** `at` (ISO) is honoured only with the end-to-end suite's test clock on (lib/clock.ts); otherwise: now. */
  "maintenance:recommend-build": async () => buildRecommendations(),
  "maintenance:memberships-sweep": async (job) => sweepMemberships(testClockOn() && job.data.at ? new Date(job.data.at) : new Date()),
  "maintenance:live-reminders": async (job) => sendLiveReminders(testClockOn() && job.data.at ? new Date(job.data.at) : new Date()),
  "orders:pay-reminder": async (job) => ({ outcome: await sendPayReminder(job.data.orderId) }),
  "fanout:course-update": (job) => runFanoutJob(job.data.updateId),
  "maintenance:fanout-resume": async () => ({ resumed: await resumeStalledFanouts() }),
};

export function handlerFor(queueName: string, jobName: string): ((job: Job) => Promise<unknown>) | undefined {
  return (handlers as Record<string, (job: Job) => Promise<unknown>>)[`${queueName}:${jobName}`];
}
