// The home page shows the real seeded catalogue, in Chinese by default and in English after switching.
import { expect, test, type Page } from "@playwright/test";
import en from "../lib/i18n/messages/en.json";
import zh from "../lib/i18n/messages/zh-CN.json";
import { query } from "./support/db";

interface Row {
  title: string;
  name_zh: string;
  name_en: string;
}

/** The most popular published courses, as the database has them (ties broken the way the page breaks them). */
async function popularTitles(): Promise<string[]> {
  const rows = await query<Row>(
    "SELECT title FROM courses WHERE status = 'published' ORDER BY enrolment_count DESC, id DESC LIMIT 8",
  );
  return rows.map((r) => r.title);
}

async function cardTitles(page: Page, section: string): Promise<string[]> {
  const titles = await page.getByTestId(section).getByTestId("course-card-title").allInnerTexts();
  return titles.map((t) => t.trim());
}

test("the home page lists the seeded courses in Chinese, then in English", async ({ page }) => {
  const expectedPopular = await popularTitles();
  const topCategories = await query<Row>("SELECT name_zh, name_en FROM categories WHERE parent_id IS NULL ORDER BY position, id");
  expect(expectedPopular).toHaveLength(8);

  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: zh.Header.catalogue })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.Home.heroTitle);
  await expect(page.getByRole("heading", { name: zh.Home.popularTitle })).toBeVisible();
  expect(await cardTitles(page, "home-popular")).toEqual(expectedPopular);
  await expect(page.getByTestId("home-categories")).toContainText(topCategories[0]!.name_zh);

  await header.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(header.getByRole("link", { name: en.Header.catalogue })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.Home.heroTitle);
  await expect(page.getByRole("heading", { name: en.Home.popularTitle })).toBeVisible();
  expect(await cardTitles(page, "home-popular")).toEqual(expectedPopular);
  await expect(page.getByTestId("home-categories")).toContainText(topCategories[0]!.name_en);
  await expect(header.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");

  // The choice sticks across a reload, and switching back works.
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("banner").getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.Home.heroTitle);
});

test("the newest section shows published courses only, newest first", async ({ page }) => {
  const newest = await query<Row>("SELECT title FROM courses WHERE status = 'published' ORDER BY published_at DESC, id DESC LIMIT 8");
  const hidden = await query<Row>("SELECT title FROM courses WHERE status <> 'published'");
  await page.goto("/");
  const shown = await cardTitles(page, "home-newest");
  expect(shown).toEqual(newest.map((r) => r.title));
  for (const draft of hidden) expect(shown).not.toContain(draft.title);
});

test("the header search goes to the catalogue with the query", async ({ page }) => {
  await page.goto("/");
  const search = page.getByRole("banner").getByRole("combobox", { name: zh.Search.label });
  await search.fill("React");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/courses\?q=React/);
});

test("the health check reports both dependencies", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", db: "ok", redis: "ok" });
  expect(res.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("a request id from the load balancer is kept when well formed and replaced when not", async ({ request }) => {
  const kept = await request.get("/api/health", { headers: { "x-request-id": "lb-1234567890" } });
  expect(kept.headers()["x-request-id"]).toBe("lb-1234567890");
  const replaced = await request.get("/api/health", { headers: { "x-request-id": "bad id <script>" } });
  expect(replaced.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("an unknown address answers 404 inside the site shell", async ({ page }) => {
  const res = await page.goto("/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: zh.States.notFoundTitle })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: zh.Header.catalogue })).toBeVisible();
  await page.getByRole("link", { name: zh.Common.backHome }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("pages carry the security headers", async ({ request }) => {
  const res = await request.get("/");
  const h = res.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["content-security-policy"]).toContain("object-src 'none'");
  expect(h["content-security-policy"]).not.toContain("unsafe-eval");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["x-powered-by"]).toBeUndefined();
});
