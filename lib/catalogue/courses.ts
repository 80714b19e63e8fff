// Lists of published courses for the catalogue pages and GET /api/v1/courses: filters (category with its
// subcategories, level, language, price range, free/paid), a search query, sorting and paging, all cached
// in Redis under the "courses" tag.
import "server-only";
import { count } from "drizzle-orm";
import { replicaDb } from "@/db";
import { courses } from "@/db/schema";
import { cached } from "@/lib/cache";
import { MAX_PER_PAGE } from "@/lib/http/paging";
import { searchCourses, type CourseHighlight } from "@/lib/search";
import { resolveCategory, type CategoryNode } from "./category-tree";
import { selectCourseCards, courseCardsByIds, toCatalogueCourse, type CatalogueCourse } from "./course-rows";
import { courseFilterConditions, courseOrderBy, defaultOrder, type CourseFilters, type CourseLanguage, type CourseLevel, type CourseSortKey, type SortOrder } from "./filters";
import { CATALOGUE_TAGS } from "./tags";

export const DEFAULT_PER_PAGE = 20;

export interface CourseListParams {
  /** Search words; without them the list is not searched. */
  q?: string;
  /** A category's slug or id; its subcategories are included. */
  category?: string;
  level?: CourseLevel;
  language?: CourseLanguage;
  priceMinFen?: number;
  priceMaxFen?: number;
  free?: boolean;
  /** Default: relevance with `q`, newest without. */
  sort?: CourseSortKey;
  /** Default: ascending for price, descending otherwise. */
  order?: SortOrder;
  /** From 1. */
  page?: number;
  /** At most MAX_PER_PAGE. */
  perPage?: number;
}

export interface CourseListItem extends CatalogueCourse {
  /** Present when the list was searched. */
  highlight?: CourseHighlight;
}

export interface CourseList {
  items: CourseListItem[];
  total: number;
  page: number;
  perPage: number;
  sort: CourseSortKey;
  order: SortOrder;
  /** The category filtered by, when there was one. */
  category: CategoryNode | null;
}

export class UnknownCategoryError extends Error {
  constructor(readonly category: string) {
    super(`No category "${category}"`);
    this.name = "UnknownCategoryError";
  }
}

/** One page of published courses. Throws UnknownCategoryError for a category that does not exist. */
export async function listCourses(params: CourseListParams = {}): Promise<CourseList> {
  const q = params.q?.trim() ?? "";
  const page = Math.max(1, Math.floor(params.page ?? 1));
  const perPage = Math.max(1, Math.min(MAX_PER_PAGE, Math.floor(params.perPage ?? DEFAULT_PER_PAGE)));
  let sort: CourseSortKey = params.sort ?? (q ? "relevance" : "newest");
  if (sort === "relevance" && !q) sort = "newest";
  const order = params.order ?? defaultOrder(sort);

  let category: CategoryNode | null = null;
  const filters: CourseFilters = {
    level: params.level,
    language: params.language,
    priceMinFen: params.priceMinFen,
    priceMaxFen: params.priceMaxFen,
    free: params.free,
  };
  if (params.category !== undefined) {
    const resolved = await resolveCategory(params.category);
    if (!resolved) throw new UnknownCategoryError(params.category);
    category = resolved.category;
    filters.categoryIds = resolved.ids;
  }

  const name = `catalogue:list:${JSON.stringify([q, filters.categoryIds ?? null, filters.level, filters.language, filters.priceMinFen, filters.priceMaxFen, filters.free, sort, order, page, perPage])}`;
  const tags = [CATALOGUE_TAGS.courses, CATALOGUE_TAGS.categories, CATALOGUE_TAGS.teachers];
  const result = await cached(name, { tags, ttlSeconds: 60 }, () =>
    q ? searchPage(q, filters, sort, order, page, perPage) : listPage(filters, sort, order, page, perPage),
  );
  return { items: result?.items ?? [], total: result?.total ?? 0, page, perPage, sort, order, category };
}

async function listPage(filters: CourseFilters, sort: CourseSortKey, order: SortOrder, page: number, perPage: number) {
  const where = courseFilterConditions(filters);
  const [rows, [counted]] = await Promise.all([
    selectCourseCards()
      .where(where)
      .orderBy(...courseOrderBy({ by: sort, order }))
      .limit(perPage)
      .offset((page - 1) * perPage),
    replicaDb().select({ n: count() }).from(courses).where(where),
  ]);
  return { items: rows.map(toCatalogueCourse) as CourseListItem[], total: Number(counted?.n ?? 0) };
}

async function searchPage(q: string, filters: CourseFilters, sort: CourseSortKey, order: SortOrder, page: number, perPage: number) {
  const found = await searchCourses({ q, filters, sort: { by: sort, order }, offset: (page - 1) * perPage, limit: perPage });
  const cards = await courseCardsByIds(found.hits.map((hit) => hit.courseId));
  const highlights = new Map(found.hits.map((hit) => [hit.courseId, hit.highlight]));
  return { items: cards.map((card): CourseListItem => ({ ...card, highlight: highlights.get(card.id) })), total: found.total };
}
