// The search engine on MariaDB/MySQL FULLTEXT: search_documents holds each course's words, segmented and
// encoded by ./tokens; MATCH ... AGAINST in boolean mode finds the courses holding every query word, and a
// weighted sum of per-column relevance (title > subtitle/teacher/tags/categories > description) ranks them.
import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/mysql-core";
import { db, replicaDb } from "@/db";
import { categories, courses, searchDocuments, teachers } from "@/db/schema";
import { cached } from "@/lib/cache";
import { courseFilterConditions, courseOrderBy } from "@/lib/catalogue/filters";
import { CATALOGUE_TAGS } from "@/lib/catalogue/tags";
import { highlight, snippet } from "./highlight";
import { compileQuery, htmlToText, indexText, normalise } from "./tokens";
import type { SearchEngine, SearchRequest, SearchResult, Suggestion } from "./types";

const WEIGHTS = { title: 6, meta: 2, body: 1 };
const REINDEX_BATCH = 100;
/** Only this much of a description is read back to cut a snippet from. */
const SNIPPET_SOURCE_CHARS = 4_000;

const parent = alias(categories, "parent_category");

/** The source rows of the search documents for the given courses. */
function documentSources(ids: number[]) {
  return db()
    .select({
      id: courses.id,
      title: courses.title,
      subtitle: courses.subtitle,
      description: courses.description,
      tags: courses.tags,
      teacherName: teachers.name,
      categoryZh: categories.nameZh,
      categoryEn: categories.nameEn,
      parentZh: parent.nameZh,
      parentEn: parent.nameEn,
    })
    .from(courses)
    .innerJoin(teachers, eq(teachers.id, courses.teacherId))
    .innerJoin(categories, eq(categories.id, courses.categoryId))
    .leftJoin(parent, eq(parent.id, categories.parentId))
    .where(inArray(courses.id, ids));
}

type Source = Awaited<ReturnType<typeof documentSources>>[number];

function toDocument(row: Source): typeof searchDocuments.$inferInsert {
  const bodyText = htmlToText(row.description);
  const meta = [row.subtitle, row.teacherName, ...(row.tags ?? []), row.categoryZh, row.categoryEn, row.parentZh ?? "", row.parentEn ?? ""];
  return {
    courseId: row.id,
    titleTerms: indexText(row.title),
    metaTerms: indexText(...meta),
    bodyTerms: indexText(bodyText),
    bodyText,
    indexedAt: new Date(),
  };
}

async function upsert(rows: Source[]): Promise<void> {
  if (rows.length === 0) return;
  await db()
    .insert(searchDocuments)
    .values(rows.map(toDocument))
    .onDuplicateKeyUpdate({
      set: {
        titleTerms: sql`VALUES(${searchDocuments.titleTerms})`,
        metaTerms: sql`VALUES(${searchDocuments.metaTerms})`,
        bodyTerms: sql`VALUES(${searchDocuments.bodyTerms})`,
        bodyText: sql`VALUES(${searchDocuments.bodyText})`,
        indexedAt: sql`VALUES(${searchDocuments.indexedAt})`,
      },
    });
}

const matchAll = (query: string) =>
  sql`MATCH(${searchDocuments.titleTerms}, ${searchDocuments.metaTerms}, ${searchDocuments.bodyTerms}) AGAINST (${query} IN BOOLEAN MODE)`;

async function search(request: SearchRequest): Promise<SearchResult> {
  const compiled = compileQuery(request.q);
  if (!compiled) return { hits: [], total: 0 };
  const where = and(matchAll(compiled.required), courseFilterConditions(request.filters));
  const score = sql<number>`(${WEIGHTS.title} * MATCH(${searchDocuments.titleTerms}) AGAINST (${compiled.ranking} IN BOOLEAN MODE)
    + ${WEIGHTS.meta} * MATCH(${searchDocuments.metaTerms}) AGAINST (${compiled.ranking} IN BOOLEAN MODE)
    + ${WEIGHTS.body} * MATCH(${searchDocuments.bodyTerms}) AGAINST (${compiled.ranking} IN BOOLEAN MODE))`;
  const order = request.sort.by === "relevance" ? [desc(score), desc(courses.enrolmentCount), desc(courses.id)] : courseOrderBy(request.sort);

  const [rows, [counted]] = await Promise.all([
    replicaDb()
      .select({
        id: courses.id,
        title: courses.title,
        subtitle: courses.subtitle,
        body: sql<string>`LEFT(${searchDocuments.bodyText}, ${SNIPPET_SOURCE_CHARS})`,
        score,
      })
      .from(searchDocuments)
      .innerJoin(courses, eq(courses.id, searchDocuments.courseId))
      .where(where)
      .orderBy(...order)
      .limit(request.limit)
      .offset(request.offset),
    replicaDb().select({ n: sql<number>`COUNT(*)` }).from(searchDocuments).innerJoin(courses, eq(courses.id, searchDocuments.courseId)).where(where),
  ]);
  return {
    total: Number(counted?.n ?? 0),
    hits: rows.map((row) => ({
      courseId: row.id,
      score: Number(row.score),
      highlight: {
        title: highlight(row.title, compiled.terms),
        subtitle: highlight(row.subtitle, compiled.terms),
        snippet: snippet(row.body, compiled.terms),
      },
    })),
  };
}

/** Every tag of the published courses, most used first. */
async function publishedTags(): Promise<string[]> {
  const tags = await cached("search:tags", { tags: [CATALOGUE_TAGS.courses], ttlSeconds: 300 }, async () => {
    const rows = await replicaDb().select({ tags: courses.tags }).from(courses).where(eq(courses.status, "published"));
    const uses = new Map<string, number>();
    for (const row of rows) for (const tag of row.tags ?? []) uses.set(tag, (uses.get(tag) ?? 0) + 1);
    return [...uses.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
  });
  return tags ?? [];
}

async function suggest(prefix: string, limit: number): Promise<Suggestion[]> {
  const compiled = compileQuery(prefix, { prefixLast: true });
  const wanted = normalise(prefix.trim());
  if (!compiled || !wanted) return [];
  const tagMatches = (await publishedTags())
    .filter((tag) => {
      const t = normalise(tag);
      return t.startsWith(wanted) || t.split(/[^\p{L}\p{N}_]+/u).some((word) => word.startsWith(wanted));
    })
    .slice(0, Math.min(3, limit))
    .map((tag): Suggestion => ({ kind: "tag", text: tag, parts: highlight(tag, compiled.terms) }));
  const titles = await replicaDb()
    .select({ title: courses.title, slug: courses.slug })
    .from(searchDocuments)
    .innerJoin(courses, eq(courses.id, searchDocuments.courseId))
    .where(and(sql`MATCH(${searchDocuments.titleTerms}) AGAINST (${compiled.required} IN BOOLEAN MODE)`, eq(courses.status, "published")))
    .orderBy(desc(courses.enrolmentCount), desc(courses.id))
    .limit(limit);
  const courseMatches = titles.map((row): Suggestion => ({ kind: "course", text: row.title, slug: row.slug, parts: highlight(row.title, compiled.terms) }));
  return [...tagMatches, ...courseMatches].slice(0, limit);
}

async function indexCourse(id: number): Promise<void> {
  const rows = await documentSources([id]);
  if (rows.length === 0) await removeCourse(id);
  else await upsert(rows);
}

async function removeCourse(id: number): Promise<void> {
  await db().delete(searchDocuments).where(eq(searchDocuments.courseId, id));
}

async function reindexAll(): Promise<{ indexed: number }> {
  const ids = (await db().select({ id: courses.id }).from(courses).orderBy(courses.id)).map((r) => r.id);
  for (let i = 0; i < ids.length; i += REINDEX_BATCH) await upsert(await documentSources(ids.slice(i, i + REINDEX_BATCH)));
  // Documents of deleted courses go with them (ON DELETE CASCADE); nothing else can be left over.
  return { indexed: ids.length };
}

export const mysqlSearchEngine: SearchEngine = { search, suggest, indexCourse, removeCourse, reindexAll };
