// The one select that turns course rows into catalogue cards, shared by lists, search results and pages.
import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { categories, courses, lessons, teachers, type courseLanguages, type courseLevels } from "@/db/schema";
import type { CategorySummary } from "./categories";
import { displayRating } from "@/lib/reviews/rating";

/** A course as a card shows it: the home shelves, lists and search results. */
export interface CourseSummary {
  id: number;
  slug: string;
  title: string;
  subtitle: string;
  priceFen: number;
  memberPriceFen: number | null;
  level: (typeof courseLevels)[number];
  language: (typeof courseLanguages)[number];
  enrolmentCount: number;
  /** The damped (Bayesian) average rating to one decimal (lib/reviews/rating.ts), null before the first review. */
  rating: number | null;
  ratingCount: number;
  teacherName: string;
  /** The teacher's page is /teachers/<slug>. */
  teacher: { id: number; slug: string; name: string };
  /** The length of all its lessons together. */
  durationSeconds: number;
  category: CategorySummary & {
    /** The top-level category, which picks the cover's colours. */
    rootId: number;
  };
}

/** A course as lists show it. JSON-safe (dates as ISO strings), so it can live in the cache. */
export interface CatalogueCourse extends CourseSummary {
  coverUrl: string | null;
  tags: string[];
  /** ISO 8601, UTC. */
  publishedAt: string | null;
}

export function selectCourseCards() {
  return db()
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      subtitle: courses.subtitle,
      coverUrl: courses.coverUrl,
      priceFen: courses.priceFen,
      memberPriceFen: courses.memberPriceFen,
      level: courses.level,
      language: courses.language,
      tags: courses.tags,
      enrolmentCount: courses.enrolmentCount,
      ratingSum: courses.ratingSum,
      ratingCount: courses.ratingCount,
      publishedAt: courses.publishedAt,
      // Summed per course through lessons_course_idx; a page of cards is a few hundred index lookups at most.
      durationSeconds: sql<number>`(SELECT COALESCE(SUM(${lessons.durationSeconds}), 0) FROM ${lessons} WHERE ${lessons.courseId} = ${courses.id})`.mapWith(Number),
      teacherId: teachers.id,
      teacherSlug: teachers.slug,
      teacherName: teachers.name,
      categoryId: categories.id,
      categoryParentId: categories.parentId,
      categorySlug: categories.slug,
      categoryNameZh: categories.nameZh,
      categoryNameEn: categories.nameEn,
    })
    .from(courses)
    .innerJoin(teachers, eq(teachers.id, courses.teacherId))
    .innerJoin(categories, eq(categories.id, courses.categoryId))
    .$dynamic();
}

type CardRow = Awaited<ReturnType<ReturnType<typeof selectCourseCards>["execute"]>>[number];

export function toCatalogueCourse(row: CardRow): CatalogueCourse {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    subtitle: row.subtitle,
    coverUrl: row.coverUrl,
    priceFen: row.priceFen,
    memberPriceFen: row.memberPriceFen,
    level: row.level,
    language: row.language,
    tags: row.tags ?? [],
    enrolmentCount: row.enrolmentCount,
    rating: displayRating(row.ratingSum, row.ratingCount),
    ratingCount: row.ratingCount,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    durationSeconds: row.durationSeconds,
    teacherName: row.teacherName,
    teacher: { id: row.teacherId, slug: row.teacherSlug, name: row.teacherName },
    category: {
      id: row.categoryId,
      slug: row.categorySlug,
      nameZh: row.categoryNameZh,
      nameEn: row.categoryNameEn,
      rootId: row.categoryParentId ?? row.categoryId,
    },
  };
}

/** Cards for the given ids, in the order of the ids (search results keep their ranking). */
export async function courseCardsByIds(ids: number[]): Promise<CatalogueCourse[]> {
  if (ids.length === 0) return [];
  const rows = await selectCourseCards().where(inArray(courses.id, ids));
  const byId = new Map(rows.map((row) => [row.id, toCatalogueCourse(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
