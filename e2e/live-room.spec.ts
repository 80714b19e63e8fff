// A live room served by two gateway instances, in Chromium. Learner A's browser reaches the suite's gateway
// (port 3110, the site's REALTIME_PUBLIC_URL); learner B's reaches a second gateway process started here, as
// a load balancer would send it: the test routes B's sockets to the second instance while it is up, and to
// the first once it is gone. They see each other's chat, the moderator's announcement, and a deletion; then
// the second gateway is killed and B comes back on the first, catching up on the line it missed.
import { randomUUID } from "node:crypto";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import WebSocket from "ws";
import { startGatewayProcess, type Child } from "../scripts/local/children";
import zh from "../lib/i18n/messages/zh-CN.json";
import { createAccount, signIn } from "./support/auth";
import { query } from "./support/db";

const SECOND_GATEWAY_PORT = Number(process.env.XUEFU_E2E_GATEWAY2_PORT ?? 3111);
const APP_ORIGIN = new URL(process.env.E2E_BASE_URL ?? "http://localhost:3100").origin;

async function makeLiveLesson(opts: { scheduled?: boolean } = {}): Promise<number> {
  const run = randomUUID().slice(0, 8);
  const [teacher] = await query<{ id: number }>("SELECT id FROM teachers ORDER BY id LIMIT 1");
  const [category] = await query<{ id: number }>("SELECT id FROM categories WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1");
  await query(
    "INSERT INTO courses (slug, title, description, price_fen, level, language, status, category_id, teacher_id, tags, published_at, created_at, updated_at) VALUES (?, ?, '<p>live</p>', 9900, 'beginner', 'zh-CN', 'published', ?, ?, '[]', '2000-01-01', NOW(3), NOW(3))",
    [`live-e2e-${run}`, `直播测试课 ${run}`, category!.id, teacher!.id],
  );
  const [course] = await query<{ id: number }>("SELECT id FROM courses WHERE slug = ?", [`live-e2e-${run}`]);
  await query("INSERT INTO chapters (course_id, title, position, created_at) VALUES (?, '直播', 1, NOW(3))", [course!.id]);
  await query("INSERT INTO lessons (course_id, chapter_id, title, kind, position, duration_seconds, created_at) SELECT ?, id, '二叉树直播答疑', 'live', 1, 3600, NOW(3) FROM chapters WHERE course_id = ?", [course!.id, course!.id]);
  const [lesson] = await query<{ id: number }>("SELECT id FROM lessons WHERE course_id = ?", [course!.id]);
  if (opts.scheduled ?? true) {
    await query(
      "INSERT INTO live_sessions (lesson_id, teacher_id, starts_at, planned_minutes, stream_url, status, created_at, updated_at) VALUES (?, ?, NOW(3) - INTERVAL 5 MINUTE, 60, 'media:demo-bars-v1', 'live', NOW(3), NOW(3))",
      [lesson!.id, teacher!.id],
    );
  }
  return lesson!.id;
}

async function enrolledLearner(label: string, lessonId: number) {
  const account = await createAccount({ label, name: `${label}-${randomUUID().slice(0, 4)}` });
  await query("INSERT INTO enrolments (user_id, course_id, source, created_at) SELECT ?, course_id, 'grant', NOW(3) FROM lessons WHERE id = ?", [account.id, lessonId]);
  return account;
}

/**
 * Sends the context's sockets to the second gateway while `route.to` is "second" (as a load balancer would),
 * refuses them while it is "none" (no healthy upstream yet), and lets them through to the site's own gateway
 * when it is "first".
 */
async function balance(context: BrowserContext): Promise<{ to: "second" | "none" | "first"; reached: string[] }> {
  const state = { to: "second" as "second" | "none" | "first", reached: [] as string[] };
  await context.routeWebSocket(/\/ws(\?|$)/, async (route) => {
    if (state.to === "first") {
      state.reached.push("first");
      route.connectToServer();
      return;
    }
    if (state.to === "none") return void route.close({ code: 1012, reason: "no upstream" }).catch(() => undefined);
    state.reached.push("second");
    const cookies = (await context.cookies(APP_ORIGIN)).map((c) => `${c.name}=${c.value}`).join("; ");
    const target = new URL(route.url());
    const upstream = new WebSocket(`ws://127.0.0.1:${SECOND_GATEWAY_PORT}${target.pathname}${target.search}`, { headers: { origin: APP_ORIGIN, cookie: cookies } });
    const queued: string[] = [];
    route.onMessage((message) => (upstream.readyState === WebSocket.OPEN ? upstream.send(String(message)) : queued.push(String(message))));
    route.onClose(() => upstream.close());
    upstream.on("open", () => queued.splice(0).forEach((m) => upstream.send(m)));
    upstream.on("message", (data) => route.send(String(data)));
    upstream.on("error", () => undefined);
    // The instance died (1006) or closed the socket: the browser sees a restart and reconnects.
    upstream.on("close", (code) => void route.close({ code: code === 1006 || code === 1005 ? 1012 : code, reason: "upstream closed" }).catch(() => undefined));
  });
  return state;
}

const lines = (page: Page) => page.getByTestId("chat-line");

async function say(page: Page, text: string): Promise<void> {
  await page.getByTestId("chat-input").fill(text);
  await page.getByTestId("chat-send").click();
  await expect(page.getByTestId("chat-input")).toHaveValue("");
}

test("two learners on two gateway instances share a live room; moderation and a gateway crash", async ({ browser }) => {
  test.setTimeout(180_000);
  const lessonId = await makeLiveLesson();
  const a = await enrolledLearner("live-a", lessonId);
  const b = await enrolledLearner("live-b", lessonId);
  const moderator = await createAccount({ label: "live-mod", roles: ["course_admin"] });

  let second: Child | undefined = startGatewayProcess({ ...process.env, NODE_ENV: "production", REALTIME_PORT: String(SECOND_GATEWAY_PORT) } as NodeJS.ProcessEnv, { quiet: true });
  try {
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${SECOND_GATEWAY_PORT}/health`).catch(() => null))?.ok ?? false, { timeout: 30_000 }).toBe(true);

    const contextA = await browser.newContext();
    const pageA = await contextA.newPage();
    await signIn(pageA, a.email, `/live/${lessonId}`);
    const contextB = await browser.newContext();
    const routeB = await balance(contextB);
    const pageB = await contextB.newPage();
    await signIn(pageB, b.email, `/live/${lessonId}`);

    for (const page of [pageA, pageB]) await expect(page.getByTestId("live-room")).toHaveAttribute("data-connection", "open");
    expect(routeB.reached).toContain("second");
    // Presence is counted in Redis across both instances: each page sees both learners.
    for (const page of [pageA, pageB]) await expect(page.getByTestId("presence")).toHaveAttribute("data-count", "2", { timeout: 20_000 });

    // Chat crosses instances; HTML typed into it is shown as text.
    await say(pageA, "A 在 3110 上，大家好");
    await expect(lines(pageB).filter({ hasText: "A 在 3110 上，大家好" })).toHaveCount(1);
    await say(pageB, "<b>B</b> 在另一个网关上");
    await expect(lines(pageA).filter({ hasText: "<b>B</b> 在另一个网关上" })).toHaveCount(1);
    await expect(lines(pageA).locator("b")).toHaveCount(0);

    // The moderator (on the first instance) pins an announcement and deletes A's line: both learners see it.
    const contextM = await browser.newContext();
    const pageM = await contextM.newPage();
    await signIn(pageM, moderator.email, `/live/${lessonId}`);
    await expect(pageM.getByTestId("live-room")).toHaveAttribute("data-connection", "open");
    await pageM.getByTestId("announce-input").fill("课后作业：第 3 章习题");
    await pageM.getByTestId("announce-send").click();
    for (const page of [pageA, pageB]) await expect(page.getByTestId("announcement").filter({ hasText: "课后作业：第 3 章习题" })).toHaveCount(1);
    // Learners have no moderator tools.
    await expect(pageA.getByTestId("delete-line")).toHaveCount(0);
    await lines(pageM).filter({ hasText: "A 在 3110 上，大家好" }).getByTestId("delete-line").click();
    for (const page of [pageA, pageB, pageM]) await expect(lines(page).filter({ hasText: "A 在 3110 上，大家好" })).toHaveCount(0);
    await pageA.screenshot({ path: test.info().outputPath("live-room-a.png") });

    // The second gateway dies. B's page says it is reconnecting; meanwhile A writes a line B is not there for.
    routeB.to = "none";
    second.process.kill("SIGKILL");
    await second.exited;
    second = undefined;
    await expect(pageB.getByTestId("live-room")).toHaveAttribute("data-connection", "reconnecting", { timeout: 15_000 });
    await say(pageA, "B 掉线时发的这一条");
    await lines(pageM).filter({ hasText: "<b>B</b> 在另一个网关上" }).getByTestId("delete-line").click();
    await expect(lines(pageA).filter({ hasText: "<b>B</b> 在另一个网关上" })).toHaveCount(0);

    // The balancer finds the first instance; B reconnects there and catches up on what it missed.
    routeB.to = "first";
    // Only a real connection delivers the missed line (the refused attempts above open and close at once).
    await expect(lines(pageB).filter({ hasText: "B 掉线时发的这一条" })).toHaveCount(1, { timeout: 40_000 });
    await expect(pageB.getByTestId("live-room")).toHaveAttribute("data-connection", "open");
    expect(routeB.reached.at(-1)).toBe("first");
    await expect(lines(pageB).filter({ hasText: "<b>B</b> 在另一个网关上" })).toHaveCount(0);
    await say(pageB, "B 回来了");
    await expect(lines(pageA).filter({ hasText: "B 回来了" })).toHaveCount(1);
    await pageB.screenshot({ path: test.info().outputPath("live-room-b.png") });
  } finally {
    if (second) second.process.kill("SIGKILL");
  }
});

test("a learner who is not enrolled gets the 403 page, and the chat endpoint refuses them", async ({ browser, request }) => {
  const lessonId = await makeLiveLesson();
  const outsider = await createAccount({ label: "live-out" });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, outsider.email);
  const response = await page.goto(`/live/${lessonId}`);
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("live-room")).toHaveCount(0);
  const post = await page.request.post(`/api/v1/live/${lessonId}/messages`, { data: { body: "让我进去" }, headers: { origin: APP_ORIGIN } });
  expect(post.status()).toBe(403);
  // Nobody signed in: the chat endpoint answers 401.
  expect((await request.post(`/api/v1/live/${lessonId}/messages`, { data: { body: "hi" } })).status()).toBe(401);
});

test("the room writes its start time the same on the server and in a Chinese browser, so it hydrates cleanly", async ({ browser }) => {
  test.slow(); // a sign-in and the room's socket on a production server shared by two workers
  const lessonId = await makeLiveLesson();
  const learner = await enrolledLearner("live-zh", lessonId);
  const page = await (await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" })).newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
  await signIn(page, learner.email);
  await page.goto(`/live/${lessonId}`);
  await expect(page.getByTestId("live-connection")).toHaveAttribute("data-state", "open");
  // The site's zoned format, in the site's language: "2026年12月7日 GMT+8 09:05", never the browser's own default.
  await expect(page.getByTestId("live-room")).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 GMT\+8 \d{2}:\d{2}/);
  expect(errors.filter((e) => /hydrat/i.test(e))).toEqual([]);
});

test("an admin schedules a live class in the lesson editor; its learner is reminded, then sees it cancelled", async ({ browser }) => {
  test.setTimeout(150_000);
  const lessonId = await makeLiveLesson({ scheduled: false });
  const [where] = await query<{ courseId: number; slug: string }>("SELECT c.id AS courseId, c.slug FROM lessons l JOIN courses c ON c.id = l.course_id WHERE l.id = ?", [lessonId]);
  const learner = await enrolledLearner("live-remind", lessonId);
  const admin = await createAccount({ label: "live-admin", roles: ["course_admin"] });

  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, admin.email, `/admin/courses/${where!.courseId}/lessons/${lessonId}`);
  const panel = adminPage.getByTestId("live-schedule");
  await expect(panel).toBeVisible();
  // Ten minutes from now in the browser's own time zone, as <input type="datetime-local"> takes it.
  const startsAt = await adminPage.evaluate(() => {
    const d = new Date(Date.now() + 10 * 60_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  });
  await panel.getByLabel(zh.Live.admin.startsAt).fill(startsAt);
  await panel.getByLabel(zh.Live.admin.plannedMinutes).fill("45");
  // An address that is not the provider's HLS over https is refused, and says why.
  await panel.getByLabel(zh.Live.admin.streamUrl).fill("javascript:alert(1)");
  await adminPage.getByTestId("save-live").click();
  await expect(panel.getByText(zh.Live.admin.field_bad_url)).toBeVisible();
  await panel.getByLabel(zh.Live.admin.streamUrl).fill("media:demo-bars-v1");
  await adminPage.getByTestId("save-live").click();
  await expect(panel.getByRole("status")).toHaveText(zh.Live.admin.saved);
  await expect(adminPage.getByTestId("live-admin-status")).toHaveAttribute("data-status", "scheduled");
  const audits = await query<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE target_type = 'lesson' AND target_id = ? AND action = 'ACTION lessons.scheduleLive'", [String(lessonId)]);
  expect(Number(audits[0]!.n)).toBe(1);

  // The learner's lesson page leads to the room, which counts down.
  const page = await (await browser.newContext()).newPage();
  await signIn(page, learner.email, `/courses/${where!.slug}/lessons/${lessonId}`);
  await page.getByTestId("enter-live-room").click();
  await page.waitForURL(`**/live/${lessonId}`);
  await expect(page.getByTestId("live-countdown")).toContainText(/\d{2}:\d{2}/);

  // The worker's minute job tells the learner the class starts within 15 minutes: once.
  await expect.poll(async () => Number((await query<{ n: number }>("SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND kind = 'live.starting'", [learner.id]))[0]!.n), { timeout: 90_000, intervals: [2_000] }).toBe(1);
  await page.goto("/account/notifications");
  await expect(page.getByTestId("notification").first()).toContainText("二叉树直播答疑");

  // Cancelled: the room says so, with no chat box, without a reload of its own.
  await page.goto(`/live/${lessonId}`);
  await expect(page.getByTestId("live-room")).toHaveAttribute("data-connection", "open");
  adminPage.once("dialog", (dialog) => void dialog.accept());
  await adminPage.getByTestId("cancel-live").click();
  await expect(adminPage.getByTestId("live-admin-status")).toHaveAttribute("data-status", "cancelled");
  await expect(page.getByTestId("live-room")).toHaveAttribute("data-status", "cancelled", { timeout: 15_000 });
  await expect(page.getByTestId("chat-input")).toHaveCount(0);
});
