// The public catalogue API called as Next calls it, against the test MariaDB and Redis: shapes, paging,
// filters, errors, caching of changes, and the OpenAPI document matching the routes.
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { eq, inArray, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getCourseRoute } from "@/app/api/v1/courses/[idOrSlug]/route";
import { GET as listCoursesRoute } from "@/app/api/v1/courses/route";
import { GET as categoriesRoute } from "@/app/api/v1/categories/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { GET as suggestionsRoute } from "@/app/api/v1/search/suggestions/route";
import { closeDb, db } from "@/db";
import { categories, courses, teachers } from "@/db/schema";
import { key, redis } from "@/lib/redis";
import { reindexAll } from "@/lib/search";
import { categoryTreeResponseSchema, courseDetailResponseSchema, courseListResponseSchema, errorResponseSchema, suggestionResponseSchema } from "./api-schemas";
import { courseChanged } from "./changes";
import { parseCourseRef } from "./course-detail";

const base = "http://localhost";
const list = (query = "") => listCoursesRoute(new Request(`${base}/api/v1/courses${query}`), {});
const detail = (idOrSlug: string) => getCourseRoute(new Request(`${base}/api/v1/courses/${encodeURIComponent(idOrSlug)}`), { params: Promise.resolve({ idOrSlug }) });
const created: number[] = [];

async function body<T>(response: Response, schema: { parse: (v: unknown) => T }): Promise<T> {
  return schema.parse(await response.json());
}

beforeAll(async () => {
  await reindexAll();
});

afterAll(async () => {
  if (created.length) await db().delete(courses).where(inArray(courses.id, created));
  await closeDb();
});

describe("GET /api/v1/courses", () => {
  it("answers the first page of published courses, newest first, with meta, Link and cache headers", async () => {
    const response = await list();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=2, s-maxage=2");
    const { data, meta } = await body(response, courseListResponseSchema);
    const [row] = (await db().execute(`SELECT COUNT(*) AS n FROM courses WHERE status = 'published'`))[0] as unknown as Array<{ n: number }>;
    expect(meta).toEqual({ page: 1, per_page: 20, total: Number(row?.n), sortby: "newest", order: "desc" });
    expect(data).toHaveLength(20);
    const dates = data.map((c) => c.published_at!);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(response.headers.get("link")).toContain('rel="next"');
    expect(response.headers.get("link")).toContain(`page=${Math.ceil(Number(row?.n) / 20)}&per_page=20>; rel="last"`);
  });

  it("pages without overlap and caps per_page at 100", async () => {
    const all = await body(await list("?per_page=1000&sortby=popular"), courseListResponseSchema);
    expect(all.meta.per_page).toBe(100);
    expect(all.data.length).toBe(Math.min(100, all.meta.total));
    const p1 = await body(await list("?per_page=7&page=1&sortby=popular"), courseListResponseSchema);
    const p2 = await body(await list("?per_page=7&page=2&sortby=popular"), courseListResponseSchema);
    expect([...p1.data, ...p2.data].map((c) => c.id)).toEqual(all.data.slice(0, 14).map((c) => c.id));
    const counts = all.data.map((c) => c.enrolment_count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    const beyond = await body(await list("?page=999"), courseListResponseSchema);
    expect(beyond.data).toEqual([]);
    expect(beyond.meta.total).toBe(all.meta.total);
  });

  it("sorts by price both ways and by rating", async () => {
    const asc = (await body(await list("?sortby=price&per_page=100"), courseListResponseSchema)).data.map((c) => c.price_fen);
    expect([...asc].sort((a, b) => a - b)).toEqual(asc);
    const desc = (await body(await list("?sortby=price&order=desc&per_page=100"), courseListResponseSchema)).data.map((c) => c.price_fen);
    expect([...desc].sort((a, b) => b - a)).toEqual(desc);
    const rated = (await body(await list("?sortby=rating&per_page=100"), courseListResponseSchema)).data.map((c) => c.rating);
    const numbers = rated.filter((r): r is number => r !== null);
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
    expect(rated.slice(0, numbers.length)).toEqual(numbers);
  });

  it("filters by a top-level category including its subcategories, by slug or id", async () => {
    const [parent] = await db().select().from(categories).where(isNotNull(categories.parentId)).limit(1);
    const top = (await db().select().from(categories).where(eq(categories.id, parent!.parentId!)))[0]!;
    const children = (await db().select({ id: categories.id }).from(categories).where(eq(categories.parentId, top.id))).map((c) => c.id);
    const bySlug = await body(await list(`?category=${top.slug}&per_page=100`), courseListResponseSchema);
    expect(bySlug.meta.total).toBeGreaterThan(0);
    for (const c of bySlug.data) expect([top.id, ...children]).toContain(c.category.id);
    const byId = await body(await list(`?category=${top.id}&per_page=100`), courseListResponseSchema);
    expect(byId.data.map((c) => c.id)).toEqual(bySlug.data.map((c) => c.id));
  });

  it("combines level, price and free filters", async () => {
    const free = await body(await list("?free=true&per_page=100"), courseListResponseSchema);
    for (const c of free.data) expect(c.price_fen).toBe(0);
    const mid = await body(await list("?level=intermediate&price_min=10000&price_max=30000&per_page=100"), courseListResponseSchema);
    for (const c of mid.data) {
      expect(c.level).toBe("intermediate");
      expect(c.price_fen).toBeGreaterThanOrEqual(10_000);
      expect(c.price_fen).toBeLessThanOrEqual(30_000);
    }
  });

  it("searches in Chinese and English, by relevance, with highlights", async () => {
    const zh = await body(await list(`?q=${encodeURIComponent("机器学习")}`), courseListResponseSchema);
    expect(zh.meta.sortby).toBe("relevance");
    expect(zh.data.length).toBeGreaterThan(0);
    expect(zh.data[0]!.highlight!.title.filter((p) => p.hit).map((p) => p.text).join("")).toContain("机器学习");
    const en = await body(await list("?q=machine+learning&language=en"), courseListResponseSchema);
    expect(en.data.length).toBeGreaterThan(0);
    for (const c of en.data) expect(c.language).toBe("en");
  });

  it("answers 400 for unknown, repeated or malformed parameters", async () => {
    for (const [query, field] of [
      ["?pgae=2", "pgae"],
      ["?page=1&page=2", "page"],
      ["?page=abc", "page"],
      ["?price_min=cheap", "price_min"],
      ["?__proto__=x", "__proto__"],
    ]) {
      const response = await list(query);
      expect(response.status, query).toBe(400);
      // Raw JSON: a zod record would turn a "__proto__" key into a prototype and lose it.
      const raw = (await response.json()) as { error: { code: string; details: object } };
      errorResponseSchema.parse(raw);
      expect(raw.error.code).toBe("BAD_REQUEST");
      expect(Object.keys(raw.error.details)).toContain(field);
    }
  });

  it("answers 422 with field errors for values that are not allowed", async () => {
    for (const [query, field] of [
      ["?page=0", "page"],
      ["?per_page=0", "per_page"],
      ["?sortby=cheapest", "sortby"],
      ["?order=up", "order"],
      ["?level=expert", "level"],
      ["?price_min=500&price_max=100", "price_max"],
      ["?category=no-such-category", "category"],
      ["?category=Bad_Slug!", "category"],
      [`?q=${"x".repeat(101)}`, "q"],
    ]) {
      const response = await list(query);
      expect(response.status, query).toBe(422);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const { error } = await body(response, errorResponseSchema);
      expect(error.code).toBe("VALIDATION_FAILED");
      expect(Object.keys(error.details ?? {}), query).toEqual([field]);
    }
  });
});

describe("GET /api/v1/courses/{idOrSlug}", () => {
  it("answers a course by slug and by id with its syllabus", async () => {
    const [first] = await db().select({ id: courses.id, slug: courses.slug }).from(courses).where(eq(courses.status, "published")).limit(1);
    const bySlug = await body(await detail(first!.slug), courseDetailResponseSchema);
    const byId = await body(await detail(String(first!.id)), courseDetailResponseSchema);
    expect(byId).toEqual(bySlug);
    expect(bySlug.data.chapters.length).toBeGreaterThan(0);
    const lessons = bySlug.data.chapters.flatMap((c) => c.lessons);
    expect(bySlug.data.lesson_count).toBe(lessons.length);
    expect(bySlug.data.total_duration_seconds).toBe(lessons.reduce((s, l) => s + l.duration_seconds, 0));
    expect(bySlug.data.free_preview_count).toBe(lessons.filter((l) => l.is_free_preview).length);
  });

  it("answers 404 for unknown, unpublished and impossible ids", async () => {
    const [draft] = await db().select({ slug: courses.slug }).from(courses).where(eq(courses.status, "draft")).limit(1);
    for (const ref of ["999999999", "no-such-course", draft!.slug, "0", "-1", "1e3", "9".repeat(30), "../etc/passwd", "Upper-Case"]) {
      const response = await detail(ref);
      expect(response.status, ref).toBe(404);
      expect((await body(response, errorResponseSchema)).error.code).toBe("NOT_FOUND");
    }
  });

  it("rejects impossible ids before any lookup, and caches a miss until a course is created", async () => {
    for (const ref of ["0", "007", "-1", "9007199254740993", "a--", "x".repeat(200), "has space"]) expect(parseCourseRef(ref), ref).toBeNull();
    const slug = `api-test-${randomUUID().slice(0, 8)}`;
    expect((await detail(slug)).status).toBe(404);
    const entry = JSON.parse((await redis().get<string>(key("cache", "e", `catalogue:course:slug:${slug}`))) ?? "null") as { d: unknown } | null;
    expect(entry).not.toBeNull();
    expect(entry!.d).toBeNull();

    const [teacher] = await db().select({ id: teachers.id }).from(teachers).limit(1);
    const [category] = await db().select({ id: categories.id }).from(categories).limit(1);
    const [row] = await db()
      .insert(courses)
      .values({ slug, title: `新课程 ${slug}`, description: "<p>新</p>", priceFen: 100, level: "beginner", language: "zh-CN", status: "published", categoryId: category!.id, teacherId: teacher!.id, tags: [], publishedAt: new Date() })
      .$returningId();
    created.push(row!.id);
    // Written but not announced: the cached miss still stands.
    expect((await detail(slug)).status).toBe(404);
    await courseChanged(row!.id);
    const found = await body(await detail(slug), courseDetailResponseSchema);
    expect(found.data.id).toBe(row!.id);
    const searched = await body(await list(`?q=${encodeURIComponent(slug)}`), courseListResponseSchema);
    expect(searched.data.map((c) => c.id)).toEqual([row!.id]);
  });
});

describe("GET /api/v1/categories and suggestions", () => {
  it("answers the two-level tree with course counts", async () => {
    const response = await categoriesRoute(new Request(`${base}/api/v1/categories`), {});
    const { data } = await body(response, categoryTreeResponseSchema);
    expect(data.length).toBeGreaterThanOrEqual(8);
    for (const top of data) expect(top.course_count).toBeGreaterThanOrEqual(top.children.reduce((s, c) => s + c.course_count, 0));
    expect((await categoriesRoute(new Request(`${base}/api/v1/categories?x=1`), {})).status).toBe(400);
  });

  it("suggests completions and validates its parameters", async () => {
    const ok = await suggestionsRoute(new Request(`${base}/api/v1/search/suggestions?q=${encodeURIComponent("机器")}`), {});
    const { data } = await body(ok, suggestionResponseSchema);
    expect(data.length).toBeGreaterThan(0);
    expect((await suggestionsRoute(new Request(`${base}/api/v1/search/suggestions`), {})).status).toBe(422);
    expect((await suggestionsRoute(new Request(`${base}/api/v1/search/suggestions?q=a&limit=x`), {})).status).toBe(400);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("is OpenAPI 3.1 whose every path is a route of the app and whose every $ref resolves", async () => {
    const doc = (await openApiRoute().json()) as { openapi: string; paths: Record<string, Record<string, { responses: object }>>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe("3.1.0");
    for (const [route, methods] of Object.entries(doc.paths)) {
      const dir = path.join(process.cwd(), "app", route.startsWith("/api/") ? "" : "", ...route.split("/").filter(Boolean).map((s) => (s.startsWith("{") ? `[${s.slice(1, -1)}]` : s)));
      const file = path.join(dir, "route.ts");
      expect(fs.existsSync(file), route).toBe(true);
      const source = fs.readFileSync(file, "utf8");
      for (const method of Object.keys(methods)) expect(source, `${method} ${route}`).toMatch(new RegExp(`export (const|async function|function) ${method.toUpperCase()}\\b`));
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(5);
    for (const name of refs) expect(doc.components.schemas[name], name).toBeDefined();
    const params = (doc.paths["/api/v1/courses"]!.get as unknown as { parameters: Array<{ name: string }> }).parameters.map((p) => p.name).sort();
    expect(params).toEqual(["category", "free", "language", "level", "order", "page", "per_page", "price_max", "price_min", "q", "sortby"]);
    for (const documented of ["/api/v1/tokens", "/api/v1/me", "/api/v1/me/sessions", "/api/v1/auth/codes", "/api/health"]) expect(doc.paths[documented], documented).toBeDefined();
  });
});
