"use server";
// Server actions of the lesson editor (/admin/courses/[id]/lessons/[lessonId]): the lesson's text.
import { logger } from "@/lib/log";
import { adminAction } from "@/lib/rbac/guard";
import { LessonNotFoundError, lessonBodySchema, saveLessonBody } from "./lesson-content";

const log = logger.child({ component: "lesson-content-actions" });

export type LessonTextResult = { ok: true; body: string } | { ok: false; error: "invalid_input" | "too_long" | "not_found" | "unavailable" };

/** `({ lessonId, body })` → the text as saved (sanitised with the course descriptions' allow-list). */
export const saveLessonText = adminAction(
  "lessons.saveText",
  { category: "courses", zh: "编辑课时正文", en: "Edit lesson texts", roles: ["course_admin"] },
  async (admin, input: unknown): Promise<LessonTextResult> => {
    const parsed = lessonBodySchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: parsed.error.issues.some((i) => i.message === "too_long") ? "too_long" : "invalid_input" };
    try {
      return { ok: true, body: await saveLessonBody(admin, parsed.data) };
    } catch (error) {
      if (error instanceof LessonNotFoundError) return { ok: false, error: "not_found" };
      log.error({ err: error, lessonId: parsed.data.lessonId }, "saving a lesson's text failed");
      return { ok: false, error: "unavailable" };
    }
  },
);
