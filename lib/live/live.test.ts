// Live classes against the test profile's MariaDB and Redis, with a real gateway: who may be in a room (and
// subscribe to its channel), the chat's rules (rate limit, mute, word filter, closed rooms), moderator-only
// deletion that reaches the room, presence across sockets, and the 15-minute reminder sent once per learner
// however many workers run it.
import { randomUUID } from "node:crypto";
import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { db } from "@/db";
import { categories, chapters, courses, lessons, liveSessions, notifications, teachers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { signToken } from "@/lib/auth/jwt";
import { registerSession } from "@/lib/auth/session-registry";
import { grantEnrolments } from "@/lib/enrolments/grants";
import type { AdminContext } from "@/lib/rbac/guard";
import { startGateway, type Gateway } from "@/lib/realtime/gateway";
import { redisPresence } from "@/lib/realtime/presence";
import { roomChannel, type ServerFrame } from "@/lib/realtime/protocol";
import { createTcpRedis } from "@/lib/redis/tcp";
import { createTestUser } from "@/test/users";
import { ChatRefused, CHAT_RATE, deleteChatMessage, muteLearner, postChatMessage, roomHistory } from "./chat";
import { sendLiveReminders } from "./reminders";
import { mayJoinRoom, roomRole } from "./room";
import { liveScheduleSchema } from "./schemas";
import { screenText } from "./screen";
import { cancelLiveLesson, LiveLessonError, saveLiveSchedule } from "./sessions";
import { chatOpen, effectiveStatus } from "./status";

const run = randomUUID().slice(0, 8);
const ORIGIN = "http://localhost:3000";
const tcp = createTcpRedis();
let gateway: Gateway;
let courseId: number;
let chapterId: number;
let learner: number;
let outsider: number;
let moderator: number;

const adminFor = (userId: number, action: string): AdminContext =>
  ({ userId, name: `actor ${userId}`, roles: [], permissions: new Set(), audit: (tx: Parameters<AdminContext["audit"]>[0], entry: Parameters<AdminContext["audit"]>[1]) => recordAudit(tx, { userId, name: `actor ${userId}`, ip: "", requestId: "vitest" }, action, entry) }) as unknown as AdminContext;

async function makeLesson(kind: "live" | "video" = "live"): Promise<number> {
  const [result] = await db().insert(lessons).values({ courseId, chapterId, title: `直播测试 ${run}`, kind, position: 1 });
  return Number(result.insertId);
}

async function scheduleLive(lessonId: number, startsInMinutes: number): Promise<void> {
  const input = liveScheduleSchema.parse({ lessonId, startsAt: new Date(Date.now() + startsInMinutes * 60_000).toISOString(), plannedMinutes: 60, teacherId: null, streamUrl: "media:demo-bars-v1", recordingUrl: "", status: "scheduled" });
  await saveLiveSchedule(adminFor(moderator, "ACTION lessons.scheduleLive"), input);
}

async function refusal(work: Promise<unknown>): Promise<ChatRefused["refusal"]> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ChatRefused) return error.refusal;
    throw error;
  }
  throw new Error("expected a refusal");
}

async function socketFor(userId: number): Promise<{ ws: WebSocket; frames: ServerFrame[]; closed: Promise<number>; waitFor(test: (f: ServerFrame) => boolean): Promise<ServerFrame> }> {
  const session = await registerSession(userId, "web", { userAgent: "Vitest", ip: "127.0.0.1" }, 600);
  const token = await signToken({ sub: String(userId), sid: session.sid, kind: "web" }, 600);
  const ws = new WebSocket(`ws://127.0.0.1:${gateway.port}/ws`, { headers: { origin: ORIGIN, cookie: `authjs.session-token=${token}` } });
  const frames: ServerFrame[] = [];
  const waiters: Array<() => void> = [];
  ws.on("message", (data) => {
    frames.push(JSON.parse(String(data)) as ServerFrame);
    for (const w of waiters.splice(0)) w();
  });
  const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
  await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
  return {
    ws,
    frames,
    closed,
    waitFor: (test) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no such frame in ${JSON.stringify(frames)}`)), 5_000);
        const check = () => {
          const found = frames.find(test);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          } else waiters.push(check);
        };
        check();
      }),
  };
}

beforeAll(async () => {
  const [teacher] = await db().select({ id: teachers.id }).from(teachers).limit(1);
  const [category] = await db().select({ id: categories.id }).from(categories).where(isNotNull(categories.parentId)).limit(1);
  const [course] = await db()
    .insert(courses)
    .values({ slug: `live-test-${run}`, title: `直播课 ${run}`, description: "<p>live</p>", priceFen: 9_900, level: "beginner", language: "zh-CN", status: "published", categoryId: category!.id, teacherId: teacher!.id, tags: [], publishedAt: new Date() })
    .$returningId();
  courseId = course!.id;
  const [chapter] = await db().insert(chapters).values({ courseId, title: "第一章", position: 1 }).$returningId();
  chapterId = chapter!.id;
  learner = await createTestUser([], "学员");
  outsider = await createTestUser([], "路人");
  moderator = await createTestUser(["course_admin"], "管理员");
  await db().transaction((tx) => grantEnrolments(tx, { userId: learner, courseIds: [courseId], source: "purchase" }));
  gateway = await startGateway({ host: "127.0.0.1", port: 0, allowedOrigins: [ORIGIN], redis: () => createTcpRedis(), mayJoin: mayJoinRoom, presence: redisPresence(tcp), presenceIntervalMs: 200 });
});

afterAll(async () => {
  await gateway?.close();
  tcp.disconnect();
});

describe("live lesson schedules", () => {
  it("accepts the provider's https HLS address or a stored video, and nothing else", () => {
    const base = { lessonId: 1, startsAt: "2040-01-01T10:00:00.000Z", plannedMinutes: 60, teacherId: null, recordingUrl: "", status: "scheduled" };
    expect(liveScheduleSchema.safeParse({ ...base, streamUrl: "https://live.example.com/a/index.m3u8" }).success).toBe(true);
    expect(liveScheduleSchema.safeParse({ ...base, streamUrl: "media:demo-bars-v1" }).success).toBe(true);
    for (const bad of ["javascript:alert(1)", "http://evil.example.com/x.m3u8", "media:../etc", "ftp://x/y"]) expect(liveScheduleSchema.safeParse({ ...base, streamUrl: bad }).success).toBe(false);
    expect(liveScheduleSchema.safeParse({ ...base, streamUrl: "media:demo-bars-v1", plannedMinutes: 2 }).success).toBe(false);
  });

  it("schedules only lessons of kind live, audits it, and cancelling closes the chat", async () => {
    const video = await makeLesson("video");
    await expect(scheduleLive(video, 10)).rejects.toBeInstanceOf(LiveLessonError);
    const lessonId = await makeLesson();
    await scheduleLive(lessonId, 10);
    const [row] = await db().select().from(liveSessions).where(eq(liveSessions.lessonId, lessonId));
    expect(row).toMatchObject({ status: "scheduled", plannedMinutes: 60, streamUrl: "media:demo-bars-v1" });
    await cancelLiveLesson(adminFor(moderator, "ACTION lessons.cancelLive"), lessonId);
    expect(await refusal(postChatMessage(learner, lessonId, "还上课吗"))).toMatchObject({ code: "closed", status: 409 });
  });

  it("follows the clock from countdown to live to ended", () => {
    const startsAt = new Date("2040-01-01T10:00:00Z");
    const s = { status: "scheduled" as const, startsAt, plannedMinutes: 60 };
    expect(effectiveStatus(s, new Date("2040-01-01T09:00:00Z"))).toBe("scheduled");
    expect(chatOpen(s, new Date("2040-01-01T09:00:00Z"))).toBe(false);
    expect(chatOpen(s, new Date("2040-01-01T09:45:00Z"))).toBe(true);
    expect(effectiveStatus(s, new Date("2040-01-01T10:30:00Z"))).toBe("live");
    expect(effectiveStatus(s, new Date("2040-01-01T11:00:01Z"))).toBe("ended");
    expect(effectiveStatus({ ...s, status: "cancelled" }, new Date("2040-01-01T10:30:00Z"))).toBe("cancelled");
  });
});

describe("the live room's rules", () => {
  it("admits enrolled learners and staff only, at the room and at the gateway's channel", async () => {
    const lessonId = await makeLesson();
    await scheduleLive(lessonId, 10);
    expect(await roomRole(learner, lessonId)).toBe("learner");
    expect(await roomRole(moderator, lessonId)).toBe("moderator");
    expect(await roomRole(outsider, lessonId)).toBeNull();
    expect(await roomRole(null, lessonId)).toBeNull();
    expect(await refusal(postChatMessage(outsider, lessonId, "让我进去"))).toMatchObject({ code: "not_in_room", status: 403 });

    // The outsider asks the gateway for the room's channel: refused with 1008, the socket closed.
    const intruder = await socketFor(outsider);
    intruder.ws.send(JSON.stringify({ t: "sub", ch: roomChannel(lessonId) }));
    expect(await intruder.closed).toBe(1008);

    // The learner's socket is in; a line posted reaches it, and the room's head count says 1.
    const tab = await socketFor(learner);
    tab.ws.send(JSON.stringify({ t: "sub", ch: roomChannel(lessonId) }));
    expect(await tab.waitFor((f) => f.t === "presence" && f.ch === roomChannel(lessonId))).toMatchObject({ n: 1 });
    const line = await postChatMessage(learner, lessonId, "<b>大家好</b>");
    const event = await tab.waitFor((f) => f.t === "event" && f.e.type === "live.message");
    // Stored and sent as the text typed: the page renders it as text, never as HTML.
    expect(event).toMatchObject({ e: { data: { id: line.id, body: "<b>大家好</b>" } } });
    tab.ws.close();
  });

  it("masks listed words and refuses a line that is nothing but them", async () => {
    expect(screenText("请加微信领取资料")).toEqual({ ok: true, text: "请***领取资料", masked: true });
    expect(screenText("加 微 信!")).toEqual({ ok: false, reason: "sensitive" });
    expect(screenText("今天讲二叉树")).toEqual({ ok: true, text: "今天讲二叉树", masked: false });
    const lessonId = await makeLesson();
    await scheduleLive(lessonId, 10);
    expect((await postChatMessage(learner, lessonId, "想要资料的加微信")).body).toBe("想要资料的***");
    expect(await refusal(postChatMessage(learner, lessonId, "加微信"))).toMatchObject({ code: "sensitive" });
  });

  it("limits each learner's pace per room, and not the moderators'", async () => {
    const lessonId = await makeLesson();
    await scheduleLive(lessonId, 10);
    for (let i = 0; i < CHAT_RATE.limit; i++) await postChatMessage(learner, lessonId, `第 ${i} 条`);
    const limited = await refusal(postChatMessage(learner, lessonId, "再来一条"));
    expect(limited).toMatchObject({ code: "rate_limited", status: 429 });
    expect((limited as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    for (let i = 0; i < CHAT_RATE.limit + 2; i++) await postChatMessage(moderator, lessonId, `公告 ${i}`);
  });

  it("a muted learner cannot post in that room until the mute lapses", async () => {
    const lessonId = await makeLesson();
    await scheduleLive(lessonId, 10);
    await muteLearner(adminFor(moderator, "POST /api/v1/admin/live/[lessonId]/mutes"), lessonId, learner, 5);
    const muted = await refusal(postChatMessage(learner, lessonId, "我被禁言了吗"));
    expect(muted).toMatchObject({ code: "muted", status: 403 });
    expect((muted as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(290);
    // Another room is not affected.
    const other = await makeLesson();
    await scheduleLive(other, 10);
    expect((await postChatMessage(learner, other, "这里可以说话")).body).toBe("这里可以说话");
  });

  it("deleting is for moderators; a deleted line leaves the history and the room is told", async () => {
    const { decide } = await import("@/lib/rbac/decide");
    const { effectivePermissions } = await import("@/lib/rbac/permissions");
    const route = "/api/v1/admin/live/1/messages/2";
    expect(decide({ userId: learner, permissions: (await effectivePermissions(learner)).permissions }, "DELETE", route).outcome).toBe("deny");
    expect(decide({ userId: moderator, permissions: (await effectivePermissions(moderator)).permissions }, "DELETE", route).outcome).toBe("allow");

    const lessonId = await makeLesson();
    await scheduleLive(lessonId, 10);
    const tab = await socketFor(learner);
    tab.ws.send(JSON.stringify({ t: "sub", ch: roomChannel(lessonId) }));
    await tab.waitFor((f) => f.t === "presence");
    const line = await postChatMessage(learner, lessonId, "这条会被删除");
    const admin = adminFor(moderator, "DELETE /api/v1/admin/live/[lessonId]/messages/[messageId]");
    // The id of another room's line does not work here.
    const other = await makeLesson();
    expect(await deleteChatMessage(admin, other, line.id)).toBe(false);
    expect(await deleteChatMessage(admin, lessonId, line.id)).toBe(true);
    expect(await deleteChatMessage(admin, lessonId, line.id)).toBe(false);
    expect(await tab.waitFor((f) => f.t === "event" && f.e.type === "live.deleted")).toMatchObject({ e: { data: { id: line.id } } });
    expect((await roomHistory(lessonId)).lines.map((l) => l.id)).not.toContain(line.id);
    tab.ws.close();
  });
});

describe("the 15-minute reminder", () => {
  it("tells each enrolled learner once, however many workers run it at once or again", async () => {
    const lessonId = await makeLesson();
    await scheduleLive(lessonId, 10);
    const second = await createTestUser([], "学员二");
    await db().transaction((tx) => grantEnrolments(tx, { userId: second, courseIds: [courseId], source: "free" }));
    await Promise.all([sendLiveReminders(), sendLiveReminders(), sendLiveReminders()]);
    // A worker that died before marking the session done: the next run finds it again, and sends nothing twice.
    await db().update(liveSessions).set({ remindedAt: null }).where(eq(liveSessions.lessonId, lessonId));
    await sendLiveReminders();
    for (const userId of [learner, second]) {
      const told = await db()
        .select({ data: notifications.data })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.kind, "live.starting")));
      expect(told.filter((n) => n.data.lessonId === lessonId)).toHaveLength(1);
    }
    const toldOutsider = await db().select({ id: notifications.id }).from(notifications).where(and(eq(notifications.userId, outsider), eq(notifications.kind, "live.starting")));
    expect(toldOutsider).toHaveLength(0);
  });

  it("does not tell about classes more than 15 minutes away, or cancelled ones", async () => {
    const later = await makeLesson();
    await scheduleLive(later, 40);
    const cancelled = await makeLesson();
    await scheduleLive(cancelled, 10);
    await cancelLiveLesson(adminFor(moderator, "ACTION lessons.cancelLive"), cancelled);
    await sendLiveReminders();
    const told = await db().select({ data: notifications.data }).from(notifications).where(and(eq(notifications.userId, learner), eq(notifications.kind, "live.starting")));
    expect(told.filter((n) => n.data.lessonId === later || n.data.lessonId === cancelled)).toHaveLength(0);
  });
});
