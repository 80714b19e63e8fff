// How one notification reaches a batch of learners, once each: who wants it on which channel (their choices,
// else the kind's defaults), a stored row per learner keyed by the notification's dedupe key (INSERT IGNORE
// against the unique (user, key) index: a retry, a replay or a resumed fan-out adds nothing), then, after the
// caller's commit, the unread count pushed to open tabs and the email/SMS handed to the senders' queue.
// The stored row is the record of what we told whom; email and SMS are at most once per key (a crash between
// the commit and the hand-over loses them, never doubles them: their queue job id is derived from the key).
import "server-only";
import { createHash } from "node:crypto";
import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { db } from "@/db";
import { notificationPreferences, notifications, users } from "@/db/schema";
import type { Executor } from "@/db/tx";
import { isLocale } from "@/lib/i18n/config";
import { logger } from "@/lib/log";
import { enqueueNotification } from "@/lib/notify";
import { notificationMessage } from "@/lib/notify/templates";
import { publish } from "@/lib/realtime/publish";
import { userChannel } from "@/lib/realtime/protocol";
import { NOTIFICATIONS_EVENT, type NotificationsEventData } from "./event";
import { DEFAULT_CHANNELS, type Channels, type NotificationKind } from "./kinds";

const log = logger.child({ component: "notifications" });

interface Recipient {
  userId: number;
  email: string | null;
  mobile: string | null;
  locale: string;
  channels: Channels;
}

/** Work to run once the rows are committed: pushes and email/SMS. Never throws. */
export type Delivery = () => Promise<void>;

/**
 * The channels a learner gets `kind` on. Without a choice of their own, a learner with no email address gets
 * by SMS what the default sends by email (learners who signed up with a mobile number are still told).
 */
export function resolveChannels(kind: NotificationKind, chosen: Channels | undefined, contact: { email: string | null; mobile: string | null }): Channels {
  if (chosen) return chosen;
  const defaults = DEFAULT_CHANNELS[kind];
  if (defaults.email && !contact.email && contact.mobile) return { ...defaults, email: false, sms: true };
  return defaults;
}

/**
 * Stores `kind` for each of `userIds` under `dedupeKey`, inside the caller's transaction (or on its own).
 * Returns the delivery to run after the commit; learners already told under this key are left out of it.
 */
export async function storeMany(
  exec: Executor,
  userIds: number[],
  kind: NotificationKind,
  data: Record<string, unknown>,
  dedupeKey: string,
  now: Date,
): Promise<{ stored: number; deliver: Delivery }> {
  if (userIds.length === 0) return { stored: 0, deliver: async () => undefined };
  const [people, chosen, already] = await Promise.all([
    exec.select({ userId: users.id, email: users.email, mobile: users.mobile, locale: users.locale, disabled: users.disabled }).from(users).where(inArray(users.id, userIds)),
    exec
      .select({ userId: notificationPreferences.userId, inApp: notificationPreferences.inApp, email: notificationPreferences.email, sms: notificationPreferences.sms })
      .from(notificationPreferences)
      .where(and(inArray(notificationPreferences.userId, userIds), eq(notificationPreferences.kind, kind))),
    exec
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(inArray(notifications.userId, userIds), eq(notifications.dedupeKey, dedupeKey))),
  ]);
  const choices = new Map(chosen.map((c) => [c.userId, { inApp: c.inApp, email: c.email, sms: c.sms }]));
  const told = new Set(already.map((a) => a.userId));
  const recipients: Recipient[] = [];
  for (const person of people) {
    if (told.has(person.userId)) continue;
    const channels = resolveChannels(kind, choices.get(person.userId), person);
    // A disabled account is told nothing outside the site.
    const wanted = person.disabled ? { ...channels, email: false, sms: false } : channels;
    if (!wanted.inApp && !wanted.email && !wanted.sms) continue;
    recipients.push({ userId: person.userId, email: person.email, mobile: person.mobile, locale: person.locale, channels: wanted });
  }
  // One row at a time: the affected rows of each INSERT IGNORE say exactly who was told by this call, even
  // when another call with the same key races this one (only the learners this call stored are delivered to).
  const fresh: Recipient[] = [];
  for (const r of recipients) {
    const [result] = await exec.insert(notifications).ignore().values({ userId: r.userId, kind, data, dedupeKey, inApp: r.channels.inApp, createdAt: now });
    if (result.affectedRows === 1) fresh.push(r);
  }
  if (fresh.length === 0) return { stored: 0, deliver: async () => undefined };
  return { stored: fresh.length, deliver: () => deliver(fresh, kind, data, dedupeKey) };
}

async function deliver(recipients: Recipient[], kind: NotificationKind, data: Record<string, unknown>, dedupeKey: string): Promise<void> {
  await pushCounts(recipients.filter((r) => r.channels.inApp).map((r) => r.userId));
  const hash = createHash("sha256").update(dedupeKey).digest("hex").slice(0, 32);
  for (const r of recipients) {
    const locale = isLocale(r.locale) ? r.locale : "zh-CN";
    const outs = [
      ...(r.channels.email && r.email ? [{ channel: "email" as const, to: r.email }] : []),
      ...(r.channels.sms && r.mobile ? [{ channel: "sms" as const, to: r.mobile }] : []),
    ];
    for (const out of outs) {
      const message = notificationMessage(kind, data, { ...out, locale });
      if (!message) continue;
      await enqueueNotification(message, { jobId: `n-${r.userId}-${out.channel}-${hash}`, about: { userId: r.userId, kind } }).catch((error: unknown) =>
        log.error({ err: error, userId: r.userId, kind, channel: out.channel }, "handing a notification to the senders failed"),
      );
    }
  }
}

/** The unread counts of these learners, pushed to their open tabs. Never throws: the rows are what counts. */
export async function pushCounts(userIds: number[]): Promise<void> {
  if (userIds.length === 0) return;
  try {
    const rows = await db()
      .select({ userId: notifications.userId, n: count() })
      .from(notifications)
      .where(and(inArray(notifications.userId, userIds), isNull(notifications.readAt), eq(notifications.inApp, true)))
      .groupBy(notifications.userId);
    const unread = new Map(rows.map((r) => [r.userId, r.n]));
    for (const userId of userIds) {
      const payload: NotificationsEventData = { unread: unread.get(userId) ?? 0 };
      await publish(userChannel(userId), { type: NOTIFICATIONS_EVENT, data: payload });
    }
  } catch (error) {
    log.warn({ err: error, users: userIds.length }, "pushing unread counts failed");
  }
}
