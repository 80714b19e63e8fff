// The search module's interface. Callers (the catalogue) depend on these types only, so a dedicated engine
// (Meilisearch, Elasticsearch, ...) can replace the MariaDB FULLTEXT engine behind lib/search/index.ts.
import type { CourseFilters, CourseSort } from "@/lib/catalogue/filters";
import type { HighlightPart } from "./highlight";

export interface SearchRequest {
  q: string;
  filters: CourseFilters;
  /** `relevance` orders by the engine's score; the other keys order matches like the catalogue does. */
  sort: CourseSort;
  offset: number;
  limit: number;
}

export interface CourseHighlight {
  title: HighlightPart[];
  subtitle: HighlightPart[];
  /** A window of the description around the first match. */
  snippet: HighlightPart[];
}

export interface SearchHit {
  courseId: number;
  score: number;
  highlight: CourseHighlight;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Matches in all, for paging. */
  total: number;
}

export interface Suggestion {
  kind: "course" | "tag";
  text: string;
  /** The course's slug, for course suggestions. */
  slug?: string;
  parts: HighlightPart[];
}

export interface SearchEngine {
  search(request: SearchRequest): Promise<SearchResult>;
  suggest(prefix: string, limit: number): Promise<Suggestion[]>;
  indexCourse(id: number): Promise<void>;
  removeCourse(id: number): Promise<void>;
  reindexAll(): Promise<{ indexed: number }>;
}
