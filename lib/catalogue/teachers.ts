// Teachers' public pages: a teacher's profile with what their published courses add up to (a rating weighted by
// the number of ratings, distinct learners), and their published courses page by page. Both are cached in Redis
// like the course pages. A teacher without a published course has no page: there would be nothing to show but
// a name, and a page for them would leak drafts' teachers to crawlers.
import "server-only";
import { and, count, countDistinct, desc, eq, sum } from "drizzle-orm";
import { replicaDb } from "@/db";
import { courses, enrolments, teachers } from "@/db/schema";
import { cached } from "@/lib/cache";
import { selectCourseCards, toCatalogueCourse, type CatalogueCourse } from "./course-rows";
import { averageRating } from "./format";
import { CATALOGUE_TAGS } from "./tags";

/** How many courses a teacher's page shows at a time (three rows of four on a wide screen). */
export const TEACHER_COURSES_PER_PAGE = 12;

export interface TeacherProfile {
  id: number;
  slug: string;
  name: string;
  title: string;
  bio: string;
  avatarUrl: string | null;
  courseCount: number;
  /** Over all their published courses: every rating counts once, so a course rated by many weighs more. */
  rating: number | null;
  ratingCount: number;
  /** Distinct learners enrolled in any of their published courses. */
  learnerCount: number;
}

export interface TeacherCourses {
  items: CatalogueCourse[];
  total: number;
  page: number;
  perPage: number;
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** Whether a path segment could be a teacher's slug, so impossible ones never reach Redis or MySQL. */
export const isTeacherSlug = (value: string): boolean => SLUG.test(value);

// A teacher's numbers move with their courses (published, archived, rated, enrolled in) and with their profile.
const TAGS = [CATALOGUE_TAGS.teachers, CATALOGUE_TAGS.courses];

async function loadProfile(slug: string): Promise<TeacherProfile | null> {
  const [teacher] = await replicaDb()
    .select({ id: teachers.id, slug: teachers.slug, name: teachers.name, title: teachers.title, bio: teachers.bio, avatarUrl: teachers.avatarUrl })
    .from(teachers)
    .where(eq(teachers.slug, slug))
    .limit(1);
  if (!teacher) return null;
  const published = and(eq(courses.teacherId, teacher.id), eq(courses.status, "published"));
  const [[totals], [learners]] = await Promise.all([
    replicaDb().select({ n: count(), ratingSum: sum(courses.ratingSum), ratingCount: sum(courses.ratingCount) }).from(courses).where(published),
    replicaDb().select({ n: countDistinct(enrolments.userId) }).from(enrolments).innerJoin(courses, eq(courses.id, enrolments.courseId)).where(published),
  ]);
  const courseCount = Number(totals?.n ?? 0);
  if (courseCount === 0) return null;
  const ratingCount = Number(totals?.ratingCount ?? 0);
  return {
    ...teacher,
    courseCount,
    rating: averageRating(Number(totals?.ratingSum ?? 0), ratingCount),
    ratingCount,
    learnerCount: Number(learners?.n ?? 0),
  };
}

/** The teacher with this slug, or null when there is none or none of their courses is published. */
export async function getTeacherProfile(slug: string): Promise<TeacherProfile | null> {
  if (!isTeacherSlug(slug)) return null;
  return cached(`catalogue:teacher:${slug}`, { tags: TAGS, ttlSeconds: 300, negativeTtlSeconds: 30 }, () => loadProfile(slug));
}

/** One page of a teacher's published courses, the most learned first. */
export async function listTeacherCourses(teacherId: number, page: number, perPage = TEACHER_COURSES_PER_PAGE): Promise<TeacherCourses> {
  const at = Math.max(1, Math.floor(page));
  const published = and(eq(courses.teacherId, teacherId), eq(courses.status, "published"));
  const result = await cached(
    `catalogue:teacher-courses:${teacherId}:${at}:${perPage}`,
    // Cards show category names too.
    { tags: [...TAGS, CATALOGUE_TAGS.categories], ttlSeconds: 300 },
    async () => {
      const [rows, [counted]] = await Promise.all([
        selectCourseCards()
          .where(published)
          .orderBy(desc(courses.enrolmentCount), desc(courses.id))
          .limit(perPage)
          .offset((at - 1) * perPage),
        replicaDb().select({ n: count() }).from(courses).where(published),
      ]);
      return { items: rows.map(toCatalogueCourse), total: Number(counted?.n ?? 0) };
    },
  );
  return { items: result?.items ?? [], total: result?.total ?? 0, page: at, perPage };
}
