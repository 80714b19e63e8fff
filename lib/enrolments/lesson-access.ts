// Who may open a lesson. Free previews are open to everyone; every other lesson only to learners enrolled in
// the course. Draft and archived courses have no lessons to open (getCourse only finds published ones).
// Never cached: enrolment is per person and must take effect the moment it is made.
import "server-only";
import { getCourse, type CourseDetail, type SyllabusChapter, type SyllabusLesson } from "@/lib/catalogue/course-detail";
import { isEnrolled } from "./access";

/**
 * Why a lesson opens or does not:
 * - preview: a free preview, open to all;
 * - enrolled: the viewer holds the course;
 * - sign_in: a visitor, who may hold the course once signed in;
 * - locked: signed in but not enrolled.
 */
export type LessonAccess = "preview" | "enrolled" | "sign_in" | "locked";

export const canOpen = (access: LessonAccess): boolean => access === "preview" || access === "enrolled";

/** The rule itself, given what is known about the viewer. */
export function decideLessonAccess(lesson: Pick<SyllabusLesson, "isFreePreview">, viewer: { userId: number; enrolled: boolean } | null): LessonAccess {
  if (lesson.isFreePreview) return "preview";
  if (!viewer) return "sign_in";
  return viewer.enrolled ? "enrolled" : "locked";
}

export interface LessonView {
  course: CourseDetail;
  chapter: SyllabusChapter;
  lesson: SyllabusLesson;
  /** 1-based position among all the course's lessons. */
  number: number;
  previous: SyllabusLesson | null;
  next: SyllabusLesson | null;
  access: LessonAccess;
  viewerId: number | null;
}

/**
 * A lesson of a published course as `viewerId` may see it; null when the course is not published or the
 * lesson is not one of its lessons (both are "not found" to the reader).
 */
export async function lessonForViewer(courseSlug: string, lessonId: string | number, viewerId: number | null): Promise<LessonView | null> {
  const id = typeof lessonId === "number" ? lessonId : /^[1-9]\d{0,15}$/.test(lessonId) ? Number(lessonId) : NaN;
  if (!Number.isSafeInteger(id)) return null;
  const course = await getCourse(courseSlug);
  if (!course) return null;
  const ordered = course.chapters.flatMap((chapter) => chapter.lessons.map((lesson) => ({ chapter, lesson })));
  const index = ordered.findIndex((entry) => entry.lesson.id === id);
  const found = ordered[index];
  if (!found) return null;
  const enrolled = viewerId !== null && !found.lesson.isFreePreview ? await isEnrolled(viewerId, course.id) : false;
  return {
    course,
    chapter: found.chapter,
    lesson: found.lesson,
    number: index + 1,
    previous: ordered[index - 1]?.lesson ?? null,
    next: ordered[index + 1]?.lesson ?? null,
    access: decideLessonAccess(found.lesson, viewerId === null ? null : { userId: viewerId, enrolled }),
    viewerId,
  };
}
