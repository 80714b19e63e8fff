// A lesson's content: the text authors write in the lesson editor (articles, notes under a video) and which
// video it shows. This module writes lessons.body and lessons.video_asset_id; lib/media calls setLessonVideo
// when a new video is ready, inside its own transaction.
import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Database } from "@/db";
import { chapters, courses, lessons } from "@/db/schema";
import { sanitizeHtml } from "@/lib/content/sanitize";
import type { AdminContext } from "@/lib/rbac/guard";
import { MAX_DESCRIPTION_LENGTH } from "./admin-course-schema";
import { courseChanged } from "./changes";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** What the lesson page shows besides the syllabus data: the sanitised text and the current video, if any. */
export async function lessonContent(lessonId: number): Promise<{ body: string | null; videoAssetId: number | null }> {
  const [row] = await db().select({ body: lessons.body, videoAssetId: lessons.videoAssetId }).from(lessons).where(eq(lessons.id, lessonId)).limit(1);
  // Sanitised again when shown: a row written before a rule tightened still reaches learners clean.
  return { body: row?.body ? sanitizeHtml(row.body) : null, videoAssetId: row?.videoAssetId ?? null };
}

export interface AdminLesson {
  id: number;
  courseId: number;
  courseTitle: string;
  chapterTitle: string;
  title: string;
  kind: (typeof lessons.kind.enumValues)[number];
  isFreePreview: boolean;
  durationSeconds: number;
  body: string;
  videoAssetId: number | null;
}

/** A lesson of `courseId` in any course status, for the lesson editor; null when it is not that course's. */
export async function getAdminLesson(courseId: number, lessonId: number): Promise<AdminLesson | null> {
  if (!Number.isSafeInteger(courseId) || !Number.isSafeInteger(lessonId) || courseId <= 0 || lessonId <= 0) return null;
  const [row] = await db()
    .select({
      id: lessons.id,
      courseId: lessons.courseId,
      courseTitle: courses.title,
      chapterTitle: chapters.title,
      title: lessons.title,
      kind: lessons.kind,
      isFreePreview: lessons.isFreePreview,
      durationSeconds: lessons.durationSeconds,
      body: lessons.body,
      videoAssetId: lessons.videoAssetId,
    })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .innerJoin(chapters, eq(chapters.id, lessons.chapterId))
    .where(and(eq(lessons.id, lessonId), eq(lessons.courseId, courseId)))
    .limit(1);
  return row ? { ...row, body: row.body ?? "" } : null;
}

export const lessonBodySchema = z.object({
  lessonId: z.number().int().positive().max(2 ** 53 - 1),
  body: z.string().max(MAX_DESCRIPTION_LENGTH, "too_long"),
});

export class LessonNotFoundError extends Error {
  constructor(readonly lessonId: number) {
    super(`Lesson ${lessonId} does not exist.`);
    this.name = "LessonNotFoundError";
  }
}

const clip = (html: string) => (html.length > 2000 ? `${html.slice(0, 2000)}…` : html);

/** Saves a lesson's text, sanitised with the same allow-list as course descriptions, with its audit row. */
export async function saveLessonBody(admin: AdminContext, input: { lessonId: number; body: string }): Promise<string> {
  const body = sanitizeHtml(input.body);
  await db().transaction(async (tx) => {
    const [locked] = await tx.select({ id: lessons.id, title: lessons.title, body: lessons.body }).from(lessons).where(eq(lessons.id, input.lessonId)).for("update");
    if (!locked) throw new LessonNotFoundError(input.lessonId);
    await tx.update(lessons).set({ body: body === "" ? null : body }).where(eq(lessons.id, input.lessonId));
    await admin.audit(tx, {
      targetType: "lesson",
      targetId: input.lessonId,
      summary: `Saved the text of lesson ${locked.title}`,
      before: { body: clip(locked.body ?? ""), length: locked.body?.length ?? 0 },
      after: { body: clip(body), length: body.length },
    });
  });
  return body;
}

/**
 * Makes `assetId` the lesson's video and its length the lesson's, in the caller's transaction; answers the
 * asset it replaced (whose files the caller removes after commit). Refreshes the catalogue after commit is
 * the caller's part too (lessonVideoChanged).
 */
export async function setLessonVideo(tx: Tx, lessonId: number, assetId: number, durationSeconds: number): Promise<{ previousAssetId: number | null; courseId: number } | null> {
  const [locked] = await tx.select({ videoAssetId: lessons.videoAssetId, courseId: lessons.courseId }).from(lessons).where(eq(lessons.id, lessonId)).for("update");
  if (!locked) return null;
  await tx.update(lessons).set({ videoAssetId: assetId, durationSeconds: Math.max(1, Math.round(durationSeconds)) }).where(eq(lessons.id, lessonId));
  return { previousAssetId: locked.videoAssetId, courseId: locked.courseId };
}

/** After a lesson's length changed with its video: course pages show lengths. */
export async function lessonVideoChanged(courseId: number): Promise<void> {
  await courseChanged(courseId);
}
