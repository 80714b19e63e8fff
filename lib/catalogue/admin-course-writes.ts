// Course authoring: every admin write to a course and its syllabus, shared by the admin REST API and the
// editor's server actions. Each write validates with the one schema (admin-course-schema.ts), sanitises the
// description, runs in one transaction with its audit row, and only after commit reindexes search and
// invalidates the catalogue cache (changes.ts), so readers never see a change that rolled back.
import "server-only";
import { and, asc, count, eq, inArray, ne } from "drizzle-orm";
import type { z } from "zod";
import { db, type Database } from "@/db";
import { categories, chapters, courses, enrolments, lessons, orderItems, teachers } from "@/db/schema";
import type { Tx } from "@/db/tx";
import { sanitizeHtml } from "@/lib/content/sanitize";
import { fieldErrors } from "@/lib/http/api";
import { logger } from "@/lib/log";
import { recordCourseUpdate, startFanout } from "@/lib/paths/fanout";
import type { AdminContext } from "@/lib/rbac/guard";
import { ADMIN_COURSE_KEYS, adminCourseSchema, syllabusSchema, type AdminCourse, type AdminCourseDetail } from "./admin-course-schema";

export type { AdminCourseDetail } from "./admin-course-schema";
import { categoryName } from "./category-name";
import { getCategoryTree } from "./category-tree";
import { courseChanged, courseDeleted } from "./changes";

const log = logger.child({ component: "course-admin" });

export class CourseValidationError extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super("Some fields are invalid.");
    this.name = "CourseValidationError";
  }
}
export class CourseNotFoundError extends Error {
  constructor(readonly courseId: number) {
    super(`Course ${courseId} does not exist.`);
    this.name = "CourseNotFoundError";
  }
}
/** A published course, or one that learners bought or joined, is archived, never deleted. */
export class CourseInUseError extends Error {
  constructor(readonly courseId: number) {
    super(`Course ${courseId} has enrolments or orders; archive it instead.`);
    this.name = "CourseInUseError";
  }
}

const columns = {
  id: courses.id,
  slug: courses.slug,
  title: courses.title,
  subtitle: courses.subtitle,
  coverUrl: courses.coverUrl,
  description: courses.description,
  priceFen: courses.priceFen,
  memberPriceFen: courses.memberPriceFen,
  includedInMembership: courses.includedInMembership,
  level: courses.level,
  language: courses.language,
  status: courses.status,
  categoryId: courses.categoryId,
  teacherId: courses.teacherId,
  tags: courses.tags,
  publishedAt: courses.publishedAt,
  createdAt: courses.createdAt,
  updatedAt: courses.updatedAt,
  enrolmentCount: courses.enrolmentCount,
};

type StoredCourse = Omit<AdminCourseDetail, "chapters">;

async function readCourse(executor: Pick<Database, "select">, id: number): Promise<StoredCourse | null> {
  const [row] = await executor.select(columns).from(courses).where(eq(courses.id, id)).limit(1);
  return row ?? null;
}

/** A course in any status with its syllabus, for the editor and GET /api/v1/admin/courses/{id}. */
export async function getAdminCourse(id: number): Promise<AdminCourseDetail | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const course = await readCourse(db(), id);
  if (!course) return null;
  const [chapterRows, lessonRows] = await Promise.all([
    db().select({ id: chapters.id, title: chapters.title }).from(chapters).where(eq(chapters.courseId, id)).orderBy(asc(chapters.position), asc(chapters.id)),
    db()
      .select({ id: lessons.id, chapterId: lessons.chapterId, title: lessons.title, kind: lessons.kind, durationSeconds: lessons.durationSeconds, isFreePreview: lessons.isFreePreview })
      .from(lessons)
      .where(eq(lessons.courseId, id))
      .orderBy(asc(lessons.position), asc(lessons.id)),
  ]);
  return {
    ...course,
    chapters: chapterRows.map((c) => ({
      ...c,
      lessons: lessonRows.filter((l) => l.chapterId === c.id).map(({ chapterId: _chapterId, ...lesson }) => lesson),
    })),
  };
}

/** The choices the editor offers: categories (subcategories after their parent) and teachers. */
export async function editorOptions(locale: string): Promise<{ categories: { id: number; name: string }[]; teachers: { id: number; name: string }[] }> {
  const [tree, teacherRows] = await Promise.all([getCategoryTree(), db().select({ id: teachers.id, name: teachers.name }).from(teachers).orderBy(asc(teachers.name))]);
  const options = tree.flatMap((root) => [root, ...root.children].map((c) => ({ id: c.id, name: c.parentId === null ? categoryName(c, locale) : `${categoryName(root, locale)} / ${categoryName(c, locale)}` })));
  return { categories: options, teachers: teacherRows };
}

/** What the audit log keeps of a course: every field, the description clipped. */
function auditView(course: Pick<StoredCourse, keyof AdminCourse>): Record<string, unknown> {
  const { description, ...rest } = course;
  return { ...rest, description: description.length > 2000 ? `${description.slice(0, 2000)}…` : description, descriptionLength: description.length };
}

function parseCourse(input: unknown): AdminCourse {
  const parsed = adminCourseSchema.safeParse(input);
  if (!parsed.success) throw new CourseValidationError(fieldErrors(parsed.error as z.ZodError));
  return { ...parsed.data, description: sanitizeHtml(parsed.data.description) };
}

/** The checks zod cannot make: the slug is free, the category and teacher exist. */
async function checkReferences(tx: Tx, course: AdminCourse, selfId: number | null): Promise<void> {
  const errors: Record<string, string[]> = {};
  const [slugRow] = await tx
    .select({ id: courses.id })
    .from(courses)
    .where(selfId === null ? eq(courses.slug, course.slug) : and(eq(courses.slug, course.slug), ne(courses.id, selfId)))
    .limit(1);
  if (slugRow) errors.slug = ["slug_taken"];
  const [category] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, course.categoryId)).limit(1);
  if (!category) errors.categoryId = ["not_found"];
  const [teacher] = await tx.select({ id: teachers.id }).from(teachers).where(eq(teachers.id, course.teacherId)).limit(1);
  if (!teacher) errors.teacherId = ["not_found"];
  if (Object.keys(errors).length > 0) throw new CourseValidationError(errors);
}

/** Two admins saving the same new slug at once: the unique index decides, and the loser gets the field error. */
function isDuplicateSlug(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string }; message?: string };
  const code = e.code ?? e.cause?.code;
  return code === "ER_DUP_ENTRY" && /courses_slug_uq/.test(String(e.message ?? "") + String((e.cause as { message?: string } | undefined)?.message ?? ""));
}

async function withSlugRace<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isDuplicateSlug(error)) throw new CourseValidationError({ slug: ["slug_taken"] });
    throw error;
  }
}

function publishedAtFor(next: AdminCourse["status"], previous: Date | null): Date | null {
  return next === "published" ? (previous ?? new Date()) : previous;
}

export async function createCourse(admin: AdminContext, input: unknown): Promise<AdminCourseDetail> {
  const course = parseCourse(input);
  const id = await withSlugRace(() =>
    db().transaction(async (tx) => {
      await checkReferences(tx, course, null);
      const [result] = await tx.insert(courses).values({ ...course, publishedAt: publishedAtFor(course.status, null) });
      const newId = Number(result.insertId);
      await admin.audit(tx, { targetType: "course", targetId: newId, summary: `Created course ${course.title} (${course.slug})`, before: null, after: auditView(course) });
      return newId;
    }),
  );
  await courseChanged(id);
  return (await getAdminCourse(id))!;
}

async function writeCourse(admin: AdminContext, id: number, next: (stored: StoredCourse) => unknown, summary: (stored: StoredCourse, course: AdminCourse) => string): Promise<AdminCourseDetail> {
  await withSlugRace(() =>
    db().transaction(async (tx) => {
      const [locked] = await tx.select(columns).from(courses).where(eq(courses.id, id)).for("update");
      if (!locked) throw new CourseNotFoundError(id);
      const course = parseCourse(next(locked));
      await checkReferences(tx, course, id);
      await tx.update(courses).set({ ...course, publishedAt: publishedAtFor(course.status, locked.publishedAt) }).where(eq(courses.id, id));
      await admin.audit(tx, { targetType: "course", targetId: id, summary: summary(locked, course), before: auditView(locked), after: auditView(course) });
    }),
  );
  await courseChanged(id);
  return (await getAdminCourse(id))!;
}

const storedAsInput = (stored: StoredCourse): Record<string, unknown> => Object.fromEntries(ADMIN_COURSE_KEYS.map((k) => [k, stored[k]]));

/** PUT: the course becomes exactly `input` (fields left out take their defaults). */
export function replaceCourse(admin: AdminContext, id: number, input: unknown): Promise<AdminCourseDetail> {
  return writeCourse(admin, id, () => input, (_s, c) => `Updated course ${c.title} (${c.slug})`);
}

/** PATCH: the fields given change; the result is checked whole. Unknown fields are refused. */
export function patchCourse(admin: AdminContext, id: number, input: unknown): Promise<AdminCourseDetail> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) throw new CourseValidationError({ _: ["invalid"] });
  if (Object.keys(input).length === 0) throw new CourseValidationError({ _: ["no_fields"] });
  const unknown = Object.keys(input).filter((k) => !(ADMIN_COURSE_KEYS as string[]).includes(k));
  if (unknown.length > 0) throw new CourseValidationError(Object.fromEntries(unknown.map((k) => [k, ["unknown_field"]])));
  return writeCourse(admin, id, (stored) => ({ ...storedAsInput(stored), ...input }), (_s, c) => `Updated ${Object.keys(input).join(", ") || "nothing"} of course ${c.title} (${c.slug})`);
}

/** Publish or archive (or return to draft). */
export function setCourseStatus(admin: AdminContext, id: number, status: AdminCourse["status"]): Promise<AdminCourseDetail> {
  return writeCourse(admin, id, (stored) => ({ ...storedAsInput(stored), status }), (s, c) => `Changed course ${c.title} (${c.slug}) from ${s.status} to ${status}`);
}

/** Deletes a draft or archived course that nobody enrolled in or ordered, with its syllabus. */
export async function deleteCourse(admin: AdminContext, id: number): Promise<void> {
  await db().transaction(async (tx) => {
    const [locked] = await tx.select(columns).from(courses).where(eq(courses.id, id)).for("update");
    if (!locked) throw new CourseNotFoundError(id);
    const [[enrolled], [ordered]] = await Promise.all([
      tx.select({ n: count() }).from(enrolments).where(eq(enrolments.courseId, id)),
      tx.select({ n: count() }).from(orderItems).where(eq(orderItems.courseId, id)),
    ]);
    if (locked.status === "published" || (enrolled?.n ?? 0) > 0 || (ordered?.n ?? 0) > 0) throw new CourseInUseError(id);
    await tx.delete(courses).where(eq(courses.id, id));
    await admin.audit(tx, { targetType: "course", targetId: id, summary: `Deleted course ${locked.title} (${locked.slug})`, before: auditView(locked), after: null });
  });
  await courseDeleted(id);
}

/**
 * The syllabus becomes exactly `input`: chapters and lessons in the order given (positions 1..n, lessons
 * counted within their chapter like the seed does), existing
 * ones (by id, only this course's) updated, new ones inserted, missing ones deleted. Lessons may move
 * between chapters.
 */
export async function saveSyllabus(admin: AdminContext, input: unknown): Promise<AdminCourseDetail> {
  const parsed = syllabusSchema.safeParse(input);
  if (!parsed.success) throw new CourseValidationError(fieldErrors(parsed.error as z.ZodError));
  const { courseId, chapters: wanted } = parsed.data;
  const updateId = await db().transaction(async (tx) => {
    const [locked] = await tx.select({ id: courses.id, title: courses.title }).from(courses).where(eq(courses.id, courseId)).for("update");
    if (!locked) throw new CourseNotFoundError(courseId);
    const before = await syllabusView(tx, courseId);
    const ownChapters = new Set(before.map((c) => c.id));
    const ownLessons = new Set(before.flatMap((c) => c.lessons.map((l) => l.id)));
    const errors: Record<string, string[]> = {};
    wanted.forEach((c, ci) => {
      if (c.id !== undefined && !ownChapters.has(c.id)) errors[`chapters.${ci}.id`] = ["not_found"];
      c.lessons.forEach((l, li) => {
        if (l.id !== undefined && !ownLessons.has(l.id)) errors[`chapters.${ci}.lessons.${li}.id`] = ["not_found"];
      });
    });
    const keptChapters = wanted.flatMap((c) => (c.id ? [c.id] : []));
    const keptLessons = wanted.flatMap((c) => c.lessons.flatMap((l) => (l.id ? [l.id] : [])));
    if (new Set(keptChapters).size !== keptChapters.length || new Set(keptLessons).size !== keptLessons.length) errors._ = ["duplicate_ids"];
    if (Object.keys(errors).length > 0) throw new CourseValidationError(errors);

    const goneLessons = [...ownLessons].filter((id) => !keptLessons.includes(id));
    if (goneLessons.length > 0) await tx.delete(lessons).where(inArray(lessons.id, goneLessons));
    const goneChapters = [...ownChapters].filter((id) => !keptChapters.includes(id));
    if (goneChapters.length > 0) await tx.delete(chapters).where(inArray(chapters.id, goneChapters));

    let added = 0;
    for (const [ci, chapter] of wanted.entries()) {
      let chapterId = chapter.id;
      if (chapterId) await tx.update(chapters).set({ title: chapter.title, position: ci + 1 }).where(eq(chapters.id, chapterId));
      else chapterId = Number((await tx.insert(chapters).values({ courseId, title: chapter.title, position: ci + 1 }))[0].insertId);
      for (const [li, lesson] of chapter.lessons.entries()) {
        const values = { chapterId, title: lesson.title, kind: lesson.kind, durationSeconds: lesson.durationSeconds, isFreePreview: lesson.isFreePreview, position: li + 1 };
        if (lesson.id) await tx.update(lessons).set(values).where(eq(lessons.id, lesson.id));
        else {
          await tx.insert(lessons).values({ ...values, courseId });
          added += 1;
        }
      }
    }
    const after = await syllabusView(tx, courseId);
    await admin.audit(tx, { targetType: "course", targetId: courseId, summary: `Saved the syllabus of ${locked.title}: ${after.length} chapters, ${after.reduce((n, c) => n + c.lessons.length, 0)} lessons`, before: { chapters: before }, after: { chapters: after } });
    // New lessons in a published course: its followers (and those of paths with it) hear of it (lib/paths).
    return recordCourseUpdate(tx, courseId, added);
  });
  await courseChanged(courseId);
  if (updateId !== null) await startFanout(updateId).catch((error: unknown) => log.error({ err: error, courseId, updateId }, "queueing the followers' fan-out failed; the sweep retries it"));
  return (await getAdminCourse(courseId))!;
}

async function syllabusView(tx: Tx, courseId: number) {
  const [chapterRows, lessonRows] = await Promise.all([
    tx.select({ id: chapters.id, title: chapters.title }).from(chapters).where(eq(chapters.courseId, courseId)).orderBy(asc(chapters.position), asc(chapters.id)),
    tx.select({ id: lessons.id, chapterId: lessons.chapterId, title: lessons.title }).from(lessons).where(eq(lessons.courseId, courseId)).orderBy(asc(lessons.position), asc(lessons.id)),
  ]);
  return chapterRows.map((c) => ({ id: c.id, title: c.title, lessons: lessonRows.filter((l) => l.chapterId === c.id).map((l) => ({ id: l.id, title: l.title })) }));
}
