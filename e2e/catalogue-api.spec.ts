// The public catalogue API and its docs page, end to end against the production build.
import { expect, test } from "@playwright/test";

interface Course {
  id: number;
  slug: string;
  title: string;
  price_fen: number;
  highlight?: { title: Array<{ text: string; hit: boolean }> };
}
interface CourseList {
  data: Course[];
  meta: { page: number; per_page: number; total: number };
}

test("lists, pages, filters and sorts courses", async ({ request }) => {
  const first = await request.get("/api/v1/courses?per_page=5&sortby=price");
  expect(first.status()).toBe(200);
  expect(first.headers()["cache-control"]).toContain("public");
  const page1 = (await first.json()) as CourseList;
  expect(page1.meta).toMatchObject({ page: 1, per_page: 5 });
  expect(page1.meta.total).toBeGreaterThan(5);
  const prices = page1.data.map((c) => c.price_fen);
  expect([...prices].sort((a, b) => a - b)).toEqual(prices);
  expect(first.headers()["link"]).toContain('rel="next"');

  const page2 = (await (await request.get("/api/v1/courses?per_page=5&sortby=price&page=2")).json()) as CourseList;
  expect(page2.data.map((c) => c.id)).not.toContain(page1.data[0]!.id);

  const capped = (await (await request.get("/api/v1/courses?per_page=500")).json()) as CourseList;
  expect(capped.meta.per_page).toBe(100);
});

test("searches in Chinese and English with highlighted titles", async ({ request }) => {
  // The worker indexes the catalogue when it starts; give it a moment on a fresh database.
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/courses?q=${encodeURIComponent("机器学习")}`)).json()) as CourseList).meta.total, { timeout: 20_000 })
    .toBeGreaterThan(0);
  const zh = (await (await request.get(`/api/v1/courses?q=${encodeURIComponent("机器学习")}`)).json()) as CourseList;
  expect(zh.data[0]!.highlight!.title.some((p) => p.hit)).toBe(true);
  const en = (await (await request.get("/api/v1/courses?q=react")).json()) as CourseList;
  expect(en.data.some((c) => /react/i.test(c.title))).toBe(true);
});

test("answers a course by slug and by id, and documented errors otherwise", async ({ request }) => {
  const list = (await (await request.get("/api/v1/courses?per_page=1")).json()) as CourseList;
  const course = list.data[0]!;
  const bySlug = await request.get(`/api/v1/courses/${course.slug}`);
  expect(bySlug.status()).toBe(200);
  const byId = (await (await request.get(`/api/v1/courses/${course.id}`)).json()) as { data: { slug: string; chapters: unknown[] } };
  expect(byId.data.slug).toBe(course.slug);
  expect(byId.data.chapters.length).toBeGreaterThan(0);

  const missing = await request.get("/api/v1/courses/no-such-course-anywhere");
  expect(missing.status()).toBe(404);
  expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  const bad = await request.get("/api/v1/courses?page=abc");
  expect(bad.status()).toBe(400);
  const invalid = await request.get("/api/v1/courses?sortby=cheapest");
  expect(invalid.status()).toBe(422);
  expect(((await invalid.json()) as { error: { details: Record<string, string[]> } }).error.details.sortby).toBeDefined();

  const categories = (await (await request.get("/api/v1/categories")).json()) as { data: Array<{ slug: string; children: unknown[] }> };
  expect(categories.data.length).toBeGreaterThanOrEqual(8);
});

test("the docs page shows every operation of the OpenAPI document, in Chinese and English", async ({ page, request, context, baseURL }) => {
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
  expect(doc.openapi).toBe("3.1.0");
  const operations = Object.values(doc.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);

  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { level: 1, name: "API 文档" })).toBeVisible();
  await expect(page.getByTestId("api-operation")).toHaveCount(operations);
  await expect(page.getByRole("heading", { name: /GET\s*\/api\/v1\/courses\s*查询已发布课程/ })).toBeVisible();

  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /GET\s*\/api\/v1\/courses\s*List published courses/ })).toBeVisible();
});
