// Search against the test MariaDB: Chinese and English queries, ranking, highlights, filters, suggestions,
// and a saved change being searchable at once after indexCourse.
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db";
import { categories, courses, searchDocuments, teachers } from "@/db/schema";
import type { CourseSort } from "@/lib/catalogue/filters";
import type { HighlightPart } from "./highlight";
import { indexCourse, reindexAll, removeCourse, searchCourses, suggest } from "./index";

const relevance: CourseSort = { by: "relevance", order: "desc" };
const run = randomUUID().slice(0, 8);
const created: number[] = [];
let teacherId: number;
let categoryId: number;
let otherCategoryId: number;

const hits = (parts: HighlightPart[]) => parts.filter((p) => p.hit).map((p) => p.text.toLowerCase());
const find = (q: string, extra: Partial<Parameters<typeof searchCourses>[0]> = {}) =>
  searchCourses({ q, filters: {}, sort: relevance, offset: 0, limit: 50, ...extra });

async function makeCourse(values: { title: string; subtitle?: string; description?: string; tags?: string[]; level?: "beginner" | "advanced"; priceFen?: number; status?: "published" | "draft"; category?: number }) {
  const [result] = await db()
    .insert(courses)
    .values({
      slug: `search-test-${run}-${created.length}`,
      title: values.title,
      subtitle: values.subtitle ?? "",
      description: values.description ?? "<p>Nothing to see.</p>",
      priceFen: values.priceFen ?? 9_900,
      level: values.level ?? "beginner",
      language: "zh-CN",
      status: values.status ?? "published",
      categoryId: values.category ?? categoryId,
      teacherId,
      tags: values.tags ?? [],
      publishedAt: new Date(),
    })
    .$returningId();
  created.push(result!.id);
  await indexCourse(result!.id);
  return result!.id;
}

beforeAll(async () => {
  await reindexAll();
  const [teacher] = await db().select({ id: teachers.id }).from(teachers).limit(1);
  const subs = await db().select({ id: categories.id }).from(categories).where(isNotNull(categories.parentId)).limit(2);
  teacherId = teacher!.id;
  categoryId = subs[0]!.id;
  otherCategoryId = subs[1]!.id;
});

afterAll(async () => {
  if (created.length) await db().delete(courses).where(inArray(courses.id, created));
  await closeDb();
});

describe("search over the seeded catalogue", () => {
  it("finds Chinese courses by a segmented query and highlights the words", async () => {
    const result = await find("机器学习");
    expect(result.total).toBeGreaterThan(1);
    const top = result.hits[0]!;
    expect(hits(top.highlight.title).join("")).toContain("机器学习");
    const statuses = await db().select({ status: courses.status }).from(courses).where(inArray(courses.id, result.hits.map((h) => h.courseId)));
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(["published"]));
  });

  it("finds English courses case-insensitively, including short words the server's defaults would drop", async () => {
    const ml = await find("Machine Learning");
    expect(ml.total).toBeGreaterThan(0);
    expect(ml.hits.some((h) => hits(h.highlight.title).includes("machine"))).toBe(true);
    const go = await find("go");
    const titles = (await db().select({ title: courses.title }).from(courses).where(inArray(courses.id, go.hits.map((h) => h.courseId)))).map((r) => r.title);
    expect(titles.some((t) => /\bgo\b/i.test(t))).toBe(true);
  });

  it("answers a query that is only operators or punctuation with nothing, not an error", async () => {
    for (const q of ['+-*"()~<>@', "   ", "''"]) expect(await find(q)).toEqual({ hits: [], total: 0 });
  });

  it("pages consistently: the pages together are the whole result, without overlap", async () => {
    const all = await find("数据");
    const first = await find("数据", { limit: 3 });
    const second = await find("数据", { limit: 3, offset: 3 });
    expect(first.total).toBe(all.total);
    expect([...first.hits, ...second.hits].map((h) => h.courseId)).toEqual(all.hits.slice(0, 6).map((h) => h.courseId));
  });
});

describe("indexing and ranking", () => {
  it("ranks a title match above a match in the description only, and cuts a highlighted snippet", async () => {
    const word = `quuxoria${run}`;
    const inBody = await makeCourse({ title: "An unrelated title", description: `<p>Here we talk about <b>${word}</b> at length; ${word} again.</p>` });
    const inTitle = await makeCourse({ title: `Mastering ${word}` });
    const result = await find(word);
    expect(result.hits.map((h) => h.courseId)).toEqual([inTitle, inBody]);
    const snippet = result.hits[1]!.highlight.snippet;
    expect(hits(snippet)).toContain(word);
    expect(snippet.map((p) => p.text).join("")).not.toContain("<b>");
  });

  it("makes a saved change searchable at once and forgets removed courses", async () => {
    const before = `炼金${run}术`;
    const id = await makeCourse({ title: `古典${before}入门` });
    expect((await find(before)).hits.map((h) => h.courseId)).toEqual([id]);

    await db().update(courses).set({ title: "完全不同的标题", tags: [`星象${run}`] }).where(eq(courses.id, id));
    await indexCourse(id);
    expect((await find(before)).total).toBe(0);
    expect((await find(`星象${run}`)).hits.map((h) => h.courseId)).toEqual([id]);

    await removeCourse(id);
    expect((await find(`星象${run}`)).total).toBe(0);
    expect(await db().select().from(searchDocuments).where(eq(searchDocuments.courseId, id))).toEqual([]);
  });

  it("never shows drafts, and combines the query with filters", async () => {
    const word = `filterium${run}`;
    const cheap = await makeCourse({ title: `${word} basics`, priceFen: 0, level: "beginner" });
    const dear = await makeCourse({ title: `${word} deep dive`, priceFen: 49_900, level: "advanced", category: otherCategoryId });
    await makeCourse({ title: `${word} draft`, status: "draft" });
    const ids = async (filters: Parameters<typeof searchCourses>[0]["filters"]) => (await find(word, { filters })).hits.map((h) => h.courseId).sort();
    expect(await ids({})).toEqual([cheap, dear].sort());
    expect(await ids({ free: true })).toEqual([cheap]);
    expect(await ids({ free: false })).toEqual([dear]);
    expect(await ids({ level: "advanced" })).toEqual([dear]);
    expect(await ids({ priceMinFen: 100, priceMaxFen: 50_000 })).toEqual([dear]);
    expect(await ids({ categoryIds: [categoryId] })).toEqual([cheap]);
    expect(await ids({ language: "en" })).toEqual([]);
    const byPrice = await find(word, { sort: { by: "price", order: "desc" } });
    expect(byPrice.hits.map((h) => h.courseId)).toEqual([dear, cheap]);
  });

  it("matches a long Chinese word through its sub-words, and sub-words through the long word", async () => {
    const id = await makeCourse({ title: `数据分析${run}实战` });
    expect((await find(`数据 ${run}`)).hits.map((h) => h.courseId)).toContain(id);
    expect((await find(`数据分析 ${run}`)).hits.map((h) => h.courseId)).toContain(id);
  });
});

describe("suggestions", () => {
  it("completes a Chinese prefix with tags and course titles", async () => {
    const suggestions = await suggest("机器");
    expect(suggestions.some((s) => s.kind === "tag" && s.text === "机器学习")).toBe(true);
    const course = suggestions.find((s) => s.kind === "course");
    expect(course?.text).toContain("机器");
    expect(course?.slug).toMatch(/^[a-z0-9-]+$/);
    expect(hits(course!.parts).join("")).toContain("机器");
  });

  it("completes a partial English word", async () => {
    const suggestions = await suggest("pyth");
    expect(suggestions.length).toBeGreaterThan(0);
    for (const s of suggestions) expect(s.text.toLowerCase()).toContain("pyth");
  });

  it("suggests nothing for an empty prefix", async () => {
    expect(await suggest("  ")).toEqual([]);
  });

  it("only suggests published courses", async () => {
    const word = `suggestium${run}`;
    await makeCourse({ title: `${word} draft`, status: "draft" });
    expect(await suggest(word.slice(0, -2))).toEqual([]);
    const published = await makeCourse({ title: `${word} live` });
    const [row] = await db().select({ slug: courses.slug }).from(courses).where(and(eq(courses.id, published)));
    // A different prefix than above, so the cached empty answer is not what comes back.
    expect((await suggest(word.slice(0, -1))).map((s) => s.slug)).toEqual([row!.slug]);
  });
});
