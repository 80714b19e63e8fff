// One published course with its syllabus (chapters and lessons), teacher and category, by id or slug,
// cached in Redis. Impossible ids and slugs are rejected before any lookup; unknown ones are cached as misses.
import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { categories, chapters, courses, lessons, teachers, type lessonKinds } from "@/db/schema";
import { cached } from "@/lib/cache";
import { selectCourseCards, toCatalogueCourse, type CatalogueCourse } from "./course-rows";
import { CATALOGUE_TAGS } from "./tags";

export interface SyllabusLesson {
  id: number;
  title: string;
  kind: (typeof lessonKinds)[number];
  durationSeconds: number;
  isFreePreview: boolean;
}

export interface SyllabusChapter {
  id: number;
  title: string;
  lessons: SyllabusLesson[];
}

export interface CourseDetail extends CatalogueCourse {
  /** Sanitised HTML from the course editor. */
  description: string;
  teacher: CatalogueCourse["teacher"] & { title: string; bio: string; avatarUrl: string | null };
  /** The parent of the course's category, for breadcrumbs; null for a top-level category. */
  parentCategory: { id: number; slug: string; nameZh: string; nameEn: string } | null;
  chapters: SyllabusChapter[];
  lessonCount: number;
  totalDurationSeconds: number;
  freePreviewCount: number;
  /** Members open it without buying it (lib/memberships). */
  includedInMembership: boolean;
}

export type CourseRef = { id: number } | { slug: string };

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?$/;

/**
 * How a path segment names a course: a positive integer id or a slug. null for anything that cannot name a
 * course (too long, odd characters, 0, beyond 2^53), so such lookups never reach Redis or MySQL.
 */
export function parseCourseRef(value: string | number): CourseRef | null {
  if (typeof value === "number") return Number.isSafeInteger(value) && value > 0 ? { id: value } : null;
  if (/^\d{1,16}$/.test(value)) {
    const id = Number(value);
    return Number.isSafeInteger(id) && id > 0 && !value.startsWith("0") ? { id } : null;
  }
  return SLUG.test(value) ? { slug: value } : null;
}

async function loadCourse(ref: CourseRef): Promise<CourseDetail | null> {
  const where = and(eq(courses.status, "published"), "id" in ref ? eq(courses.id, ref.id) : eq(courses.slug, ref.slug));
  const [row] = await selectCourseCards(db()).where(where).limit(1);
  if (!row) return null;
  const [extra] = await db()
    .select({
      description: courses.description,
      teacherTitle: teachers.title,
      teacherBio: teachers.bio,
      teacherAvatarUrl: teachers.avatarUrl,
      parentId: categories.parentId,
      includedInMembership: courses.includedInMembership,
    })
    .from(courses)
    .innerJoin(teachers, eq(teachers.id, courses.teacherId))
    .innerJoin(categories, eq(categories.id, courses.categoryId))
    .where(eq(courses.id, row.id));
  const [parentRows, chapterRows, lessonRows] = await Promise.all([
    extra?.parentId
      ? db().select({ id: categories.id, slug: categories.slug, nameZh: categories.nameZh, nameEn: categories.nameEn }).from(categories).where(eq(categories.id, extra.parentId))
      : Promise.resolve([]),
    db().select({ id: chapters.id, title: chapters.title }).from(chapters).where(eq(chapters.courseId, row.id)).orderBy(asc(chapters.position), asc(chapters.id)),
    db()
      .select({
        id: lessons.id,
        chapterId: lessons.chapterId,
        title: lessons.title,
        kind: lessons.kind,
        durationSeconds: lessons.durationSeconds,
        isFreePreview: lessons.isFreePreview,
      })
      .from(lessons)
      .where(eq(lessons.courseId, row.id))
      .orderBy(asc(lessons.position), asc(lessons.id)),
  ]);
  const byChapter = new Map<number, SyllabusLesson[]>(chapterRows.map((c) => [c.id, []]));
  for (const { chapterId, ...lesson } of lessonRows) byChapter.get(chapterId)?.push(lesson);
  const syllabus = chapterRows.map((c) => ({ id: c.id, title: c.title, lessons: byChapter.get(c.id) ?? [] }));
  const all = syllabus.flatMap((c) => c.lessons);
  const card = toCatalogueCourse(row);
  return {
    ...card,
    description: extra?.description ?? "",
    teacher: { ...card.teacher, title: extra?.teacherTitle ?? "", bio: extra?.teacherBio ?? "", avatarUrl: extra?.teacherAvatarUrl ?? null },
    parentCategory: parentRows[0] ?? null,
    chapters: syllabus,
    lessonCount: all.length,
    totalDurationSeconds: all.reduce((sum, l) => sum + l.durationSeconds, 0),
    freePreviewCount: all.filter((l) => l.isFreePreview).length,
    includedInMembership: extra?.includedInMembership ?? false,
  };
}

/**
 * A published course by id or slug (a number, or a path segment such as "42" or "machine-learning-primer"),
 * or null when there is none. Drafts and archived courses are not shown.
 */
export async function getCourse(idOrSlug: string | number): Promise<CourseDetail | null> {
  const ref = parseCourseRef(idOrSlug);
  if (!ref) return null;
  const name = "id" in ref ? `catalogue:course:id:${ref.id}` : `catalogue:course:slug:${ref.slug}`;
  // Tagged "courses" rather than by course: whether the entry is a course or a miss is only known after the
  // lookup, and a miss must go stale when any course is created or renamed to that id or slug.
  const tags = [CATALOGUE_TAGS.courses, CATALOGUE_TAGS.categories, CATALOGUE_TAGS.teachers];
  return cached(name, { tags, ttlSeconds: 300, negativeTtlSeconds: 30 }, () => loadCourse(ref));
}

/** Ids of the published courses among `ids` (for the sitemap and cart checks). */
export async function publishedCourseIds(ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db().select({ id: courses.id }).from(courses).where(and(inArray(courses.id, ids), eq(courses.status, "published")));
  return rows.map((r) => r.id);
}
