// The notification centre's one entry point for the whole product: `notify(userId, kind, data)` stores the
// notification, then pushes the learner's new unread count to every open tab through the real-time gateway
// (lib/realtime). The row is the record: a push that fails is logged and the count is right on the next page.
// Reading and marking read live here too; nothing else writes the notifications table.
import "server-only";
import { and, count, desc, eq, inArray, isNull, lt } from "drizzle-orm";
import { db } from "@/db";
import { notifications } from "@/db/schema";
import { logger } from "@/lib/log";
import { publish } from "@/lib/realtime/publish";
import { userChannel } from "@/lib/realtime/protocol";
import { NOTIFICATIONS_EVENT, type NotificationsEventData } from "./event";
import { notificationData, type NotificationData, type NotificationKind } from "./kinds";

const log = logger.child({ component: "notifications" });

export const PAGE_SIZE = 20;

export interface NotificationRow {
  id: number;
  kind: NotificationKind;
  data: Record<string, unknown>;
  readAt: Date | null;
  createdAt: Date;
}

export async function notify<K extends NotificationKind>(userId: number, kind: K, data: NotificationData<K>, now = new Date()): Promise<number> {
  const parsed = notificationData[kind].parse(data) as Record<string, unknown>;
  const [row] = await db().insert(notifications).values({ userId, kind, data: parsed, createdAt: now }).$returningId();
  await pushCount(userId);
  return row!.id;
}

export async function unreadCount(userId: number): Promise<number> {
  const [row] = await db()
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** One page of the learner's notifications, newest first; `before` is the last id of the previous page. */
export async function listNotifications(userId: number, before?: number, limit = PAGE_SIZE): Promise<{ items: NotificationRow[]; more: boolean }> {
  const rows = await db()
    .select({ id: notifications.id, kind: notifications.kind, data: notifications.data, readAt: notifications.readAt, createdAt: notifications.createdAt })
    .from(notifications)
    .where(before ? and(eq(notifications.userId, userId), lt(notifications.id, before)) : eq(notifications.userId, userId))
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
async function pushCount(userId: number): Promise<void> {
  try {
    const data: NotificationsEventData = { unread: await unreadCount(userId) };
    await publish(userChannel(userId), { type: NOTIFICATIONS_EVENT, data });
  } catch (error) {
    log.warn({ err: error, userId }, "pushing the unread count failed");
  }
}
