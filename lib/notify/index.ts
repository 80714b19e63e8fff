// Sending a notification from a request: the message goes on the `notifications` queue and the worker hands
// it to the configured sender (lib/notify/senders.ts), retrying with backoff when the gateway fails.
import "server-only";
import { QUEUES, queue } from "@/lib/jobs/queues";
import type { Message, MessageAbout } from "./message";

export type { Message, MessageAbout } from "./message";

/**
 * `jobId` makes the hand-over once per id: BullMQ ignores a second job with the id of one it still holds, and
 * a message with an id (a notification, never a code) is kept for a day after delivery for that reason.
 * `about` names the learner and the notification kind, so the worker checks the learner's channel choice again
 * when it sends (one turned off meanwhile is not used); it is not passed on to the gateway.
 */
export async function enqueueNotification(message: Message, opts: { jobId?: string; about?: MessageAbout } = {}): Promise<void> {
  await queue(QUEUES.notifications).add("send", opts.about ? { ...message, about: opts.about } : message, {
    // The payload may hold a verification code in clear text: drop it as soon as it is delivered, and keep
    // a failed job only for an hour (long after its code has expired) to see why it failed.
    removeOnComplete: opts.jobId ? { age: 24 * 60 * 60 } : true,
    removeOnFail: { age: 60 * 60 },
    ...(opts.jobId ? { jobId: opts.jobId } : {}),
  });
}
