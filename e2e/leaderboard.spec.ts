// Learning progress and the leaderboards end to end: a learner completes lessons on the lesson page, sees the
// course's progress and the points earned, and climbs /leaderboard (with a tie on the way); after the boards'
// Redis keys are deleted, the worker's rebuild job restores the same ranking from MySQL. Then the weight rule:
// pages without charts load no ECharts code, and chart pages load it lazily, with only the charts used.
import { Queue, QueueEvents } from "bullmq";
import { Redis as IORedis } from "ioredis";
import { expect, test, type Page } from "@playwright/test";
import zh from "../lib/i18n/messages/zh-CN.json";
import { apiToken, createAccount, signIn, signedInPage } from "./support/auth";
import { query } from "./support/db";

const PREFIX = process.env.REDIS_KEY_PREFIX ?? "xuefu-test";
/** A string literal in ECharts' core that survives minification. */
const ECHARTS_MARKER = "_echarts_instance_";

async function courseWithLessons(min: number): Promise<{ id: number; slug: string; lessons: number[] }> {
  const [course] = await query<{ id: number; slug: string }>(
    `SELECT c.id, c.slug FROM courses c JOIN lessons l ON l.course_id = c.id WHERE c.status = 'published'
     GROUP BY c.id, c.slug HAVING COUNT(*) >= ? ORDER BY COUNT(*), c.id LIMIT 1`,
    [min],
  );
  const lessons = await query<{ id: number }>(
    "SELECT l.id FROM lessons l JOIN chapters ch ON ch.id = l.chapter_id WHERE l.course_id = ? ORDER BY ch.position, ch.id, l.position, l.id",
    [course!.id],
  );
  return { id: Number(course!.id), slug: course!.slug, lessons: lessons.map((l) => Number(l.id)) };
}

const enrol = (userId: number, courseId: number) => query("INSERT INTO enrolments (user_id, course_id, source, created_at) VALUES (?, ?, 'grant', NOW(3))", [userId, courseId]);

async function myRank(page: Page): Promise<number | null> {
  await page.goto("/leaderboard?period=week");
  const standing = page.getByTestId("my-standing");
  await expect(standing).toBeVisible();
  const ranked = standing.locator("[data-rank]");
  return (await ranked.count()) ? Number(await ranked.getAttribute("data-rank")) : null;
}

async function completeLesson(page: Page, slug: string, lessonId: number): Promise<void> {
  await page.goto(`/courses/${slug}/lessons/${lessonId}`);
  await page.getByTestId("mark-complete").click();
  await expect(page.getByTestId("lesson-completed")).toBeVisible();
  await expect(page.getByTestId("points-earned")).toContainText("10");
}

async function withRedis<T>(fn: (redis: IORedis) => Promise<T>): Promise<T> {
  const redis = new IORedis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
  try {
    return await fn(redis);
  } finally {
    redis.disconnect();
  }
}

test("a learner completes lessons, sees progress and points, climbs the leaderboard, and a rebuild restores it", async ({ page, request }) => {
  test.setTimeout(90_000);
  const course = await courseWithLessons(3);
  const total = course.lessons.length;
  const learner = await createAccount({ label: "lb-learner", name: `攀登者${Date.now() % 100000}` });
  const rival = await createAccount({ label: "lb-rival" });
  await enrol(learner.id, course.id);
  await enrol(rival.id, course.id);

  // The rival earns 20 points through the API with a token.
  const rivalToken = await apiToken(request, rival.email);
  for (const lessonId of course.lessons.slice(0, 2)) {
    const res = await request.put(`/api/v1/me/progress/${lessonId}`, { headers: { authorization: `Bearer ${rivalToken}` }, data: { completed: true } });
    expect(res.status()).toBe(200);
    expect(((await res.json()) as { points_awarded: number }).points_awarded).toBe(10);
  }
  const rivalRank = async () =>
    ((await (await request.get("/api/v1/leaderboards/points?period=week&limit=1", { headers: { authorization: `Bearer ${rivalToken}`, connection: "close" } })).json()) as { me: { rank: number } }).me.rank;

  await signIn(page, learner.email);
  expect(await myRank(page)).toBeNull();
  await expect(page.getByTestId("my-standing")).toHaveText(zh.Leaderboard.notRanked);

  // Lesson 1: progress 1/N and 10 points; the completion survives a reload.
  await page.goto(`/courses/${course.slug}/lessons/${course.lessons[0]}`);
  await expect(page.getByTestId("course-progress")).toContainText(`0/${total}`);
  await page.getByTestId("mark-complete").click();
  await expect(page.getByTestId("points-earned")).toContainText("10");
  await expect(page.getByTestId("course-progress")).toContainText(`1/${total}`);
  await page.reload();
  await expect(page.getByTestId("lesson-completed")).toBeVisible();
  const afterOne = await myRank(page);
  expect(afterOne).not.toBeNull();
  expect(afterOne!).toBeGreaterThan(await rivalRank());

  // Lesson 2: 20 points, level with the rival, so the same rank.
  await completeLesson(page, course.slug, course.lessons[1]!);
  const afterTwo = await myRank(page);
  expect(afterTwo).toBe(await rivalRank());
  expect(afterTwo!).toBeLessThan(afterOne!);

  // Lesson 3: 30 points, past the rival. (Not always a better rank than before: early on a Monday the week's board
  // may hold no one but these two, who were level at the top.)
  await completeLesson(page, course.slug, course.lessons[2]!);
  const afterThree = await myRank(page);
  expect(afterThree!).toBeLessThanOrEqual(afterTwo!);
  expect(await rivalRank()).toBeGreaterThan(afterThree!);
  await expect(page.getByTestId("my-standing")).toContainText("30");

  // My courses lists the course with its progress, and a link to go on.
  await page.goto("/account/courses");
  const row = page.locator(`[data-testid="enrolled-course"][data-course-id="${course.id}"]`);
  await expect(row.getByTestId("enrolled-course-progress")).toContainText(`3/${total}`);
  await expect(row.getByRole("link", { name: new RegExp(zh.MyCourses.continue) })).toHaveAttribute("href", `/courses/${course.slug}/lessons/${course.lessons[3] ?? course.lessons[0]}`);

  // The home page offers to continue the unfinished course; the header links to My courses.
  await page.goto("/");
  await expect(page.getByTestId("home-continue").locator(`[data-course-id="${course.id}"]`)).toBeVisible();
  await expect(page.getByTestId("my-courses-link")).toHaveAttribute("href", "/account/courses");

  // Switching the period fetches the API, keeps the URL in step and does not reload the page.
  await page.goto("/leaderboard?period=week");
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const allTime = page.waitForResponse((res) => res.url().includes("/api/v1/leaderboards/points?period=all"));
  await page.getByTestId("period-all").click();
  await allTime;
  await expect(page).toHaveURL(/\?period=all$/);
  await expect(page.getByTestId("leaderboard")).toHaveAttribute("data-period", "all");
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  await expect(page.getByTestId("top-chart")).toHaveAttribute("data-state", "ready");

  // Flush the leaderboards (only this app's keys), then let the worker's rebuild job restore them.
  await page.goto("/leaderboard?period=week");
  const tableBefore = await page.getByTestId("leaderboard-table").innerText();
  const deleted = await withRedis(async (redis) => {
    const keys = await redis.keys(`${PREFIX}:lb:*`);
    if (keys.length) await redis.del(...keys);
    return keys.length;
  });
  expect(deleted).toBeGreaterThan(0);
  expect(await myRank(page)).toBeNull();

  await withRedis(async (connection) => {
    const queue = new Queue("maintenance", { connection, prefix: `${PREFIX}:bull` });
    const events = new QueueEvents("maintenance", { connection: connection.duplicate(), prefix: `${PREFIX}:bull` });
    try {
      await events.waitUntilReady();
      const job = await queue.add("leaderboards-rebuild", {});
      await job.waitUntilFinished(events, 30_000);
    } finally {
      await events.close();
      await queue.close();
    }
  });
  expect(await myRank(page)).toBe(afterThree);
  expect(await page.getByTestId("leaderboard-table").innerText()).toBe(tableBefore);
});

/** Every JavaScript file the page has loaded (script tags and lazy chunks), with its text. */
async function scriptsOf(page: Page, path: string, ready?: (page: Page) => Promise<void>): Promise<Map<string, string>> {
  await page.goto(path);
  await page.waitForLoadState("load");
  if (ready) await ready(page);
  // Give chunks loaded after hydration a moment to arrive, then read what the browser fetched.
  await page.waitForTimeout(1_000);
  const urls = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => e as PerformanceResourceTiming)
      .filter((e) => e.initiatorType === "script" || e.name.endsWith(".js"))
      .map((e) => e.name),
  );
  const scripts = new Map<string, string>();
  for (const url of new Set(urls)) {
    const res = await page.request.get(url);
    if (res.ok() && /javascript/.test(res.headers()["content-type"] ?? "")) scripts.set(url, await res.text());
  }
  return scripts;
}

test("pages without charts ship no ECharts code; chart pages load it lazily, with only bar and line charts", async ({ browser, page }) => {
  test.setTimeout(60_000);
  const course = await courseWithLessons(1);
  for (const path of ["/", "/courses", `/courses/${course.slug}`, `/courses/${course.slug}/lessons/${course.lessons[0]}`, "/sign-in"]) {
    const scripts = await scriptsOf(page, path);
    expect(scripts.size, path).toBeGreaterThan(0);
    for (const [url, body] of scripts) expect(body.includes(ECHARTS_MARKER), `${path} loads ECharts in ${url}`).toBe(false);
  }

  const chartReady = async (p: Page) => expect(p.getByTestId("top-chart")).toHaveAttribute("data-state", "ready");
  const scripts = await scriptsOf(page, "/leaderboard?period=all", chartReady);
  const withCharts = [...scripts].filter(([, body]) => body.includes(ECHARTS_MARKER));
  expect(withCharts.length).toBe(1);
  const [chunkUrl, chunk] = withCharts[0]!;
  // Not among the scripts the HTML names: fetched after the page has rendered.
  const html = await (await page.request.get("/leaderboard?period=all")).text();
  expect(html).not.toContain(new URL(chunkUrl).pathname);
  // Only the chart types used are in it: option names only the bar and line charts know are there, those only
  // the pie, funnel, sankey and treemap charts know are not.
  for (const used of ["showBackground", "connectNulls"]) expect(chunk, used).toContain(used);
  for (const unused of ["roseType", "funnelAlign", "nodeAlign", "leafDepth"]) expect(chunk, unused).not.toContain(unused);

  // The admin home's charts come from the same chunk.
  const admin = await signedInPage(browser, "admin@example.com");
  const adminScripts = await scriptsOf(admin, "/admin", (p) => expect(p.getByTestId("chart-revenue").locator("[data-state]")).toHaveAttribute("data-state", "ready"));
  expect([...adminScripts.keys()]).toContain(chunkUrl);
});

test("the admin dashboard shows each role only the charts of the data it may see, over the range in the URL", async ({ browser }) => {
  // Three sign-ins (argon2 each) and three chart pages: more than the default 30 s on a busy 2-core machine.
  test.setTimeout(90_000);
  const orders = await signedInPage(browser, "order-admin@example.com");
  await orders.goto("/admin?from=2026-01-01&to=2026-01-31");
  await expect(orders.getByTestId("chart-revenue")).toBeVisible();
  await expect(orders.getByTestId("chart-orders")).toBeVisible();
  await expect(orders.getByTestId("chart-funnel")).toHaveCount(0);
  await expect(orders.getByTestId("chart-enrolments")).toHaveCount(0);
  await expect(orders.getByTestId("chart-top-courses")).toHaveCount(0);
  await expect(orders.getByLabel(zh.Dashboard.from)).toHaveValue("2026-01-01");
  // The figures are in a real table too: one row per day of the range.
  await expect(orders.getByTestId("chart-revenue").locator("tbody tr")).toHaveCount(31);

  const courses = await signedInPage(browser, "course-admin@example.com");
  await courses.goto("/admin");
  await expect(courses.getByTestId("chart-enrolments")).toBeVisible();
  await expect(courses.getByTestId("chart-top-courses")).toBeVisible();
  await expect(courses.getByTestId("chart-revenue")).toHaveCount(0);
  await expect(courses.getByTestId("chart-funnel")).toHaveCount(0);

  const marketing = await signedInPage(browser, "marketing-admin@example.com");
  await marketing.goto("/admin");
  await expect(marketing.getByTestId("chart-funnel")).toBeVisible();
  await expect(marketing.getByTestId("chart-revenue")).toHaveCount(0);
  await expect(marketing.getByTestId("chart-enrolments")).toHaveCount(0);
});
