// Live lessons' schedules: read by the room, the lesson page and the reminder job; written by the lesson
// editor's live panel (admin-actions.ts), each write with its audit row in the same transaction. A change of
// status is pushed to the room, so open pages switch from the countdown to the stream (or to "cancelled").
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { courses, lessons, liveReminders, liveSessions, teachers } from "@/db/schema";
import { logger } from "@/lib/log";
import type { AdminContext } from "@/lib/rbac/guard";
import { publish } from "@/lib/realtime/publish";
import { roomChannel } from "@/lib/realtime/protocol";
import type { liveScheduleSchema } from "./schemas";
import type { LiveStatus } from "./status";
import type { z } from "zod";

const log = logger.child({ component: "live" });

export interface LiveSession {
  lessonId: number;
  teacherId: number | null;
  startsAt: Date;
  plannedMinutes: number;
  streamUrl: string;
  recordingUrl: string | null;
  status: LiveStatus;
}

const columns = {
  lessonId: liveSessions.lessonId,
  teacherId: liveSessions.teacherId,
  startsAt: liveSessions.startsAt,
  plannedMinutes: liveSessions.plannedMinutes,
  streamUrl: liveSessions.streamUrl,
  recordingUrl: liveSessions.recordingUrl,
  status: liveSessions.status,
};

export async function getLiveSession(lessonId: number): Promise<LiveSession | null> {
  const [row] = await db().select(columns).from(liveSessions).where(eq(liveSessions.lessonId, lessonId)).limit(1);
  return row ?? null;
}

export interface LiveRoomInfo {
  session: LiveSession;
  lessonId: number;
  lessonTitle: string;
  courseId: number;
  courseSlug: string;
  courseTitle: string;
  teacherName: string | null;
}

/** A scheduled live lesson of a published course (null otherwise: the room does not exist for anyone). */
export async function liveRoomInfo(lessonId: number): Promise<LiveRoomInfo | null> {
  if (!Number.isSafeInteger(lessonId) || lessonId <= 0) return null;
  const [row] = await db()
    .select({ ...columns, lessonTitle: lessons.title, courseId: courses.id, courseSlug: courses.slug, courseTitle: courses.title, teacherName: teachers.name })
    .from(liveSessions)
    .innerJoin(lessons, eq(lessons.id, liveSessions.lessonId))
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .leftJoin(teachers, eq(teachers.id, liveSessions.teacherId))
    .where(and(eq(liveSessions.lessonId, lessonId), eq(lessons.kind, "live"), eq(courses.status, "published")))
    .limit(1);
  if (!row) return null;
  const { lessonTitle, courseId, courseSlug, courseTitle, teacherName, ...session } = row;
  return { session, lessonId, lessonTitle, courseId, courseSlug, courseTitle, teacherName };
}

/** The teachers an admin may pick for a live lesson. */
export async function teacherChoices(): Promise<Array<{ id: number; name: string }>> {
  return db().select({ id: teachers.id, name: teachers.name }).from(teachers).orderBy(asc(teachers.name)).limit(500);
}

export class LiveLessonError extends Error {
  constructor(readonly code: "not_found" | "not_live_kind") {
    super(code);
    this.name = "LiveLessonError";
  }
}

type Schedule = z.output<typeof liveScheduleSchema>;

const describe = (s: Pick<LiveSession, "startsAt" | "plannedMinutes" | "status" | "streamUrl" | "recordingUrl" | "teacherId">) => ({
  startsAt: s.startsAt.toISOString(),
  plannedMinutes: s.plannedMinutes,
  status: s.status,
  streamUrl: s.streamUrl,
  recordingUrl: s.recordingUrl,
  teacherId: s.teacherId,
});

async function pushStatus(lessonId: number, status: LiveStatus, startsAt: Date): Promise<void> {
  await publish(roomChannel(lessonId), { type: "live.status", data: { status, startsAt: startsAt.toISOString() } }).catch((error: unknown) => log.warn({ err: error, lessonId }, "pushing a live status change failed"));
}

/** Schedules (or reschedules) a lesson of kind "live". Moving the start re-arms the 15-minute reminder. */
export async function saveLiveSchedule(admin: AdminContext, input: Schedule): Promise<LiveSession> {
  const saved = await db().transaction(async (tx) => {
    const [lesson] = await tx.select({ id: lessons.id, kind: lessons.kind, title: lessons.title }).from(lessons).where(eq(lessons.id, input.lessonId)).for("update");
    if (!lesson) throw new LiveLessonError("not_found");
    if (lesson.kind !== "live") throw new LiveLessonError("not_live_kind");
    const [before] = await tx.select({ ...columns, remindedAt: liveSessions.remindedAt }).from(liveSessions).where(eq(liveSessions.lessonId, input.lessonId)).for("update");
    const next = {
      teacherId: input.teacherId,
      startsAt: input.startsAt,
      plannedMinutes: input.plannedMinutes,
      streamUrl: input.streamUrl,
      recordingUrl: input.recordingUrl,
      status: input.status,
    };
    const moved = before !== undefined && before.startsAt.getTime() !== input.startsAt.getTime();
    if (before) await tx.update(liveSessions).set({ ...next, ...(moved ? { remindedAt: null } : {}) }).where(eq(liveSessions.lessonId, input.lessonId));
    else await tx.insert(liveSessions).values({ lessonId: input.lessonId, ...next });
    // A new start time is a new reminder: the claims of the old one go.
    if (moved) await tx.delete(liveReminders).where(eq(liveReminders.lessonId, input.lessonId));
    // The lesson's length on the syllabus follows the plan.
    await tx.update(lessons).set({ durationSeconds: input.plannedMinutes * 60 }).where(eq(lessons.id, input.lessonId));
    await admin.audit(tx, {
      targetType: "lesson",
      targetId: input.lessonId,
      summary: `${before ? "Rescheduled" : "Scheduled"} the live lesson ${lesson.title} for ${input.startsAt.toISOString()}`,
      before: before ? describe(before) : null,
      after: describe(next),
    });
    return { lessonId: input.lessonId, ...next, statusChanged: before?.status !== next.status || moved };
  });
  const { statusChanged, ...session } = saved;
  if (statusChanged) await pushStatus(session.lessonId, session.status, session.startsAt);
  return session;
}

/** Cancels a live lesson: the room shows "cancelled", chat closes, no reminder goes out. */
export async function cancelLiveLesson(admin: AdminContext, lessonId: number): Promise<LiveSession> {
  const session = await db().transaction(async (tx) => {
    const [before] = await tx.select(columns).from(liveSessions).where(eq(liveSessions.lessonId, lessonId)).for("update");
    if (!before) throw new LiveLessonError("not_found");
    await tx.update(liveSessions).set({ status: "cancelled" }).where(eq(liveSessions.lessonId, lessonId));
    await admin.audit(tx, { targetType: "lesson", targetId: lessonId, summary: `Cancelled the live lesson ${lessonId}`, before: describe(before), after: { ...describe(before), status: "cancelled" } });
    return { ...before, status: "cancelled" as const };
  });
  await pushStatus(lessonId, "cancelled", session.startsAt);
  return session;
}
