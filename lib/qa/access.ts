// Who may take part in a lesson's questions: learners enrolled in the course, and staff: the course's teacher
// (their account) and moderators (whoever holds the moderation queue). Staff answers are shown marked.
import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { courses, lessons, teachers } from "@/db/schema";
import { isEnrolled } from "@/lib/enrolments/access";
import { decide } from "@/lib/rbac/decide";
import { effectivePermissions } from "@/lib/rbac/permissions";

export type QaRole = "staff" | "learner";

export interface LessonRef {
  lessonId: number;
  courseId: number;
  courseSlug: string;
  teacherUserId: number | null;
}

/** A lesson of a published course, with what the Q&A needs to know about its course. */
export async function lessonRef(lessonId: number): Promise<LessonRef | null> {
  const [row] = await db()
    .select({ lessonId: lessons.id, courseId: courses.id, courseSlug: courses.slug, status: courses.status, teacherUserId: teachers.userId })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .innerJoin(teachers, eq(teachers.id, courses.teacherId))
    .where(eq(lessons.id, lessonId));
  if (!row || row.status !== "published") return null;
  return { lessonId: row.lessonId, courseId: row.courseId, courseSlug: row.courseSlug, teacherUserId: row.teacherUserId };
}

/** Whether the person may moderate learner posts (the permission behind /admin/moderation). */
export async function isModerator(userId: number): Promise<boolean> {
  const effective = await effectivePermissions(userId);
  return decide({ userId, ...effective }, "GET", "/admin/moderation").outcome === "allow";
}

export async function qaRole(userId: number, lesson: LessonRef): Promise<QaRole | null> {
  if (lesson.teacherUserId === userId) return "staff";
  if (await isEnrolled(userId, lesson.courseId)) return "learner";
  if (await isModerator(userId)) return "staff";
  return null;
}
