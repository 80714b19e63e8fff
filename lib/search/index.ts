// Full-text search over the catalogue, in Chinese and English: the one interface the rest of the code uses.
// Today's engine is MariaDB's own FULLTEXT index (./mysql-engine.ts); a dedicated engine can replace it here.
//
// Keeping the index current: the authoring code calls `indexCourse(id)` after saving a course (or
// lib/catalogue/changes.ts's `courseChanged(id)`, which also invalidates the cache) and `removeCourse(id)`
// after deleting one; `reindexAll()` rebuilds everything (after seeding, and as the worker job
// "maintenance:search-reindex").
import "server-only";
import { cached } from "@/lib/cache";
import { CATALOGUE_TAGS } from "@/lib/catalogue/tags";
import { mysqlSearchEngine } from "./mysql-engine";
import { normalise } from "./tokens";
import type { SearchEngine, SearchRequest, SearchResult, Suggestion } from "./types";

export type { CourseHighlight, SearchHit, SearchRequest, SearchResult, Suggestion } from "./types";
export type { HighlightPart } from "./highlight";

const engine: SearchEngine = mysqlSearchEngine;

/** Published courses matching every word of `q` and the filters, ranked and highlighted. */
export function searchCourses(request: SearchRequest): Promise<SearchResult> {
  return engine.search(request);
}

/** Tags and course titles completing what the user is typing (the last word as a prefix). */
export async function suggest(prefix: string, limit = 8): Promise<Suggestion[]> {
  const text = normalise(prefix).trim().slice(0, 100);
  const n = Math.max(1, Math.min(Math.floor(limit), 20));
  if (!text) return [];
  // Every keystroke asks: cached, so popular prefixes never reach MySQL.
  return (await cached(`search:suggest:${n}:${text}`, { tags: [CATALOGUE_TAGS.courses], ttlSeconds: 120 }, () => engine.suggest(text, n))) ?? [];
}

/** Brings one course's search document up to date (removes it if the course is gone). Call after a save. */
export function indexCourse(id: number): Promise<void> {
  return engine.indexCourse(id);
}

export function removeCourse(id: number): Promise<void> {
  return engine.removeCourse(id);
}

/** Rebuilds the search documents of every course. */
export function reindexAll(): Promise<{ indexed: number }> {
  return engine.reindexAll();
}
