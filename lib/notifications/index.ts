// The notification centre's one entry point for the whole product: `notify(userId, kind, data, { key })` stores
// the notification once per key, then pushes the learner's new unread count to every open tab through the
// real-time gateway (lib/realtime) and hands email/SMS to the senders, on the channels the learner chose for
// the kind (deliver.ts). Call it after the commit of what it tells about. The row is the record: a push that
// fails is logged and the count is right on the next page. Reading, marking read and the learner's channel
// preferences live here too; nothing else writes these tables.
import "server-only";
import { and, count, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { db } from "@/db";
import { notificationPreferences, notifications, users } from "@/db/schema";
import { logger } from "@/lib/log";
import { pushCounts, resolveChannels, storeMany } from "./deliver";
import { isNotificationKind, NOTIFICATION_KINDS, notificationData, type Channels, type NotificationData, type NotificationKind } from "./kinds";

const log = logger.child({ component: "notifications" });

export const PAGE_SIZE = 20;

export interface NotificationRow {
  id: number;
  kind: NotificationKind;
  data: Record<string, unknown>;
  readAt: Date | null;
  createdAt: Date;
}

/**
 * Tells a learner something, once per `key` (`order.paid:<orderNo>`; a second call with the same key does
 * nothing). True when it was stored now. Throws only when the row cannot be stored.
 */
export async function notify<K extends NotificationKind>(userId: number, kind: K, data: NotificationData<K>, opts: { key: string; now?: Date }): Promise<boolean> {
  const parsed = notificationData[kind].parse(data) as Record<string, unknown>;
  const { stored, deliver } = await storeMany(db(), [userId], kind, parsed, opts.key, opts.now ?? new Date());
  await deliver();
  return stored > 0;
}

export { storeMany, type Delivery } from "./deliver";

export async function unreadCount(userId: number): Promise<number> {
  const [row] = await db()
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), eq(notifications.inApp, true)));
  return row?.n ?? 0;
}

/** One page of the learner's notifications, newest first; `before` is the last id of the previous page. */
export async function listNotifications(userId: number, before?: number, limit = PAGE_SIZE): Promise<{ items: NotificationRow[]; more: boolean }> {
  const rows = await db()
    .select({ id: notifications.id, kind: notifications.kind, data: notifications.data, readAt: notifications.readAt, createdAt: notifications.createdAt })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.inApp, true), before ? lt(notifications.id, before) : undefined))
    .orderBy(desc(notifications.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map((row) => ({ ...row, kind: row.kind as NotificationKind }));
  return { items, more: rows.length > limit };
}

/** Marks some of the learner's own notifications read (ids of anyone else's are ignored). */
export async function markRead(userId: number, ids: number[], now = new Date()): Promise<void> {
  if (ids.length === 0) return;
  await db()
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), inArray(notifications.id, ids), isNull(notifications.readAt)));
  await pushCount(userId);
}

export async function markAllRead(userId: number, now = new Date()): Promise<void> {
  await db()
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  await pushCount(userId);
}

/** Tells the learner's open tabs their unread count. Never throws: the stored rows are what counts. */
function pushCount(userId: number): Promise<void> {
  return pushCounts([userId]);
}

const sqlValues = (column: string) => sql.raw(`VALUES(\`${column}\`)`);

/** The learner's channels for every kind: their own choice where they made one, else the kind's defaults. */
export async function preferencesOf(userId: number): Promise<Record<NotificationKind, Channels>> {
  const [[person], chosen] = await Promise.all([
    db().select({ email: users.email, mobile: users.mobile }).from(users).where(eq(users.id, userId)),
    db()
      .select({ kind: notificationPreferences.kind, inApp: notificationPreferences.inApp, email: notificationPreferences.email, sms: notificationPreferences.sms })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId)),
  ]);
  const mine = new Map(chosen.map((c) => [c.kind, { inApp: c.inApp, email: c.email, sms: c.sms }]));
  const contact = { email: person?.email ?? null, mobile: person?.mobile ?? null };
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, resolveChannels(kind, mine.get(kind), contact)])) as Record<NotificationKind, Channels>;
}

/** At send time (lib/jobs): does the learner still want `kind` on this channel? Unknown kinds: yes. */
export async function wantsChannel(userId: number, kind: string, channel: "email" | "sms"): Promise<boolean> {
  if (!isNotificationKind(kind)) return true;
  return (await preferencesOf(userId))[kind][channel];
}

/** Saves the learner's channels for every kind given (all of them are stored, so later default changes do not move a choice made). */
export async function savePreferences(userId: number, prefs: Partial<Record<NotificationKind, Channels>>, now = new Date()): Promise<void> {
  const rows = Object.entries(prefs).map(([kind, c]) => ({ userId, kind, inApp: c.inApp, email: c.email, sms: c.sms, updatedAt: now }));
  if (rows.length === 0) return;
  await db()
    .insert(notificationPreferences)
    .values(rows)
    .onDuplicateKeyUpdate({ set: { inApp: sqlValues("in_app"), email: sqlValues("email"), sms: sqlValues("sms"), updatedAt: now } });
  log.info({ userId, kinds: rows.length }, "notification preferences saved");
}
