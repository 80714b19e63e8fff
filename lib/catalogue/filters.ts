// Which published courses a list shows and in what order: the filter and sort types shared by the catalogue
// queries and the search engine, and their SQL over the courses table.
import "server-only";
import { and, asc, desc, eq, gt, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { courses, type courseLanguages, type courseLevels } from "@/db/schema";
import { PRIOR_MEAN, PRIOR_WEIGHT } from "@/lib/reviews/rating";

export type CourseLevel = (typeof courseLevels)[number];
export type CourseLanguage = (typeof courseLanguages)[number];

export interface CourseFilters {
  /** A category and its subcategories, already expanded by the caller. */
  categoryIds?: number[];
  level?: CourseLevel;
  language?: CourseLanguage;
  /** Inclusive bounds on the list price, in fen. */
  priceMinFen?: number;
  priceMaxFen?: number;
  /** true: only free courses; false: only paid ones. */
  free?: boolean;
}

export const courseSortKeys = ["relevance", "newest", "popular", "price", "rating"] as const;
export type CourseSortKey = (typeof courseSortKeys)[number];
export type SortOrder = "asc" | "desc";

export interface CourseSort {
  by: CourseSortKey;
  order: SortOrder;
}

/** The order a sort key takes when none is asked for: cheapest first, otherwise best/newest first. */
export const defaultOrder = (by: CourseSortKey): SortOrder => (by === "price" ? "asc" : "desc");

/** Published courses matching the filters. */
export function courseFilterConditions(filters: CourseFilters): SQL {
  const conditions: SQL[] = [eq(courses.status, "published")];
  if (filters.categoryIds) conditions.push(filters.categoryIds.length ? inArray(courses.categoryId, filters.categoryIds) : sql`false`);
  if (filters.level) conditions.push(eq(courses.level, filters.level));
  if (filters.language) conditions.push(eq(courses.language, filters.language));
  if (filters.priceMinFen !== undefined) conditions.push(gte(courses.priceFen, filters.priceMinFen));
  if (filters.priceMaxFen !== undefined) conditions.push(lte(courses.priceFen, filters.priceMaxFen));
  if (filters.free === true) conditions.push(eq(courses.priceFen, 0));
  if (filters.free === false) conditions.push(gt(courses.priceFen, 0));
  return and(...conditions)!;
}

/**
 * ORDER BY for a sort key; `relevance` is the search engine's to order, so here it falls back to newest.
 * Ties break on the id, so pages never overlap or skip.
 */
export function courseOrderBy(sort: CourseSort): SQL[] {
  const dir = sort.order === "asc" ? asc : desc;
  const tie = sort.order === "asc" ? asc(courses.id) : desc(courses.id);
  switch (sort.by) {
    case "popular":
      return [dir(courses.enrolmentCount), tie];
    case "price":
      return [dir(courses.priceFen), tie];
    case "rating":
      // Unrated courses come last either way; then the damped average (lib/reviews/rating.ts: one 5-star
      // review does not beat a long record of 4.6), then how many ratings back it.
      return [
        desc(sql`${courses.ratingCount} > 0`),
        dir(sql`(${sql.raw(String(PRIOR_WEIGHT * PRIOR_MEAN))} + ${courses.ratingSum}) / (${sql.raw(String(PRIOR_WEIGHT))} + ${courses.ratingCount})`),
        dir(courses.ratingCount),
        tie,
      ];
    case "newest":
    case "relevance":
      return [dir(courses.publishedAt), tie];
  }
}
