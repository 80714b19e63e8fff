// The live room's chat and the teacher's announcements. A line comes in through the chat endpoint
// (app/api/v1/live/[lessonId]/messages), is checked here — the sender's room role, the room open, a mute,
// the per-learner rate limit (Redis, so it holds across web instances), the word filter — stored, and then
// published to the room's channel, from which every gateway instance fans it out. Deleting a line and
// muting a learner are moderators' (the admin endpoints); each is audited.
import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { liveAnnouncements, liveMessages } from "@/db/schema";
import { findUserById } from "@/lib/auth/users";
import { clockNow } from "@/lib/clock";
import { logger } from "@/lib/log";
import type { AdminContext } from "@/lib/rbac/guard";
import { key, redis } from "@/lib/redis";
import { publish } from "@/lib/realtime/publish";
import { roomChannel, userChannel } from "@/lib/realtime/protocol";
import { rateLimit } from "@/lib/security/rate-limit";
import { roomRole } from "./room";
import { screenLine } from "./screen";
import { getLiveSession } from "./sessions";
import { chatOpen } from "./status";
import type { Announcement, ChatLine } from "./chat-types";

const log = logger.child({ component: "live-chat" });

/** Per learner per room: a line every two seconds on average, a burst of five. Moderators are not limited. */
export const CHAT_RATE = { limit: 5, windowSeconds: 10 } as const;
export const HISTORY = 50;

export type { Announcement, ChatLine } from "./chat-types";

export type ChatRefusal =
  | { code: "not_in_room"; status: 403 }
  | { code: "closed"; status: 409 }
  | { code: "muted"; status: 403; retryAfterSeconds: number }
  | { code: "rate_limited"; status: 429; retryAfterSeconds: number }
  | { code: "sensitive"; status: 422 };

export class ChatRefused extends Error {
  constructor(readonly refusal: ChatRefusal) {
    super(refusal.code);
    this.name = "ChatRefused";
  }
}

const muteKey = (lessonId: number, userId: number) => key("live", "mute", lessonId, userId);

/** Seconds left of a learner's mute in a room (0: not muted). */
export async function muteSecondsLeft(lessonId: number, userId: number): Promise<number> {
  const ttl = await redis().pttl(muteKey(lessonId, userId));
  return ttl > 0 ? Math.ceil(ttl / 1000) : 0;
}

export async function postChatMessage(userId: number, lessonId: number, text: string): Promise<ChatLine> {
  const role = await roomRole(userId, lessonId);
  if (!role) throw new ChatRefused({ code: "not_in_room", status: 403 });
  const session = await getLiveSession(lessonId);
  if (!session || !chatOpen(session, await clockNow(userId))) throw new ChatRefused({ code: "closed", status: 409 });
  if (role === "learner") {
    const muted = await muteSecondsLeft(lessonId, userId);
    if (muted > 0) throw new ChatRefused({ code: "muted", status: 403, retryAfterSeconds: muted });
    const limit = await rateLimit("live-chat", `${lessonId}:${userId}`, CHAT_RATE);
    if (!limit.ok) throw new ChatRefused({ code: "rate_limited", status: 429, retryAfterSeconds: limit.retryAfterSeconds });
  }
  const screened = await screenLine(text);
  if (!screened.ok) throw new ChatRefused({ code: "sensitive", status: 422 });
  const name = (await findUserById(userId))?.name ?? `#${userId}`;
  const createdAt = new Date();
  const [row] = await db().insert(liveMessages).values({ lessonId, userId, userName: name.slice(0, 64), body: screened.text, createdAt }).$returningId();
  const line: ChatLine = { id: row!.id, userId, name, body: screened.text, at: createdAt.toISOString() };
  await publish(roomChannel(lessonId), { type: "live.message", data: line });
  return line;
}

/** Removes a line for everyone: gone from the history, and open pages drop it when the event arrives. */
export async function deleteChatMessage(admin: AdminContext, lessonId: number, messageId: number): Promise<boolean> {
  const deleted = await db().transaction(async (tx) => {
    const [row] = await tx
      .select({ id: liveMessages.id, userId: liveMessages.userId, body: liveMessages.body })
      .from(liveMessages)
      .where(and(eq(liveMessages.id, messageId), eq(liveMessages.lessonId, lessonId), isNull(liveMessages.deletedAt)))
      .for("update");
    if (!row) return false;
    await tx.update(liveMessages).set({ deletedAt: new Date(), deletedBy: admin.userId }).where(eq(liveMessages.id, messageId));
    await admin.audit(tx, { targetType: "live_message", targetId: messageId, summary: `Deleted a chat line of user ${row.userId} in live lesson ${lessonId}`, before: { body: row.body }, after: null });
    return true;
  });
  if (deleted) await publish(roomChannel(lessonId), { type: "live.deleted", data: { id: messageId } });
  return deleted;
}

/** Mutes a learner in one room for `minutes`; a new mute replaces the old one. Told to that learner alone. */
export async function muteLearner(admin: AdminContext, lessonId: number, userId: number, minutes: number): Promise<{ until: string }> {
  const until = new Date(Date.now() + minutes * 60_000);
  await redis().set(muteKey(lessonId, userId), "1", { ex: minutes * 60 });
  await admin.audit(db(), { targetType: "user", targetId: userId, summary: `Muted user ${userId} in live lesson ${lessonId} for ${minutes} min`, after: { lessonId, minutes, until: until.toISOString() } });
  await publish(userChannel(userId), { type: "live.muted", data: { lessonId, until: until.toISOString() } }).catch((error: unknown) => log.warn({ err: error, lessonId }, "pushing a mute failed"));
  return { until: until.toISOString() };
}

/** Pins an announcement to the room, shown above the chat to everyone in it (and to whoever comes later). */
export async function announce(admin: AdminContext, lessonId: number, text: string): Promise<Announcement> {
  const screened = await screenLine(text);
  if (!screened.ok) throw new ChatRefused({ code: "sensitive", status: 422 });
  const createdAt = new Date();
  const id = await db().transaction(async (tx) => {
    const [row] = await tx.insert(liveAnnouncements).values({ lessonId, authorId: admin.userId, body: screened.text, createdAt }).$returningId();
    await admin.audit(tx, { targetType: "lesson", targetId: lessonId, summary: `Pinned an announcement in live lesson ${lessonId}`, after: { body: screened.text } });
    return row!.id;
  });
  const announcement: Announcement = { id, body: screened.text, at: createdAt.toISOString() };
  await publish(roomChannel(lessonId), { type: "live.announcement", data: announcement });
  return announcement;
}

/** What a page opening the room starts from: the latest lines (oldest first) and the announcements (newest first). */
export async function roomHistory(lessonId: number): Promise<{ lines: ChatLine[]; announcements: Announcement[] }> {
  const [lines, pinned] = await Promise.all([
    db()
      .select({ id: liveMessages.id, userId: liveMessages.userId, name: liveMessages.userName, body: liveMessages.body, createdAt: liveMessages.createdAt })
      .from(liveMessages)
      .where(and(eq(liveMessages.lessonId, lessonId), isNull(liveMessages.deletedAt)))
      .orderBy(desc(liveMessages.id))
      .limit(HISTORY),
    db().select({ id: liveAnnouncements.id, body: liveAnnouncements.body, createdAt: liveAnnouncements.createdAt }).from(liveAnnouncements).where(eq(liveAnnouncements.lessonId, lessonId)).orderBy(desc(liveAnnouncements.id)).limit(10),
  ]);
  return {
    lines: lines.reverse().map(({ createdAt, ...line }) => ({ ...line, at: createdAt.toISOString() })),
    announcements: pinned.map(({ createdAt, ...a }) => ({ ...a, at: createdAt.toISOString() })),
  };
}
