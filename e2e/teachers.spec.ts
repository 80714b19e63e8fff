// Teachers' pages end to end against the production build, compared with the test database: every teacher
// name in the catalogue (search results and course cards, the course page's hero and teacher card) leads to
// /teachers/<slug>; the page shows the profile, the rating weighted by ratings, distinct learners and the
// teacher's published courses a page at a time, with schema.org Person data; unknown teachers and teachers
// without a published course are real 404s; the sitemap lists the teachers who have a page. Checked at 390 px
// and 1280 px, in Chinese and English.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import en from "../lib/i18n/messages/en.json";
import zh from "../lib/i18n/messages/zh-CN.json";
import { query } from "./support/db";

interface TeacherRow {
  id: number;
  slug: string;
  name: string;
  title: string;
}

const baseURL = () => process.env.E2E_BASE_URL ?? "http://localhost:3100";

/**
 * A seeded teacher with several published courses, none of which other specs buy, join or rename (they take
 * the first courses by id, and create theirs with the first teacher), so the page's numbers hold still.
 */
async function seededTeacher(): Promise<TeacherRow> {
  const [row] = await query<TeacherRow>(
    `SELECT t.id, t.slug, t.name, t.title FROM teachers t JOIN courses c ON c.teacher_id = t.id AND c.status = 'published'
     WHERE t.id <> (SELECT MIN(id) FROM teachers)
     GROUP BY t.id HAVING COUNT(*) >= 4 AND MIN(c.id) > 20 ORDER BY COUNT(*) DESC, t.id LIMIT 1`,
  );
  if (!row) throw new Error("the seed should give some teacher four published courses");
  return row;
}

async function teacherNumbers(id: number) {
  const [totals] = await query<{ n: number; rs: string | null; rc: string | null }>(
    "SELECT COUNT(*) AS n, SUM(rating_sum) AS rs, SUM(rating_count) AS rc FROM courses WHERE teacher_id = ? AND status = 'published'",
    [id],
  );
  const [learners] = await query<{ n: number }>(
    "SELECT COUNT(DISTINCT e.user_id) AS n FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE c.teacher_id = ? AND c.status = 'published'",
    [id],
  );
  const titles = await query<{ title: string }>("SELECT title FROM courses WHERE teacher_id = ? AND status = 'published' ORDER BY enrolment_count DESC, id DESC", [id]);
  const ratingCount = Number(totals!.rc ?? 0);
  return {
    courseCount: Number(totals!.n),
    ratingCount,
    // Weighted by the number of ratings: every rating counts once, whichever course it is for.
    rating: ratingCount > 0 ? (Math.round((Number(totals!.rs) / ratingCount) * 10) / 10).toFixed(1) : null,
    learners: Number(learners!.n),
    titles: titles.map((r) => r.title),
  };
}

const fill = (message: string, values: Record<string, string | number>) => message.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));

async function noHorizontalOverflow(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test("teacher names in search results, course cards and the course page lead to the teacher's page", async ({ page }) => {
  const teacher = await seededTeacher();
  const [course] = await query<{ slug: string; title: string }>("SELECT slug, title FROM courses WHERE teacher_id = ? AND status = 'published' ORDER BY id LIMIT 1", [teacher.id]);
  const path = `/teachers/${teacher.slug}`;

  // Search finds courses by their teacher's name; the card's teacher link sits above the card's own link.
  await page.goto(`/courses?q=${encodeURIComponent(teacher.name)}`);
  const cardLink = page.getByTestId("results").getByTestId("course-card-teacher").filter({ hasText: teacher.name }).first();
  await expect(cardLink).toHaveAttribute("href", path);
  await cardLink.click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(teacher.name);

  // The course page: the hero's "Teacher: …" and the teacher card.
  await page.goto(`/courses/${course!.slug}`);
  await expect(page.getByTestId("hero-teacher-link")).toHaveAttribute("href", path);
  await page.getByTestId("teacher-card").getByTestId("teacher-link").click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByTestId("teacher-page")).toBeVisible();
});

test("a teacher's page shows the profile, weighted rating, learners and courses, with Person data, in both languages", async ({ page }) => {
  const teacher = await seededTeacher();
  const numbers = await teacherNumbers(teacher.id);
  const path = `/teachers/${teacher.slug}`;

  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(teacher.name);
  if (teacher.title) await expect(page.getByTestId("teacher-page")).toContainText(teacher.title);
  await expect(page.getByTestId("teacher-course-count")).toHaveText(fill(zh.Teacher.courseCount, { count: numbers.courseCount }));
  await expect(page.getByTestId("teacher-learners")).toHaveText(fill(zh.Teacher.learnerCount, { count: numbers.learners }));
  if (numbers.rating) {
    await expect(page.getByTestId("teacher-rating")).toHaveText(fill(zh.Teacher.rating.replace(/<\/?strong>/g, ""), { rating: numbers.rating, count: numbers.ratingCount }));
  }
  // Their published courses, the most learned first, in the shared course cards (without the teacher line).
  const cards = page.getByTestId("teacher-courses").getByTestId("course-card");
  expect((await cards.getByTestId("course-card-title").allInnerTexts()).map((t) => t.trim())).toEqual(numbers.titles);
  await expect(cards.getByTestId("course-card-teacher")).toHaveCount(0);
  await expect(page.getByTestId("pagination")).toHaveCount(0);

  await expect(page.locator('link[rel="canonical"]').first()).toHaveAttribute("href", new RegExp(`${path}$`));
  await expect(page.locator('meta[property="og:title"]').first()).toHaveAttribute("content", fill(zh.Teacher.metaTitle, { name: teacher.name }));
  const json = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? "{}") as Record<string, string>;
  expect(json).toMatchObject({ "@context": "https://schema.org", "@type": "Person", name: teacher.name });
  expect(json.url).toMatch(new RegExp(`${path}$`));

  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL() }]);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: fill(en.Teacher.coursesHeading, { name: teacher.name }) })).toBeVisible();
  await expect(page.getByTestId("teacher-learners")).toHaveText(`${numbers.learners} ${numbers.learners === 1 ? "learner" : "learners"}`);
});

test("the teacher's page lays out at 390 px and 1280 px in Chinese and English", async ({ page }) => {
  const teacher = await seededTeacher();
  for (const locale of ["zh-CN", "en"] as const) {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL() }]);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(`/teachers/${teacher.slug}`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await noHorizontalOverflow(page);
      // The name sits beside the avatar, not under it.
      const name = (await page.getByRole("heading", { level: 1 }).boundingBox())!;
      const avatar = (await page.getByTestId("teacher-avatar").boundingBox())!;
      expect(name.x, `${locale} ${width}`).toBeGreaterThanOrEqual(avatar.x + avatar.width);
      expect(name.y).toBeLessThan(avatar.y + avatar.height);
      // One card per row on a phone, several on a wide screen; every card inside the page.
      const boxes = await page.getByTestId("teacher-courses").getByTestId("course-card").evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
      const firstRow = boxes.filter((b) => Math.abs(b.y - boxes[0]!.y) < 2);
      if (width === 390) expect(firstRow, `${locale} ${width}`).toHaveLength(1);
      else expect(firstRow.length, `${locale} ${width}`).toBeGreaterThanOrEqual(3);
      for (const b of boxes) expect(b.x + b.width).toBeLessThanOrEqual(width);
    }
  }
});

test("unknown teachers and teachers without a published course are 404s; many courses page; the sitemap lists teachers", async ({ page, request }) => {
  test.slow(); // thirteen courses written and removed, and a dozen pages
  const tag = randomUUID().slice(0, 8);
  const [category] = await query<{ id: number }>(
    "SELECT c.id FROM categories c JOIN categories p ON p.id = c.parent_id WHERE p.slug <> 'frontend' ORDER BY c.id DESC LIMIT 1",
  );
  const teacherIds: number[] = [];
  try {
    // A teacher with a draft only, and one with thirteen published courses. Those courses stay out of every
    // list other specs compare with the database: intermediate, free, published long ago, nobody enrolled.
    for (const name of ["lonely", "busy"]) {
      await query("INSERT INTO teachers (slug, name, title, bio, created_at) VALUES (?, ?, '测试讲师', '测试简介', NOW(3))", [`e2e-${name}-${tag}`, `E2E ${name} ${tag}`]);
      const [row] = await query<{ id: number }>("SELECT id FROM teachers WHERE slug = ?", [`e2e-${name}-${tag}`]);
      teacherIds.push(Number(row!.id));
    }
    const [lonely, busy] = teacherIds as [number, number];
    const values = (teacherId: number, i: number, status: string) => [`e2e-tc-${tag}-${teacherId}-${i}`, `E2E 讲师课程 ${tag} ${String(i).padStart(2, "0")}`, status, category!.id, teacherId];
    const rows = [values(lonely, 0, "draft"), ...Array.from({ length: 13 }, (_, i) => values(busy, i, "published"))];
    // One statement, so the courses appear together.
    await query(
      `INSERT INTO courses (slug, title, subtitle, description, price_fen, level, language, status, category_id, teacher_id, tags, enrolment_count, published_at, created_at, updated_at)
       VALUES ${rows.map(() => "(?, ?, '', '<p>e2e</p>', 0, 'intermediate', 'zh-CN', ?, ?, ?, '[]', 0, '2001-01-01', NOW(3), NOW(3))").join(", ")}`,
      rows.flat(),
    );

    for (const path of [`/teachers/no-such-teacher-${tag}`, `/teachers/e2e-lonely-${tag}`, "/teachers/Bad%20Slug!"]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
      await expect(page.getByTestId("teacher-not-found"), path).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.Teacher.notFoundTitle);
      await expect(page.locator('meta[name="robots"][content*="noindex"]').first()).toBeAttached();
    }

    // Twelve to a page, then the thirteenth (most learners first; with none, the newest first).
    const titles = (await query<{ title: string }>("SELECT title FROM courses WHERE teacher_id = ? ORDER BY enrolment_count DESC, id DESC", [busy])).map((r) => r.title);
    await page.goto(`/teachers/e2e-busy-${tag}`);
    const cardTitles = () => page.getByTestId("teacher-courses").getByTestId("course-card-title").allInnerTexts();
    expect((await cardTitles()).map((t) => t.trim())).toEqual(titles.slice(0, 12));
    await expect(page.getByTestId("teacher-course-count")).toHaveText(fill(zh.Teacher.courseCount, { count: 13 }));
    await page.getByTestId("pagination").getByRole("link", { name: fill(zh.Catalogue.pageN, { page: 2 }) }).click();
    await expect(page).toHaveURL(/\?page=2$/);
    await expect.poll(async () => (await cardTitles()).map((t) => t.trim())).toEqual(titles.slice(12));
    await expect(page.locator('meta[name="robots"][content*="noindex"]').first()).toBeAttached();
    await page.goto(`/teachers/e2e-busy-${tag}?page=9`);
    await expect(page.getByTestId("empty-results")).toBeVisible();

    const xml = await (await request.get("/sitemap.xml")).text();
    expect(xml).toContain(`/teachers/e2e-busy-${tag}</loc>`);
    expect(xml).not.toContain(`/teachers/e2e-lonely-${tag}</loc>`);
    expect(xml).toContain(`/teachers/${(await seededTeacher()).slug}</loc>`);
  } finally {
    if (teacherIds.length) {
      await query(`DELETE FROM courses WHERE teacher_id IN (${teacherIds.map(() => "?").join(",")})`, teacherIds);
      await query(`DELETE FROM teachers WHERE id IN (${teacherIds.map(() => "?").join(",")})`, teacherIds);
    }
  }
});
