"use server";
// Server actions of the lesson editor's live panel (/admin/courses/[id]/lessons/[lessonId]): schedule, edit
// and cancel a live lesson.
import { logger } from "@/lib/log";
import { adminAction } from "@/lib/rbac/guard";
import { liveScheduleSchema } from "./schemas";
import { cancelLiveLesson, LiveLessonError, saveLiveSchedule } from "./sessions";

const log = logger.child({ component: "live-admin" });

export type LiveScheduleResult =
  | { ok: true; status: string; startsAt: string }
  | { ok: false; error: "invalid_input" | "not_found" | "not_live_kind" | "unavailable"; fields?: Record<string, string> };

function failure(error: unknown, lessonId: unknown): LiveScheduleResult {
  if (error instanceof LiveLessonError) return { ok: false, error: error.code };
  log.error({ err: error, lessonId }, "saving a live lesson failed");
  return { ok: false, error: "unavailable" };
}

export const saveLiveLesson = adminAction("lessons.scheduleLive", { category: "courses", zh: "安排直播课", en: "Schedule live lessons", roles: ["course_admin"] }, async (admin, input: unknown): Promise<LiveScheduleResult> => {
  const parsed = liveScheduleSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? "form")] ??= issue.message.startsWith("Invalid") ? "invalid" : issue.message;
    return { ok: false, error: "invalid_input", fields };
  }
  try {
    const session = await saveLiveSchedule(admin, parsed.data);
    return { ok: true, status: session.status, startsAt: session.startsAt.toISOString() };
  } catch (error) {
    return failure(error, parsed.data.lessonId);
  }
});

export const cancelLiveLessonAction = adminAction("lessons.cancelLive", { category: "courses", zh: "取消直播课", en: "Cancel live lessons", roles: ["course_admin"] }, async (admin, lessonId: unknown): Promise<LiveScheduleResult> => {
  if (typeof lessonId !== "number" || !Number.isSafeInteger(lessonId) || lessonId <= 0) return { ok: false, error: "invalid_input" };
  try {
    const session = await cancelLiveLesson(admin, lessonId);
    return { ok: true, status: session.status, startsAt: session.startsAt.toISOString() };
  } catch (error) {
    return failure(error, lessonId);
  }
});
