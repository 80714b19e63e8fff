// The course and lesson pages for a learner's first hour, against the production build: lengths read as hours
// and minutes everywhere (course facts, syllabus, chapters, lesson page, cards); syllabus chapters fold (the
// first or the current one open, keyboard and no-JavaScript friendly); phones get a buy bar at the bottom that
// steps aside while the purchase panel is on screen and comes to rest above the footer; a learner holding an
// unpaid order is asked to pay it rather than to buy the course again. At 390 px and 1280 px, in both languages.
import { expect, test, type Browser, type Page } from "@playwright/test";
import en from "../lib/i18n/messages/en.json";
import zh from "../lib/i18n/messages/zh-CN.json";
import { formatDuration, formatFen } from "../lib/catalogue/format";
import { createAccount, signIn } from "./support/auth";
import { query } from "./support/db";

const LOCALES = [
  { locale: "zh-CN", m: zh },
  { locale: "en", m: en },
] as const;

const baseURL = () => process.env.E2E_BASE_URL ?? "http://localhost:3100";

interface Course {
  id: number;
  slug: string;
  title: string;
  price_fen: number;
  member_price_fen: number;
}

interface Lesson {
  id: number;
  title: string;
  duration_seconds: number;
  is_free_preview: number;
  /** 0-based position of its chapter in the syllabus. */
  chapter_index: number;
}

/**
 * A paid published course with a member price, three chapters or more and a locked lesson of an hour or more
 * (past the first courses by id, which other specs buy and join).
 */
async function longCourse(): Promise<{ course: Course; long: Lesson; totalSeconds: number; chapters: number }> {
  const [course] = await query<Course>(
    `SELECT c.id, c.slug, c.title, c.price_fen, c.member_price_fen FROM courses c
     WHERE c.status = 'published' AND c.price_fen > 0 AND c.member_price_fen < c.price_fen AND c.id > 10
       AND (SELECT COUNT(*) FROM chapters ch WHERE ch.course_id = c.id) >= 3
       AND EXISTS (SELECT 1 FROM lessons l WHERE l.course_id = c.id AND l.is_free_preview = 0 AND l.duration_seconds >= 3600)
     ORDER BY c.id LIMIT 1`,
  );
  if (!course) throw new Error("the seed should have a paid course with a lesson of an hour or more");
  const lessons = await query<Lesson>(
    `SELECT l.id, l.title, l.duration_seconds, l.is_free_preview,
            (SELECT COUNT(*) FROM chapters c2 WHERE c2.course_id = ch.course_id AND (c2.position < ch.position OR (c2.position = ch.position AND c2.id < ch.id))) AS chapter_index
     FROM lessons l JOIN chapters ch ON ch.id = l.chapter_id WHERE l.course_id = ? ORDER BY l.id`,
    [course.id],
  );
  // A locked hour-long lesson, past the first chapter when there is one (its outline then opens another chapter).
  const candidates = lessons.filter((l) => l.duration_seconds >= 3600 && !Number(l.is_free_preview));
  const long = candidates.find((l) => Number(l.chapter_index) > 0) ?? candidates[0]!;
  const [{ n: chapters }] = (await query<{ n: number }>("SELECT COUNT(*) AS n FROM chapters WHERE course_id = ?", [course.id])) as [{ n: number }];
  return { course, long: { ...long, chapter_index: Number(long.chapter_index) }, totalSeconds: lessons.reduce((s, l) => s + l.duration_seconds, 0), chapters: Number(chapters) };
}

const fill = (message: string, values: Record<string, string | number>) => message.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));

async function setLocale(page: Page, locale: string): Promise<void> {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL() }]);
}

async function box(page: Page, testId: string) {
  const b = await page.getByTestId(testId).boundingBox();
  if (!b) throw new Error(`${testId} has no box`);
  return b;
}

test("lengths read as hours and minutes on the course page, its syllabus, the lesson page and the cards", async ({ page }) => {
  const { course, long, totalSeconds } = await longCourse();
  for (const { locale, m } of LOCALES) {
    await setLocale(page, locale);
    await page.goto(`/courses/${course.slug}`);
    await expect(page.getByTestId("course-total-duration")).toHaveText(fill(m.CourseDetail.totalDuration, { duration: formatDuration(totalSeconds, locale) }));
    // The hour-long lesson in the syllabus: "1 小时 25 分钟" / "1 h 25 min", never "85 分钟" or "1:25:00".
    const row = page.getByTestId("syllabus-lesson").filter({ hasText: long.title });
    await expect(row.getByTestId("lesson-duration")).toContainText(formatDuration(long.duration_seconds, locale));
    const all = await page.getByTestId("lesson-duration").allInnerTexts();
    for (const text of all) {
      expect(text).not.toMatch(/\d:\d\d/);
      expect(text).not.toMatch(/\b([6-9]\d|\d{3,}) (分钟|min)/);
    }

    await page.goto(`/courses/${course.slug}/lessons/${long.id}`);
    await expect(page.getByTestId("lesson-meta-duration")).toContainText(formatDuration(long.duration_seconds, locale));

    await page.goto(`/courses?q=${encodeURIComponent(course.title)}`);
    const card = page.getByTestId("results").getByTestId("course-card").filter({ has: page.getByRole("link", { name: course.title, exact: true }) });
    await expect(card.getByTestId("course-card-duration")).toContainText(formatDuration(totalSeconds, locale));
  }
});

test("syllabus chapters fold: the first (or the current lesson's) is open, and they open by keyboard and without JavaScript", async ({ page, browser }) => {
  const { course, long } = await longCourse();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/courses/${course.slug}`);
  const chapters = page.getByTestId("syllabus").getByTestId("syllabus-chapter");
  await expect(chapters.nth(0)).toHaveAttribute("open", "");
  await expect(chapters.nth(1)).not.toHaveAttribute("open");
  await expect(chapters.nth(0).getByTestId("syllabus-lesson").first()).toBeVisible();
  await expect(chapters.nth(1).getByTestId("syllabus-lesson").first()).toBeHidden();
  // The chapter's summary is a keyboard control: Enter opens it, Space closes it again.
  const summary = chapters.nth(1).locator("summary");
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(chapters.nth(1)).toHaveAttribute("open", "");
  await expect(chapters.nth(1).getByTestId("syllabus-lesson").first()).toBeVisible();
  await page.keyboard.press("Space");
  await expect(chapters.nth(1)).not.toHaveAttribute("open");

  // A lesson's outline opens the chapter holding it.
  await page.goto(`/courses/${course.slug}/lessons/${long.id}`);
  const outline = page.getByTestId("syllabus").getByTestId("syllabus-chapter");
  await expect(outline.nth(long.chapter_index)).toHaveAttribute("open", "");
  await expect(outline.nth(long.chapter_index).locator('a[aria-current="page"]')).toBeVisible();
  if (long.chapter_index !== 0) await expect(outline.nth(0)).not.toHaveAttribute("open");

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL() }]);
  const plain = await context.newPage();
  await plain.goto(`/courses/${course.slug}`);
  const third = plain.getByTestId("syllabus-chapter").nth(2);
  await expect(third.getByTestId("syllabus-lesson").first()).toBeHidden();
  await third.locator("summary").click();
  await expect(third.getByTestId("syllabus-lesson").first()).toBeVisible();
  await context.close();
});

test("phones get a buy bar that steps aside for the purchase panel and rests above the footer; wide screens do not", async ({ page }) => {
  const { course } = await longCourse();
  for (const { locale, m } of LOCALES) {
    await setLocale(page, locale);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/courses/${course.slug}`);
    const bar = page.getByTestId("buy-bar");
    // At the top the panel itself is on screen, so the bar keeps out of the way.
    await expect(page.getByTestId("buy-now")).toBeInViewport();
    await expect(bar).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    // Reading the syllabus: the bar sits at the bottom of the screen with the prices and "buy now".
    await page.getByRole("heading", { name: m.CourseDetail.syllabusHeading }).evaluate((el) => el.scrollIntoView({ block: "start" }));
    await expect(bar).toBeVisible();
    await expect(page.getByTestId("buy-bar-price")).toHaveText(formatFen(course.price_fen, locale));
    await expect(bar).toContainText(fill(m.CourseDetail.memberPrice, { price: formatFen(course.member_price_fen, locale) }));
    await expect(page.getByTestId("buy-bar-action")).toHaveAttribute("href", `/cart?buy=${course.id}`);
    await expect(page.getByTestId("buy-bar-action")).toHaveText(m.CourseDetail.buyNow);
    await expect.poll(async () => Math.round((await box(page, "buy-bar")).y + (await box(page, "buy-bar")).height)).toBe(844);

    // At the end of the page it comes to rest under the last content and above the footer, covering neither.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(bar).toBeVisible();
    await expect
      .poll(async () => {
        const b = await box(page, "buy-bar");
        const footer = (await page.locator("footer").last().boundingBox())!;
        const teacher = await box(page, "teacher-card");
        return b.y + b.height <= footer.y + 0.5 && teacher.y + teacher.height <= b.y + 0.5;
      })
      .toBe(true);

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/courses/${course.slug}`);
    await expect(bar).toBeHidden();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(bar).toBeHidden();
    await expect(page.getByTestId("buy-now")).toHaveCount(1);
  }
});

async function shanghaiPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ timezoneId: "Asia/Shanghai" });
  return context.newPage();
}

test("a learner with an unpaid order or a won seat is asked to pay it, not to buy the course again", async ({ browser, request }) => {
  test.slow(); // a sign-in and sixteen pages
  const { course, long } = await longCourse();
  const learner = await createAccount({ label: "pending-order" });
  const orderNo = `98${Date.now()}${Math.floor(Math.random() * 1e4)}`.slice(0, 20);
  const totalFen = course.member_price_fen;
  const payBefore = new Date(Date.now() + 20 * 60_000);
  const utc = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");
  await query(
    "INSERT INTO orders (order_no, user_id, status, source, subtotal_fen, total_fen, pay_before, created_at, updated_at) VALUES (?, ?, 'pending', 'cart', ?, ?, ?, NOW(3), NOW(3))",
    [orderNo, learner.id, totalFen, totalFen, utc(payBefore)],
  );
  await query(
    "INSERT INTO order_items (order_id, course_id, title_snapshot, list_price_fen, price_fen, paid_fen, created_at) SELECT id, ?, ?, ?, ?, ?, NOW(3) FROM orders WHERE order_no = ?",
    [course.id, course.title, course.price_fen, totalFen, totalFen, orderNo],
  );
  const page = await shanghaiPage(browser);
  try {
    await signIn(page, learner.email);
    for (const { locale, m } of LOCALES) {
      await setLocale(page, locale);
      const price = formatFen(totalFen, locale);
      const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Asia/Shanghai" }).format(payBefore);
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 844 });
        await page.goto(`/courses/${course.slug}`);
        const notice = page.getByTestId("purchase-panel").getByTestId("pending-order");
        await expect(notice).toContainText(price);
        await expect(notice).toContainText(time);
        await expect(notice).toContainText("GMT+8");
        await expect(notice.getByTestId("pending-order-pay")).toHaveAttribute("href", `/orders/${orderNo}/pay`);
        await expect(notice.getByTestId("pending-order-pay")).toHaveText(fill(m.PendingOrder.pay, { price }));
        await expect(page.getByTestId("buy-now")).toHaveCount(0);
        await expect(page.getByTestId("add-to-cart")).toHaveCount(0);
        if (width === 390) {
          await page.getByRole("heading", { name: m.CourseDetail.syllabusHeading }).evaluate((el) => el.scrollIntoView({ block: "start" }));
          await expect(page.getByTestId("buy-bar-action")).toBeVisible();
          await expect(page.getByTestId("buy-bar-action")).toHaveAttribute("href", `/orders/${orderNo}/pay`);
          await expect(page.getByTestId("buy-bar-action")).toHaveText(fill(m.PendingOrder.pay, { price }));
        }

        await page.goto(`/courses/${course.slug}/lessons/${long.id}`);
        const panel = page.getByTestId("unlock-panel");
        await expect(panel).toContainText(m.Lesson.payTitle);
        await expect(panel.getByTestId("pending-order")).toContainText(time);
        await expect(panel.getByTestId("pending-order-pay")).toHaveAttribute("href", `/orders/${orderNo}/pay`);
        await expect(page.getByTestId("unlock-buy")).toHaveCount(0);
        await expect(page.getByTestId("add-to-cart")).toHaveCount(0);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      }
    }

    // A won flash-sale seat is an order too, and says so.
    await query("UPDATE orders SET source = 'seckill' WHERE order_no = ?", [orderNo]);
    await setLocale(page, "zh-CN");
    await page.goto(`/courses/${course.slug}`);
    await expect(page.getByTestId("pending-order")).toContainText("秒杀名额");

    // Visitors, whose page the full-page cache shares, never see anyone's order.
    const anonymous = await (await request.get(`/courses/${course.slug}`)).text();
    expect(anonymous).not.toContain('data-testid="pending-order"');
    expect(anonymous).toContain('data-testid="buy-now"');

    // Once the order can no longer be paid, the course is for sale again.
    await query("UPDATE orders SET pay_before = ? WHERE order_no = ?", [utc(new Date(Date.now() - 60_000)), orderNo]);
    await page.goto(`/courses/${course.slug}`);
    await expect(page.getByTestId("buy-now")).toBeVisible();
    await expect(page.getByTestId("pending-order")).toHaveCount(0);
  } finally {
    await page.context().close();
    await query("DELETE oi FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE o.order_no = ?", [orderNo]);
    await query("DELETE FROM orders WHERE order_no = ?", [orderNo]);
  }
});
