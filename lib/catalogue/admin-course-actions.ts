"use server";
// Server actions of the course editor (/admin/courses/new and /admin/courses/[id]). Each takes plain values,
// not FormData (the editor holds its state in React and checks it with the same schema first), calls the
// authoring module and answers a result the editor shows: the saved course, or message keys and field
// errors — never a raw error.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { sanitizeHtml } from "@/lib/content/sanitize";
import { logger } from "@/lib/log";
import { adminAction } from "@/lib/rbac/guard";
import { MAX_DESCRIPTION_LENGTH } from "./admin-course-schema";
import type { CourseActionResult } from "./admin-course-schema";
import * as writes from "./admin-course-writes";

const log = logger.child({ component: "admin-course-actions" });
const courseId = z.number().int().positive().max(2 ** 53 - 1);

async function run(what: string, id: unknown, write: () => Promise<writes.AdminCourseDetail | void>): Promise<CourseActionResult> {
  try {
    const course = await write();
    revalidatePath("/admin/courses");
    if (course) revalidatePath(`/admin/courses/${course.id}`);
    return course ? { ok: true, course } : { ok: true };
  } catch (error) {
    if (error instanceof writes.CourseValidationError) return { ok: false, error: "invalid_input", fieldErrors: error.fieldErrors };
    if (error instanceof writes.CourseNotFoundError) return { ok: false, error: "not_found" };
    if (error instanceof writes.CourseInUseError) return { ok: false, error: "in_use" };
    log.error({ err: error, courseId: id }, `${what} failed`);
    return { ok: false, error: "unavailable" };
  }
}

const invalid: CourseActionResult = { ok: false, error: "invalid_input", fieldErrors: {} };

/** `(course)` → the new course (a draft unless `status` says otherwise). */
export const createCourse = adminAction(
  "courses.create",
  { category: "courses", zh: "创建课程", en: "Create courses", roles: ["course_admin"] },
  async (admin, input: unknown): Promise<CourseActionResult> => run("creating a course", null, () => writes.createCourse(admin, input)),
);

/** `(id, course)` → the course with every field replaced (the editor always sends the whole form). */
export const updateCourse = adminAction(
  "courses.update",
  { category: "courses", zh: "编辑课程", en: "Edit courses", roles: ["course_admin"] },
  async (admin, id: unknown, input: unknown): Promise<CourseActionResult> => {
    const parsed = courseId.safeParse(id);
    if (!parsed.success) return invalid;
    return run("updating a course", id, () => writes.replaceCourse(admin, parsed.data, input));
  },
);

/** `(id)` → the course, published (its first publication date kept when it had one). */
export const publishCourse = adminAction(
  "courses.publish",
  { category: "courses", zh: "发布课程", en: "Publish courses", roles: ["course_admin"] },
  async (admin, id: unknown): Promise<CourseActionResult> => {
    const parsed = courseId.safeParse(id);
    if (!parsed.success) return invalid;
    return run("publishing a course", id, () => writes.setCourseStatus(admin, parsed.data, "published"));
  },
);

/** `(id)` → the course, archived: off the catalogue, still there for the learners who have it. */
export const archiveCourse = adminAction(
  "courses.archive",
  { category: "courses", zh: "下架课程", en: "Archive courses", roles: ["course_admin"] },
  async (admin, id: unknown): Promise<CourseActionResult> => {
    const parsed = courseId.safeParse(id);
    if (!parsed.success) return invalid;
    return run("archiving a course", id, () => writes.setCourseStatus(admin, parsed.data, "archived"));
  },
);

/** `(id)` → deleted; only a course never sold nor joined and not published ("in_use" otherwise). */
export const deleteCourse = adminAction(
  "courses.delete",
  { category: "courses", zh: "删除课程", en: "Delete courses", roles: ["course_admin"] },
  async (admin, id: unknown): Promise<CourseActionResult> => {
    const parsed = courseId.safeParse(id);
    if (!parsed.success) return invalid;
    return run("deleting a course", id, () => writes.deleteCourse(admin, parsed.data));
  },
);

/** `({ courseId, chapters: [{ id?, title, lessons: [{ id?, title, kind, durationSeconds, isFreePreview }] }] })`: the syllabus becomes this, in this order. */
export const saveSyllabus = adminAction(
  "courses.saveSyllabus",
  { category: "courses", zh: "编排课程章节", en: "Edit and reorder chapters and lessons", roles: ["course_admin"] },
  async (admin, input: unknown): Promise<CourseActionResult> => run("saving a syllabus", (input as { courseId?: unknown } | undefined)?.courseId, () => writes.saveSyllabus(admin, input)),
);

/** `(html)` → the HTML exactly as learners will get it (sanitised); writes nothing. */
export const previewDescription = adminAction(
  "courses.preview",
  { category: "courses", zh: "预览课程介绍", en: "Preview course descriptions", roles: ["course_admin"] },
  async (_admin, html: unknown): Promise<{ ok: true; html: string } | { ok: false; error: "invalid_input" }> => {
    const parsed = z.string().max(MAX_DESCRIPTION_LENGTH).safeParse(html);
    if (!parsed.success) return { ok: false, error: "invalid_input" };
    return { ok: true, html: sanitizeHtml(parsed.data) };
  },
);
