// What the notification centre can say, and the facts each kind carries. The list renders its text from
// these in the reader's language (messages "Notifications.kinds.*"); nothing rendered is stored.
import { z } from "zod";

export const notificationData = {
  /** An order was paid (by the provider's notification or our own query). */
  "order.paid": z.object({ orderNo: z.string(), totalFen: z.number().int().nonnegative() }),
  /** A refund reached the learner's payment account (a part of an order, or all of it). */
  "order.refunded": z.object({ orderNo: z.string(), amountFen: z.number().int().positive() }),
  /** A membership ends in `daysLeft` days (the 7-day and 1-day reminders). */
  "membership.ending": z.object({ endsAt: z.string(), daysLeft: z.number().int().positive() }),
  /** The course's teacher replied to the learner's review. */
  "review.replied": z.object({ courseSlug: z.string(), courseTitle: z.string() }),
  /** Someone answered the learner's question under a lesson. */
  "qa.answered": z.object({ courseSlug: z.string(), lessonId: z.number().int().positive(), questionId: z.number().int().positive(), by: z.string() }),
  /** Someone @mentioned the learner in a lesson's questions. */
  "qa.mentioned": z.object({ courseSlug: z.string(), lessonId: z.number().int().positive(), questionId: z.number().int().positive(), by: z.string() }),
  /** A live class the learner is enrolled in starts soon (lib/live/reminders.ts, 15 minutes before). */
  "live.starting": z.object({ lessonId: z.number().int().positive(), lessonTitle: z.string(), courseTitle: z.string(), startsAt: z.string() }),
} as const;

export type NotificationKind = keyof typeof notificationData;
export type NotificationData<K extends NotificationKind> = z.infer<(typeof notificationData)[K]>;

export const NOTIFICATION_KINDS = Object.keys(notificationData) as NotificationKind[];
