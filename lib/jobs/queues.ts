// The job queues (BullMQ on Redis). Web instances add jobs; the worker process (lib/jobs/worker.ts) runs them.
// Each queue's job names and payloads are declared here so producers and handlers agree on them.
import "server-only";
import { Queue, type ConnectionOptions } from "bullmq";
import { env } from "@/lib/config/env";
import type { Message, MessageAbout } from "@/lib/notify/message";
import { createTcpRedis } from "@/lib/redis/tcp";

export const QUEUES = {
  /** Housekeeping that keeps the platform healthy: heartbeats now; cleanups and rebuilds later. */
  maintenance: "maintenance",
  /** Text messages and emails (verification codes and later receipts), handed to lib/notify's sender. */
  notifications: "notifications",
  /** Closing unpaid orders and reconciling payments and refunds with the providers (lib/orders/jobs.ts). */
  orders: "orders",
  /** Video transcoding and the sweep of abandoned uploads (lib/media); its own concurrency, default 1. */
  media: "media",
  /** Telling followers of a course (and of paths with it) about new lessons, one batch per job (lib/paths/fanout.ts). */
  fanout: "fanout",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobPayloads {
  "maintenance:heartbeat": Record<string, never>;
  /** Rebuilds every course's search document (lib/search). */
  "maintenance:search-reindex": Record<string, never>;
  /** Rebuilds every leaderboard (Redis sorted sets) from MySQL (lib/leaderboards/rebuild.ts). */
  "maintenance:leaderboards-rebuild": Record<string, never>;
  "notifications:send": Message & { about?: MessageAbout };
  /** Flash sales (lib/seckill): gives back seats left unpaid past their pay window. */
  "maintenance:seckill-release": Record<string, never>;
  /** Flash sales: seats left + held + sold = offered, in Redis and MySQL; repairs drift. */
  "maintenance:seckill-check": Record<string, never>;
  /** Flash sales: loads the seats of sales starting within the hour into Redis. */
  "maintenance:seckill-load": Record<string, never>;
  "orders:close-expired": Record<string, never>;
  "orders:reconcile": Record<string, never>;
  /** Turns an uploaded video into HLS renditions, a poster and a duration (lib/media/transcode.ts). */
  "media:transcode": { assetId: number };
  /** Removes expired unfinished uploads and fails transcodes whose worker died. */
  "media:sweep": Record<string, never>;
  /** Ends expired memberships, sends the 7-day and 1-day reminders, gives monthly bonuses (lib/memberships/expiry.ts). */
  "maintenance:memberships-sweep": { at?: string };
  /** Builds the course recommendations from enrolments and progress into Redis (lib/recommend). */
  "maintenance:recommend-build": Record<string, never>;
  /** "Your live class starts in 15 minutes", once per learner (lib/live/reminders.ts). */
  "maintenance:live-reminders": { at?: string };
  /** Reminds the learner to pay an order a few minutes before it closes, unless it is paid (lib/orders/pay-reminder.ts). */
  "orders:pay-reminder": { orderId: number };
  /** One batch of a course update's fan-out to followers; the cursor is in MySQL, not here. */
  "fanout:course-update": { updateId: number };
  /** Queues again the fan-outs whose job was lost (never started, or its queue was flushed). */
  "maintenance:fanout-resume": Record<string, never>;
}

export const bullPrefix = () => `${env().REDIS_KEY_PREFIX}:bull`;

let connection: ConnectionOptions | undefined;
const queues = new Map<QueueName, Queue>();

export function sharedConnection(): ConnectionOptions {
  connection ??= createTcpRedis();
  return connection;
}

export function queue(name: QueueName): Queue {
  let q = queues.get(name);
  if (!q) {
    q = new Queue(name, {
      connection: sharedConnection(),
      prefix: bullPrefix(),
      defaultJobOptions: { attempts: 5, backoff: { type: "exponential", delay: 1_000 }, removeOnComplete: 1_000, removeOnFail: 5_000 },
    });
    queues.set(name, q);
  }
  return q;
}

export async function closeQueues(): Promise<void> {
  await Promise.all([...queues.values()].map((q) => q.close()));
  queues.clear();
}
