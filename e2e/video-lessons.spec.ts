// Video lessons end to end, in Chromium against the production build and its worker: a course admin uploads a
// short clip (the first request is cut off and the upload resumes), watches it transcode to "ready" and
// publishes; an enrolled learner plays it, seeks, switches rendition, reloads and resumes at the same place,
// and the lesson is completed when the video ends; a learner who is not enrolled gets no player and 403 for
// the playlist and a segment, even with the enrolled learner's address once it has expired. Article lessons
// show their text.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import zh from "../lib/i18n/messages/zh-CN.json";
import { makeTestClip } from "../lib/media/ffmpeg";
import { mediaSigningKey, signMediaPath } from "../lib/media/signing";
import { createAccount, signIn } from "./support/auth";
import { query } from "./support/db";

const shots = path.join(".data", "test", "playwright-results", "video-lessons");

async function makeCourse(): Promise<{ courseId: number; slug: string; lessonId: number; articleId: number }> {
  const slug = `video-e2e-${randomUUID().slice(0, 8)}`;
  const [ids] = await query<{ categoryId: number; teacherId: number }>("SELECT (SELECT id FROM categories WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1) AS categoryId, (SELECT id FROM teachers ORDER BY id LIMIT 1) AS teacherId");
  await query(
    "INSERT INTO courses (slug, title, subtitle, description, price_fen, level, language, status, category_id, teacher_id, tags, created_at, updated_at) VALUES (?, ?, '', '<p>视频课测试</p>', 9900, 'beginner', 'zh-CN', 'draft', ?, ?, '[]', NOW(3), NOW(3))",
    [slug, `视频课 ${slug}`, ids!.categoryId, ids!.teacherId],
  );
  const [course] = await query<{ id: number }>("SELECT id FROM courses WHERE slug = ?", [slug]);
  await query("INSERT INTO chapters (course_id, title, position, created_at) VALUES (?, '第 1 章 视频', 1, NOW(3))", [course!.id]);
  const [chapter] = await query<{ id: number }>("SELECT id FROM chapters WHERE course_id = ?", [course!.id]);
  await query("INSERT INTO lessons (course_id, chapter_id, title, kind, is_free_preview, duration_seconds, position, created_at) VALUES (?, ?, '彩条与正弦波', 'video', 0, 600, 1, NOW(3)), (?, ?, '本章小结', 'article', 0, 300, 2, NOW(3))", [course!.id, chapter!.id, course!.id, chapter!.id]);
  const rows = await query<{ id: number; kind: string }>("SELECT id, kind FROM lessons WHERE course_id = ? ORDER BY position", [course!.id]);
  return { courseId: Number(course!.id), slug, lessonId: Number(rows.find((r) => r.kind === "video")!.id), articleId: Number(rows.find((r) => r.kind === "article")!.id) };
}

const videoState = (page: Page) =>
  page.getByTestId("lesson-video").evaluate((v: HTMLVideoElement) => ({ time: v.currentTime, duration: v.duration, paused: v.paused }));

test("a course admin uploads a video that an enrolled learner watches, resumes and completes; others get 403", async ({ browser }) => {
  test.setTimeout(180_000);
  fs.mkdirSync(shots, { recursive: true });
  const course = await makeCourse();
  const admin = await createAccount({ roles: ["course_admin"], label: "video-admin" });
  const learner = await createAccount({ label: "video-learner" });
  const outsider = await createAccount({ label: "video-outsider" });
  await query("INSERT INTO enrolments (user_id, course_id, source, created_at) VALUES (?, ?, 'grant', NOW(3))", [learner.id, course.courseId]);
  const clip = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "xuefu-e2e-")), "lecture.mp4");
  await makeTestClip(clip, { seconds: 12, width: 1280, height: 720 });
  const t = zh.LessonMedia;

  // The admin: upload, with the first request cut off on the way; the client asks the server where to go on.
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, admin.email);
  await adminPage.goto(`/admin/courses/${course.courseId}`);
  await adminPage.getByRole("link", { name: t.editContent.replace("{name}", "彩条与正弦波") }).click();
  await expect(adminPage.getByRole("heading", { name: t.videoHeading })).toBeVisible();
  let cut = 0;
  const heads: string[] = [];
  await adminPage.route("**/api/v1/admin/video-uploads/*", async (route) => {
    if (route.request().method() === "PATCH" && cut === 0) {
      cut += 1;
      return route.abort("connectionreset");
    }
    if (route.request().method() === "HEAD") heads.push(route.request().url());
    return route.continue();
  });
  await adminPage.getByTestId("video-file").setInputFiles(clip);
  await expect(adminPage.getByTestId("video-status")).toHaveAttribute("data-status", /uploaded|transcoding|ready/, { timeout: 30_000 });
  expect(cut).toBe(1);
  expect(heads.length).toBeGreaterThan(0);
  await expect(adminPage.getByTestId("video-status")).toHaveAttribute("data-status", "ready", { timeout: 90_000 });
  await expect(adminPage.getByTestId("video-current")).toContainText("360p / 720p");
  // Captions: a WebVTT track for this video, which learners get as a <track>.
  await adminPage.getByTestId("caption-file").setInputFiles({ name: "zh.vtt", mimeType: "text/vtt", buffer: Buffer.from("WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n第一课\n") });
  await adminPage.getByTestId("caption-upload").click();
  await expect(adminPage.getByTestId("captions-list")).toContainText("简体中文");
  await adminPage.screenshot({ path: path.join(shots, "editor-ready.png"), fullPage: true });
  const [asset] = await query<{ status: string; renditions: string; duration_seconds: number }>("SELECT status, renditions, duration_seconds FROM video_assets WHERE lesson_id = ? ORDER BY id DESC LIMIT 1", [course.lessonId]);
  expect(asset).toMatchObject({ status: "ready", duration_seconds: 12 });

  await adminPage.goto(`/admin/courses/${course.courseId}`);
  await adminPage.getByRole("button", { name: zh.CourseEditor.publish }).click();
  await expect(adminPage.locator("[role=status]", { hasText: zh.CourseEditor.messages.published })).toBeVisible();

  // The enrolled learner: play, seek, pick a rendition.
  const page = await (await browser.newContext()).newPage();
  await signIn(page, learner.email);
  const lessonPath = `/courses/${course.slug}/lessons/${course.lessonId}`;
  const masterResponse = page.waitForResponse((r) => r.url().includes("/master.m3u8"));
  await page.goto(lessonPath);
  const masterUrl = (await masterResponse).url();
  expect((await masterResponse).status()).toBe(200);
  const track = page.locator('[data-testid="lesson-video"] track[srclang="zh-CN"]');
  await expect(track).toHaveCount(1);
  const trackResponse = await page.request.get((await track.getAttribute("src"))!);
  expect(trackResponse.status()).toBe(200);
  expect(await trackResponse.text()).toContain("第一课");
  const video = page.getByTestId("lesson-video");
  // The renditions are listed once hls.js has read the playlist and given the <video> its media source.
  await expect(page.getByTestId("video-quality")).toBeEnabled();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect.poll(async () => (await videoState(page)).time, { timeout: 20_000 }).toBeGreaterThan(1);
  // The small test window starts on 360p (renditions are capped at the player's size); ask for 720p.
  const hd = page.waitForResponse((r) => /\/720\/seg_\d+\.ts$/.test(r.url()));
  await page.getByTestId("video-quality").selectOption({ label: "720p" });
  expect((await hd).status()).toBe(200);
  await expect(page.getByTestId("video-player")).toHaveAttribute("data-playing-height", "720", { timeout: 20_000 });
  await video.evaluate((v: HTMLVideoElement) => {
    v.pause();
    v.currentTime = 6.5;
  });
  await expect.poll(async () => Math.floor((await videoState(page)).time)).toBe(6);
  await page.screenshot({ path: path.join(shots, "learner-playing.png"), fullPage: true });

  // Leaving the page saves the position (the reporter flushes when the page is hidden, as on a reload or a
  // tab switch); the reload then starts there.
  const saved = page.waitForResponse((r) => r.url().includes(`/api/v1/me/progress/${course.lessonId}`) && r.request().method() === "PUT");
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  expect((await saved).status()).toBe(200);
  const [progress] = await query<{ position_seconds: number }>("SELECT position_seconds FROM lesson_progress WHERE user_id = ? AND lesson_id = ?", [learner.id, course.lessonId]);
  expect(progress!.position_seconds).toBe(6);
  await page.reload();
  await expect.poll(async () => (await videoState(page)).time, { timeout: 20_000 }).toBeGreaterThanOrEqual(5.5);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);

  // To the end: the lesson is completed.
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    v.currentTime = Math.max(0, v.duration - 1.5);
    return v.play();
  });
  await expect(page.getByTestId("lesson-progress")).toHaveAttribute("data-completed", "true", { timeout: 20_000 });
  const [done] = await query<{ completed_at: Date | null }>("SELECT completed_at FROM lesson_progress WHERE user_id = ? AND lesson_id = ?", [learner.id, course.lessonId]);
  expect(done!.completed_at).not.toBeNull();

  // Someone not enrolled: no player, and the enrolled learner's address once expired opens nothing.
  const other = await (await browser.newContext()).newPage();
  await signIn(other, outsider.email);
  await other.goto(lessonPath);
  await expect(other.getByTestId("unlock-panel")).toBeVisible();
  await expect(other.getByTestId("lesson-video")).toHaveCount(0);
  const [, , , folder] = new URL(masterUrl).pathname.split("/");
  const key = mediaSigningKey(process.env.AUTH_SECRET ?? "");
  const expired = signMediaPath(key, folder!, Math.floor(Date.now() / 1000) - 60);
  for (const file of ["master.m3u8", "720/index.m3u8", "720/seg_00000.ts"]) {
    const res = await other.request.get(expired.replace("master.m3u8", file));
    expect(res.status(), file).toBe(403);
  }
  const forged = new URL(masterUrl).pathname.replace(/\/media\/(\d+)-[^/]+\//, (_m, exp: string) => `/media/${exp}-${"A".repeat(43)}/`);
  expect((await other.request.get(forged)).status()).toBe(403);
  expect((await other.request.get(forged.replace("master.m3u8", "360/seg_00000.ts"))).status()).toBe(403);
});

test("an article lesson shows the text its author wrote in the lesson editor", async ({ browser }) => {
  test.setTimeout(60_000);
  const course = await makeCourse();
  const admin = await createAccount({ roles: ["course_admin"], label: "article-admin" });
  const learner = await createAccount({ label: "article-learner" });
  await query("INSERT INTO enrolments (user_id, course_id, source, created_at) VALUES (?, ?, 'grant', NOW(3))", [learner.id, course.courseId]);
  await query("UPDATE courses SET status = 'published', published_at = NOW(3) WHERE id = ?", [course.courseId]);

  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, admin.email);
  await adminPage.goto(`/admin/courses/${course.courseId}/lessons/${course.articleId}`);
  const editor = adminPage.getByRole("textbox", { name: zh.LessonMedia.textHeading });
  await editor.click();
  await adminPage.keyboard.type("回顾本章：彩条测试图由 ffmpeg 生成。");
  await adminPage.getByTestId("save-lesson-text").click();
  await expect(adminPage.locator("[role=status]", { hasText: zh.LessonMedia.textSaved })).toBeVisible();

  const page = await (await browser.newContext()).newPage();
  await signIn(page, learner.email);
  await page.goto(`/courses/${course.slug}/lessons/${course.articleId}`);
  await expect(page.getByTestId("lesson-text")).toContainText("回顾本章：彩条测试图由 ffmpeg 生成。");
});

test("every seeded lesson shows real content: a playing video or its text", async ({ page }) => {
  const [video] = await query<{ slug: string; id: number }>(
    "SELECT c.slug, l.id FROM lessons l JOIN courses c ON c.id = l.course_id WHERE c.status = 'published' AND l.kind = 'video' AND l.is_free_preview = 1 ORDER BY l.id LIMIT 1",
  );
  await page.goto(`/courses/${video!.slug}/lessons/${video!.id}`);
  await expect(page.getByTestId("lesson-video")).toBeVisible();
  await expect(page.getByTestId("lesson-text")).not.toBeEmpty();
  // Seeded lessons carry their course's (past) dates; lessons other tests create are made now.
  const [missing] = await query<{ n: number }>("SELECT COUNT(*) AS n FROM lessons WHERE created_at < NOW() - INTERVAL 1 HOUR AND (body IS NULL OR (kind = 'video' AND video_asset_id IS NULL))");
  expect(Number(missing!.n)).toBe(0);
});
