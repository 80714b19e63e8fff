// What the notification centre can say, and the facts each kind carries. The list renders its text from
// these in the reader's language (messages "Notifications.kinds.*"); nothing rendered is stored.
// Each kind also says which channels it uses when the learner has not chosen (DEFAULT_CHANNELS): in-app for
// everything, email for money and memberships, SMS only where minutes matter (a seat to pay for).
import { z } from "zod";

export const notificationData = {
  /** An order was paid (by the provider's notification or our own query), or placed at no cost. */
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
  /** A flash-sale seat was won: its order waits for payment until `payBefore`. */
  "seckill.won": z.object({ orderNo: z.string(), totalFen: z.number().int().nonnegative(), payBefore: z.string() }),
  /** An unpaid order closes soon (sent a few minutes before its pay-before time, once, unless paid). */
  "order.pay-reminder": z.object({ orderNo: z.string(), totalFen: z.number().int().nonnegative(), payBefore: z.string() }),
  /** A followed course (or a course of a followed learning path) gained published lessons. */
  "course.updated": z.object({ courseId: z.number().int().positive(), slug: z.string(), title: z.string(), newLessons: z.number().int().positive() }),
} as const;

export type NotificationKind = keyof typeof notificationData;
export type NotificationData<K extends NotificationKind> = z.infer<(typeof notificationData)[K]>;

export const NOTIFICATION_KINDS = Object.keys(notificationData) as NotificationKind[];

export const isNotificationKind = (value: string): value is NotificationKind => Object.hasOwn(notificationData, value);

export const CHANNELS = ["inApp", "email", "sms"] as const;
export type Channel = (typeof CHANNELS)[number];
export type Channels = Record<Channel, boolean>;

export const DEFAULT_CHANNELS: Record<NotificationKind, Channels> = {
  "order.paid": { inApp: true, email: true, sms: false },
  "order.refunded": { inApp: true, email: true, sms: false },
  "membership.ending": { inApp: true, email: true, sms: false },
  "seckill.won": { inApp: true, email: false, sms: true },
  "order.pay-reminder": { inApp: true, email: false, sms: true },
  "course.updated": { inApp: true, email: false, sms: false },
  "review.replied": { inApp: true, email: true, sms: false },
  "qa.answered": { inApp: true, email: true, sms: false },
  "qa.mentioned": { inApp: true, email: false, sms: false },
  "live.starting": { inApp: true, email: true, sms: false },
};
