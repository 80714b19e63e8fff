// The URL of /courses is its state: every filter, the sort, the search words and the page live in the query
// string, so a list can be shared, bookmarked and walked back through. This module turns that query string
// into listCourses() parameters (prices in the URL are yuan, in queries fen) and builds the links back,
// leaving defaults out so each list has one canonical address. Bad values are dropped, never fatal.
import type { CourseListParams } from "./courses";

export const CATALOGUE_PER_PAGE = 12;
/** Beyond this a page number is a typo or a crawler's guess; the list would be empty anyway. */
export const MAX_PAGE = 1000;
export const MAX_QUERY_LENGTH = 100;
/** ¥1,000,000: far above any course, low enough that fen stay exact integers. */
const MAX_PRICE_YUAN = 1_000_000;

export const catalogueLevels = ["beginner", "intermediate", "advanced"] as const;
export const catalogueLanguages = ["zh-CN", "en"] as const;
export const cataloguePrices = ["free", "paid"] as const;
/** The sort choices offered to learners; `relevance` only when there are search words. */
export const catalogueSorts = ["relevance", "newest", "popular", "price_asc", "price_desc", "rating"] as const;

export type CatalogueSort = (typeof catalogueSorts)[number];

/** The normalised state of the page, as the form and the links show it. Absent means "any". */
export interface CatalogueState {
  q?: string;
  category?: string;
  level?: (typeof catalogueLevels)[number];
  language?: (typeof catalogueLanguages)[number];
  price?: (typeof cataloguePrices)[number];
  /** Yuan, as typed: "99" or "19.9". */
  min?: string;
  max?: string;
  sort: CatalogueSort;
  page: number;
}

export type RawSearchParams = Record<string, string | string[] | undefined>;

const CATEGORY = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The first value of a repeated parameter (`?level=a&level=b` → "a"), trimmed; "" counts as absent. */
function first(raw: RawSearchParams, key: string): string | undefined {
  const value = raw[key];
  const one = (Array.isArray(value) ? value[0] : value)?.trim();
  return one ? one : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** A price in yuan with at most two decimals, normalised ("019.90" → "19.9"); undefined if malformed. */
function yuan(value: string | undefined): string | undefined {
  if (value === undefined || !/^\d{1,7}(?:\.\d{1,2})?$/.test(value)) return undefined;
  const n = Number(value);
  return n <= MAX_PRICE_YUAN ? String(n) : undefined;
}

/** Yuan as an exact number of fen (avoids 19.9 * 100 = 1989.9999…). */
export function yuanToFen(value: string): number {
  const [whole = "0", cents = ""] = value.split(".");
  return Number(whole) * 100 + Number(cents.padEnd(2, "0"));
}

export function parseCatalogueParams(raw: RawSearchParams): CatalogueState {
  const q = first(raw, "q")?.slice(0, MAX_QUERY_LENGTH).trim() || undefined;
  const category = first(raw, "category")?.toLowerCase();
  let min = yuan(first(raw, "min"));
  let max = yuan(first(raw, "max"));
  // A reversed range is read the way it was surely meant.
  if (min !== undefined && max !== undefined && Number(min) > Number(max)) [min, max] = [max, min];
  const price = oneOf(cataloguePrices, first(raw, "price"));
  let sort = oneOf(catalogueSorts, first(raw, "sort")) ?? (q ? "relevance" : "newest");
  if (sort === "relevance" && !q) sort = "newest";
  const pageText = first(raw, "page");
  const page = pageText && /^\d{1,4}$/.test(pageText) ? Math.min(MAX_PAGE, Math.max(1, Number(pageText))) : 1;
  return {
    q,
    category: category && CATEGORY.test(category) ? category : undefined,
    level: oneOf(catalogueLevels, first(raw, "level")),
    language: oneOf(catalogueLanguages, first(raw, "language")),
    price,
    // A free course costs nothing: a price range only narrows paid (or any) courses.
    min: price === "free" ? undefined : min,
    max: price === "free" ? undefined : max,
    sort,
    page,
  };
}

/** What listCourses is asked for the state. */
export function toListParams(state: CatalogueState): CourseListParams {
  const params: CourseListParams = { page: state.page, perPage: CATALOGUE_PER_PAGE };
  if (state.q) params.q = state.q;
  if (state.category) params.category = state.category;
  if (state.level) params.level = state.level;
  if (state.language) params.language = state.language;
  if (state.price) params.free = state.price === "free";
  if (state.min !== undefined) params.priceMinFen = yuanToFen(state.min);
  if (state.max !== undefined) params.priceMaxFen = yuanToFen(state.max);
  switch (state.sort) {
    case "price_asc":
      return { ...params, sort: "price", order: "asc" };
    case "price_desc":
      return { ...params, sort: "price", order: "desc" };
    default:
      return { ...params, sort: state.sort };
  }
}

/** Whether anything narrows the list (search words or a filter), i.e. whether "clear filters" means anything. */
export function hasFilters(state: CatalogueState): boolean {
  return Boolean(state.q || state.category || state.level || state.language || state.price || state.min || state.max);
}

/**
 * The address of /courses for the state with `patch` applied. Changing anything but the page goes back to
 * page 1; defaults (newest or relevance, page 1) are left out.
 */
export function catalogueHref(state: CatalogueState, patch: Partial<CatalogueState> = {}): string {
  const next: CatalogueState = { ...state, page: 1, ...patch };
  const defaultSort = next.q ? "relevance" : "newest";
  const search = new URLSearchParams();
  const entries: Array<[string, string | undefined]> = [
    ["q", next.q],
    ["category", next.category],
    ["level", next.level],
    ["language", next.language],
    ["price", next.price],
    ["min", next.min],
    ["max", next.max],
    ["sort", next.sort === defaultSort || (next.sort === "relevance" && !next.q) ? undefined : next.sort],
    ["page", next.page > 1 ? String(next.page) : undefined],
  ];
  for (const [key, value] of entries) if (value !== undefined && value !== "") search.set(key, value);
  const qs = search.toString();
  return qs ? `/courses?${qs}` : "/courses";
}
