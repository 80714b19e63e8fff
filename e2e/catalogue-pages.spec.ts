// The learner's catalogue pages end to end against the production build, compared with the test database:
// /courses filters, sort, search and paging (via the URL and the form), the course page, lesson access,
// 404s, sitemap.xml and the English UI.
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { expect, test, type Page } from "@playwright/test";
import en from "../lib/i18n/messages/en.json";
import zh from "../lib/i18n/messages/zh-CN.json";
import { DEMO_PASSWORD, signIn } from "./support/auth";
import { query } from "./support/db";

const PER_PAGE = 12;

interface CourseRow {
  id: number;
  slug: string;
  title: string;
  price_fen: number;
}

async function cardTitles(page: Page): Promise<string[]> {
  return (await page.getByTestId("results").getByTestId("course-card-title").allInnerTexts()).map((t) => t.trim());
}

async function categoryIds(slug: string): Promise<number[]> {
  const rows = await query<{ id: number }>("SELECT id FROM categories WHERE slug = ? OR parent_id = (SELECT id FROM categories WHERE slug = ?)", [slug, slug]);
  return rows.map((r) => r.id);
}

/** A paid published course the demo learner holds, one they do not, and a lesson of each kind of access. */
async function learnerCourses() {
  const held = await query<CourseRow>(
    `SELECT c.id, c.slug, c.title, c.price_fen FROM enrolments e JOIN users u ON u.id = e.user_id JOIN courses c ON c.id = e.course_id
     WHERE u.email = 'learner@example.com' AND c.status = 'published' AND c.price_fen > 0 ORDER BY c.id LIMIT 1`,
  );
  const notHeld = await query<CourseRow>(
    `SELECT c.id, c.slug, c.title, c.price_fen FROM courses c WHERE c.status = 'published' AND c.price_fen > 0
       AND c.id NOT IN (SELECT e.course_id FROM enrolments e JOIN users u ON u.id = e.user_id WHERE u.email = 'learner@example.com')
       AND EXISTS (SELECT 1 FROM lessons l WHERE l.course_id = c.id AND l.is_free_preview = 1)
     ORDER BY c.id LIMIT 1`,
  );
  if (!held[0] || !notHeld[0]) throw new Error("the seed should give the demo learner paid courses, and leave others");
  return { held: held[0], notHeld: notHeld[0] };
}

async function lessonOf(courseId: number, freePreview: boolean): Promise<{ id: number; title: string }> {
  const [row] = await query<{ id: number; title: string }>("SELECT id, title FROM lessons WHERE course_id = ? AND is_free_preview = ? ORDER BY position, id LIMIT 1", [courseId, freePreview ? 1 : 0]);
  if (!row) throw new Error(`course ${courseId} has no ${freePreview ? "free preview" : "locked"} lesson`);
  return row;
}

test("filters, sorts and pages through the URL, matching the database", async ({ page }) => {
  const ids = await categoryIds("frontend");
  const where = `status = 'published' AND category_id IN (${ids.join(",")}) AND price_fen > 0`;
  const [{ n }] = (await query<{ n: number }>(`SELECT COUNT(*) AS n FROM courses WHERE ${where}`)) as [{ n: number }];
  const expected = await query<CourseRow>(`SELECT title FROM courses WHERE ${where} ORDER BY price_fen ASC, id ASC LIMIT ${PER_PAGE}`);

  await page.goto("/courses?category=frontend&price=paid&sort=price_asc");
  await expect(page.getByTestId("results-count")).toHaveText(zh.Catalogue.resultsCount.replace("{count}", String(n)));
  expect(await cardTitles(page)).toEqual(expected.map((r) => r.title));
  // The form shows the state it came from.
  await expect(page.getByTestId("filter-form").getByLabel(zh.Catalogue.category)).toHaveValue("frontend");
  await expect(page.getByLabel(zh.Catalogue.sortLabel)).toHaveValue("price_asc");

  // A malformed page number is page 1; a page past the end is an empty state with a way out.
  await page.goto("/courses?category=frontend&price=paid&sort=price_asc&page=abc");
  expect(await cardTitles(page)).toEqual(expected.map((r) => r.title));
  await page.goto("/courses?page=999");
  await expect(page.getByTestId("empty-results")).toBeVisible();
  await page.goto("/courses?category=no-such-category");
  await expect(page.getByTestId("empty-results")).toContainText(zh.Catalogue.unknownCategory);
  await page.getByTestId("empty-results").getByRole("link", { name: zh.Catalogue.clear }).click();
  await expect(page).toHaveURL(/\/courses$/);
});

test("filters with the form, sorts with the select and pages with the links; the back button walks back", async ({ page }) => {
  const where = "status = 'published' AND level = 'beginner' AND price_fen >= 5000";
  const [{ n }] = (await query<{ n: number }>(`SELECT COUNT(*) AS n FROM courses WHERE ${where}`)) as [{ n: number }];
  expect(n).toBeGreaterThan(PER_PAGE);
  const popular = await query<CourseRow>(`SELECT title FROM courses WHERE ${where} ORDER BY enrolment_count DESC, id DESC LIMIT ${PER_PAGE * 2}`);

  await page.goto("/courses");
  const form = page.getByTestId("filter-form");
  await form.getByLabel(zh.Catalogue.level).selectOption("beginner");
  await form.getByLabel(zh.Catalogue.minPrice).fill("50");
  await form.getByRole("button", { name: zh.Catalogue.apply }).click();
  await expect(page).toHaveURL(/level=beginner/);
  expect(new URL(page.url()).searchParams.get("min")).toBe("50");
  await expect(page.getByTestId("results-count")).toHaveText(zh.Catalogue.resultsCount.replace("{count}", String(n)));

  await page.getByLabel(zh.Catalogue.sortLabel).selectOption("popular");
  await expect(page).toHaveURL(/sort=popular/);
  expect(new URL(page.url()).searchParams.get("level")).toBe("beginner");
  await expect.poll(() => cardTitles(page)).toEqual(popular.slice(0, PER_PAGE).map((r) => r.title));

  const pagination = page.getByTestId("pagination");
  await expect(pagination.getByRole("link", { name: zh.Catalogue.pageN.replace("{page}", "1") })).toHaveAttribute("aria-current", "page");
  await pagination.getByRole("link", { name: zh.Catalogue.pageN.replace("{page}", "2") }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(pagination.getByRole("link", { name: zh.Catalogue.pageN.replace("{page}", "2") })).toHaveAttribute("aria-current", "page");
  await expect.poll(() => cardTitles(page)).toEqual(popular.slice(PER_PAGE, PER_PAGE * 2).map((r) => r.title));

  await page.goBack();
  await expect(page).not.toHaveURL(/page=2/);
  await expect.poll(() => cardTitles(page)).toEqual(popular.slice(0, PER_PAGE).map((r) => r.title));
});

// The forms are plain GET forms, and catalogue pages render whole (no streamed skeleton that only a script
// would swap for the content), so they work without JavaScript.
test("the filter and sort forms work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const where = "status = 'published' AND level = 'advanced' AND price_fen > 0";
  const [{ n }] = (await query<{ n: number }>(`SELECT COUNT(*) AS n FROM courses WHERE ${where}`)) as [{ n: number }];
  const dearest = await query<CourseRow>(`SELECT title FROM courses WHERE ${where} ORDER BY price_fen DESC, id DESC LIMIT ${PER_PAGE}`);

  await page.goto("/courses");
  const form = page.getByTestId("filter-form");
  await form.getByLabel(zh.Catalogue.level).selectOption("advanced");
  await form.getByRole("radio", { name: zh.Catalogue.price_paid }).check();
  await form.getByRole("button", { name: zh.Catalogue.apply }).click();
  await expect(page).toHaveURL(/level=advanced/);
  await expect(page.getByTestId("results-count")).toHaveText(zh.Catalogue.resultsCount.replace("{count}", String(n)));

  await page.getByTestId("sort-form").getByLabel(zh.Catalogue.sortLabel).selectOption("price_desc");
  await page.getByTestId("sort-form").getByRole("button", { name: zh.Catalogue.sortApply }).click();
  await expect(page).toHaveURL(/sort=price_desc/);
  expect(new URL(page.url()).searchParams.get("price")).toBe("paid");
  expect(await cardTitles(page)).toEqual(dearest.map((r) => r.title));
  await context.close();
});

test("searches from the header in Chinese and English, marking the matches", async ({ page }) => {
  await page.goto("/courses");
  const search = page.getByRole("banner").getByRole("combobox");
  await search.fill("机器学习");
  await search.press("Enter");
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("机器学习");
  const marks = page.getByTestId("results").locator("mark");
  await expect(marks.first()).toBeVisible();
  expect((await marks.allInnerTexts()).some((t) => t.includes("机器学习"))).toBe(true);
  // Relevance is the default order of a search, and the sort control offers it.
  await expect(page.getByLabel(zh.Catalogue.sortLabel)).toHaveValue("relevance");

  await page.goto(`/courses?q=${encodeURIComponent("react")}`);
  const hits = (await page.getByTestId("results").locator("mark").allInnerTexts()).map((t) => t.toLowerCase());
  expect(hits.length).toBeGreaterThan(0);
  expect(hits.every((t) => t.includes("react"))).toBe(true);

  await page.goto(`/courses?q=${encodeURIComponent("zzzqqq-nothing-matches")}`);
  await expect(page.getByTestId("empty-results")).toContainText(zh.Catalogue.emptyTitle);
});

test("a course page shows its syllabus, price and schema.org data", async ({ page }) => {
  const { notHeld: course } = await learnerCourses();
  const [{ n: lessonCount }] = (await query<{ n: number }>("SELECT COUNT(*) AS n FROM lessons WHERE course_id = ?", [course.id])) as [{ n: number }];

  const response = await page.goto(`/courses/${course.slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(course.title);
  await expect(page.getByTestId("syllabus-lesson")).toHaveCount(lessonCount);
  await expect(page.getByTestId("buy-now")).toHaveAttribute("href", `/cart?buy=${course.id}`);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", course.title);

  const json = await page.locator('script[type="application/ld+json"]').textContent();
  const data = JSON.parse(json ?? "{}") as { "@type": string; name: string; provider: { name: string }; offers: { price: string; priceCurrency: string } };
  expect(data["@type"]).toBe("Course");
  expect(data.name).toBe(course.title);
  expect(data.provider.name).toBeTruthy();
  expect(data.offers).toMatchObject({ price: (course.price_fen / 100).toFixed(2), priceCurrency: "CNY" });

  // Add to cart puts the course in the browser's cart and turns into a link to it.
  await page.getByTestId("add-to-cart").click();
  await expect(page.getByTestId("in-cart")).toBeVisible();
  const stored = await page.evaluate(() => localStorage.getItem("xuefu-cart"));
  expect(JSON.parse(stored ?? "{}").state.items.map((i: { courseId: number }) => i.courseId)).toContain(course.id);
});

test("a visitor opens a free preview, and meets the unlock panel (without content) on a locked lesson", async ({ page }) => {
  const { notHeld: course } = await learnerCourses();
  const preview = await lessonOf(course.id, true);
  const locked = await lessonOf(course.id, false);

  await page.goto(`/courses/${course.slug}/lessons/${preview.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(preview.title);
  await expect(page.getByTestId("lesson-content")).toBeVisible();
  await expect(page.getByTestId("unlock-panel")).toHaveCount(0);

  await page.goto(`/courses/${course.slug}/lessons/${locked.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(locked.title);
  await expect(page.getByTestId("unlock-panel")).toBeVisible();
  await expect(page.getByTestId("lesson-content")).toHaveCount(0);
  await expect(page.getByTestId("unlock-sign-in")).toHaveAttribute("href", `/sign-in?callbackUrl=${encodeURIComponent(`/courses/${course.slug}/lessons/${locked.id}`)}`);
});

test("the demo learner opens a locked lesson of a course they hold, and not of one they do not", async ({ page }) => {
  const { held, notHeld } = await learnerCourses();
  const heldLesson = await lessonOf(held.id, false);
  const otherLesson = await lessonOf(notHeld.id, false);
  await signIn(page, "learner@example.com");

  await page.goto(`/courses/${held.slug}/lessons/${heldLesson.id}`);
  await expect(page.getByTestId("lesson-content")).toBeVisible();
  await expect(page.getByTestId("unlock-panel")).toHaveCount(0);
  await page.goto(`/courses/${held.slug}`);
  await expect(page.getByTestId("enrolled-note")).toBeVisible();

  await page.goto(`/courses/${notHeld.slug}/lessons/${otherLesson.id}`);
  const panel = page.getByTestId("unlock-panel");
  await expect(panel).toContainText(zh.Lesson.buyTitle);
  await expect(page.getByTestId("unlock-price")).toContainText(String(notHeld.price_fen / 100));
  await expect(page.getByTestId("lesson-content")).toHaveCount(0);
});

test("a new learner signs in from a free course, joins it once and opens its lessons", async ({ page }) => {
  test.slow(); // sign-in and a server action on a production server shared by two workers
  const email = `joiner-${randomUUID()}@example.com`;
  await query("INSERT INTO users (email, name, password_hash, locale, created_at, updated_at) VALUES (?, ?, ?, 'zh-CN', NOW(3), NOW(3))", [email, "加入测试", await hash(DEMO_PASSWORD)]);
  const [course] = await query<CourseRow>(
    `SELECT c.id, c.slug, c.title, c.price_fen FROM courses c WHERE c.status = 'published' AND c.price_fen = 0
       AND EXISTS (SELECT 1 FROM lessons l WHERE l.course_id = c.id AND l.is_free_preview = 0) ORDER BY c.id LIMIT 1`,
  );
  const locked = await lessonOf(course!.id, false);
  const path = `/courses/${course!.slug}`;

  await page.goto(path);
  await expect(page.getByTestId("course-price")).toHaveText(zh.CourseDetail.free);
  await expect(page.getByTestId("add-to-cart")).toHaveCount(0);
  await page.getByTestId("sign-in-to-join").click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel(zh.Auth.login).fill(email);
  await page.getByLabel(zh.Auth.password).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: zh.Auth.signIn, exact: true }).click();
  await page.waitForURL((url) => url.pathname === path);

  await page.getByTestId("join-course").click();
  await expect(page.getByTestId("enrolled-note")).toBeVisible();
  const rows = await query<{ source: string }>("SELECT e.source FROM enrolments e JOIN users u ON u.id = e.user_id WHERE u.email = ? AND e.course_id = ?", [email, course!.id]);
  expect(rows).toEqual([{ source: "free" }]);

  await page.goto(`${path}/lessons/${locked.id}`);
  await expect(page.getByTestId("lesson-content")).toBeVisible();
});

test("unknown and draft courses, and foreign lessons, are not found", async ({ page }) => {
  const [draft] = await query<CourseRow>("SELECT id, slug, title FROM courses WHERE status = 'draft' LIMIT 1");
  const { notHeld } = await learnerCourses();
  const [foreign] = await query<{ id: number }>("SELECT id FROM lessons WHERE course_id <> ? LIMIT 1", [notHeld.id]);
  for (const path of ["/courses/no-such-course-here", `/courses/${draft!.slug}`, `/courses/${notHeld.slug}/lessons/${foreign!.id}`, `/courses/${notHeld.slug}/lessons/abc`]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page.getByTestId("catalogue-not-found"), path).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.Catalogue.notFoundTitle);
    await expect(page.locator('meta[name="robots"][content*="noindex"]').first()).toBeAttached();
  }
  if (draft) await expect(page.getByText(draft.title)).toHaveCount(0);
});

test("robots.txt keeps crawlers out of the admin and the API and names the sitemap", async ({ request, baseURL }) => {
  const res = await request.get("/robots.txt");
  expect(res.status()).toBe(200);
  const text = await res.text();
  expect(text).toContain("Disallow: /admin");
  expect(text).toContain("Disallow: /api/");
  expect(text).toContain(`Sitemap: ${new URL("/sitemap.xml", baseURL).toString()}`);
});

test("sitemap.xml lists every published course and no draft", async ({ request }) => {
  const res = await request.get("/sitemap.xml");
  expect(res.status()).toBe(200);
  const xml = await res.text();
  const published = await query<CourseRow>("SELECT slug FROM courses WHERE status = 'published'");
  const hidden = await query<CourseRow>("SELECT slug FROM courses WHERE status <> 'published'");
  for (const c of published) expect(xml).toContain(`/courses/${c.slug}</loc>`);
  for (const c of hidden) expect(xml).not.toContain(`/courses/${c.slug}</loc>`);
  expect(xml).toContain("/courses?category=frontend");
  expect(xml).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}/);
});

test("the catalogue and a course page read in English after the language switch", async ({ page }) => {
  const { notHeld: course } = await learnerCourses();
  await page.goto("/courses");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.Catalogue.title);
  await page.getByRole("banner").getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.Catalogue.title);
  await expect(page.getByLabel(en.Catalogue.sortLabel)).toBeVisible();
  await expect(page.getByRole("button", { name: en.Catalogue.apply })).toBeVisible();

  await page.goto(`/courses/${course.slug}`);
  await expect(page.getByRole("heading", { name: en.CourseDetail.syllabusHeading })).toBeVisible();
  await expect(page.getByTestId("buy-now")).toHaveText(en.CourseDetail.buyNow);
});
