// Reviews, lesson Q&A and moderation end to end, in Chromium against the production build: a learner who
// finished a course rates it and the course page (also the cached one visitors get, with its schema.org
// data) and the catalogue's rating sort change; another learner marks the review helpful; the teacher
// replies. A review with a listed word is held until a moderator approves it. A lesson question gets an
// accepted answer. Every test makes its own course and accounts.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import zh from "../lib/i18n/messages/zh-CN.json";
import { createAccount, signIn } from "./support/auth";
import { query } from "./support/db";

const t = zh.Reviews;
const tq = zh.LessonQA;
const tm = zh.AdminModeration;

interface Course {
  id: number;
  slug: string;
  title: string;
  lessonIds: number[];
  teacher: { id: number; email: string; name: string };
}

async function makeCourse(): Promise<Course> {
  const slug = `reviews-e2e-${randomUUID().slice(0, 8)}`;
  const title = `评价测试课 ${slug}`;
  const teacherName = `周讲师${slug.slice(-4)}`;
  const teacher = await createAccount({ label: "reviews-teacher", name: teacherName });
  await query("INSERT INTO teachers (slug, name, title, bio, user_id, created_at) VALUES (?, ?, '', '', ?, NOW(3))", [slug, teacherName, teacher.id]);
  const [ids] = await query<{ categoryId: number; teacherId: number }>("SELECT (SELECT id FROM categories WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1) AS categoryId, (SELECT id FROM teachers WHERE slug = ?) AS teacherId", [slug]);
  await query(
    "INSERT INTO courses (slug, title, subtitle, description, price_fen, level, language, status, category_id, teacher_id, tags, published_at, created_at, updated_at) VALUES (?, ?, '', '<p>评价测试</p>', 9900, 'beginner', 'zh-CN', 'published', ?, ?, '[]', NOW(3), NOW(3), NOW(3))",
    [slug, title, ids!.categoryId, ids!.teacherId],
  );
  const [course] = await query<{ id: number }>("SELECT id FROM courses WHERE slug = ?", [slug]);
  await query("INSERT INTO chapters (course_id, title, position, created_at) VALUES (?, '第 1 章', 1, NOW(3))", [course!.id]);
  const [chapter] = await query<{ id: number }>("SELECT id FROM chapters WHERE course_id = ?", [course!.id]);
  await query("INSERT INTO lessons (course_id, chapter_id, title, kind, is_free_preview, duration_seconds, position, body, created_at) VALUES (?, ?, '二分查找', 'article', 0, 300, 1, '<p>正文</p>', NOW(3)), (?, ?, '小结', 'article', 0, 300, 2, '<p>小结</p>', NOW(3))", [course!.id, chapter!.id, course!.id, chapter!.id]);
  const lessons = await query<{ id: number }>("SELECT id FROM lessons WHERE course_id = ? ORDER BY position", [course!.id]);
  return { id: Number(course!.id), slug, title, lessonIds: lessons.map((l) => Number(l.id)), teacher };
}

/** A learner enrolled in the course, optionally having completed every lesson. */
async function learner(course: Course, opts: { finished?: boolean; label: string }) {
  const account = await createAccount({ label: opts.label });
  await query("INSERT INTO enrolments (user_id, course_id, source, created_at) VALUES (?, ?, 'grant', NOW(3))", [account.id, course.id]);
  if (opts.finished) {
    for (const lessonId of course.lessonIds) {
      await query("INSERT INTO lesson_progress (user_id, lesson_id, course_id, percent, completed_at, created_at, updated_at) VALUES (?, ?, ?, 100, NOW(3), NOW(3), NOW(3))", [account.id, lessonId, course.id]);
    }
  }
  return account;
}

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** Where the course stands in the catalogue's rating sort: its index, and how many rated courses there are. */
async function ratingPosition(page: Page, courseId: number): Promise<{ index: number; rated: number }> {
  const all: Array<{ id: number; rating: number | null }> = [];
  for (let p = 1; p <= 3; p++) {
    const res = await page.request.get(`/api/v1/courses?sortby=rating&per_page=100&page=${p}`);
    const body = (await res.json()) as { data: Array<{ id: number; rating: number | null }> };
    all.push(...body.data);
    if (body.data.length < 100) break;
  }
  return { index: all.findIndex((c) => c.id === courseId), rated: all.filter((c) => c.rating !== null).length };
}

test("a learner who finished the course rates it; the page and the rating sort change; another marks it helpful; the teacher replies", async ({ browser }) => {
  test.setTimeout(180_000); // three people sign in; the video and lab specs share the two cores meanwhile
  const course = await makeCourse();
  const author = await learner(course, { finished: true, label: "reviews-author" });
  const reader = await learner(course, { label: "reviews-reader" });
  const coursePath = `/courses/${course.slug}`;

  const authorPage = await pageAs(browser, author.email);
  const before = await ratingPosition(authorPage, course.id);
  expect(before.index === -1 || before.index >= before.rated).toBe(true);

  await authorPage.goto(coursePath);
  await expect(authorPage.getByTestId("reviews-empty")).toHaveText(t.empty);
  const form = authorPage.getByTestId("review-form");
  await form.getByLabel(t.starsLabel.replace("{stars}", "5")).check();
  await form.getByLabel(t.bodyField).fill("例子贴近实际，<b>推荐</b>！");
  await form.getByTestId("review-submit").click();
  await expect(authorPage.getByTestId("review-form-status").first()).toHaveText(t.messages.created);
  await authorPage.reload();
  await expect(authorPage.getByTestId("rating-count")).toHaveText("1 条评价");
  // One 5-star review is damped: (10 × 4 + 5) / 11 = 4.1, not 5.0.
  await expect(authorPage.getByTestId("rating-score")).toHaveText("4.1");
  await expect(authorPage.getByTestId("rating-bar-5")).toHaveAttribute("data-count", "1");
  const review = authorPage.getByTestId("review").first();
  await expect(review).toContainText("例子贴近实际，<b>推荐</b>！");
  // The author cannot mark their own review helpful.
  await expect(review.getByTestId("review-helpful")).toHaveCount(0);

  // A visitor's page (the full-page cache's) shows it too, with the rating in the schema.org data.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(coursePath);
  await expect(visitor.getByTestId("course-rating")).toContainText("4.1");
  const ld = JSON.parse((await visitor.locator('script[type="application/ld+json"]').first().textContent()) ?? "{}") as { aggregateRating?: { ratingValue: number; ratingCount: number } };
  expect(ld.aggregateRating).toMatchObject({ ratingValue: 4.1, ratingCount: 1 });

  // The catalogue's rating sort: now among the rated courses, but not on top with its single review.
  await expect.poll(async () => (await ratingPosition(visitor, course.id)).index, { timeout: 15_000 }).toBeGreaterThan(0);
  const after = await ratingPosition(visitor, course.id);
  expect(after.index).toBeLessThan(after.rated);

  // Another learner finds it helpful.
  const readerPage = await pageAs(browser, reader.email);
  await readerPage.goto(coursePath);
  const seen = readerPage.getByTestId("review").first();
  await seen.getByTestId("review-helpful").click();
  await expect(seen.getByTestId("review-helpful-count")).toHaveText("1 人觉得有帮助");
  await expect(seen.getByTestId("review-helpful")).toHaveAttribute("aria-pressed", "true");

  // The teacher replies in public.
  const teacherPage = await pageAs(browser, course.teacher.email);
  await teacherPage.goto(coursePath);
  await teacherPage.getByTestId("review-reply-body").fill("谢谢！下一版会加更多练习。");
  await teacherPage.getByTestId("review-reply-submit").click();
  await expect(teacherPage.getByTestId("review-reply")).toContainText("谢谢！下一版会加更多练习。");
  await readerPage.reload();
  await expect(readerPage.getByTestId("review-reply")).toContainText(t.teacherReply.replace("{name}", course.teacher.name));
});

test("a review with a listed word is held until a moderator approves it", async ({ browser }) => {
  test.setTimeout(180_000); // two or three sign-ins while the video spec transcodes on the same two cores
  const course = await makeCourse();
  const author = await learner(course, { finished: true, label: "reviews-held" });
  const moderator = await createAccount({ roles: ["content_moderator"], label: "reviews-moderator" });
  const text = `资料请加微信 ${randomUUID().slice(0, 6)} 领取`;

  const authorPage = await pageAs(browser, author.email);
  await authorPage.goto(`/courses/${course.slug}`);
  const form = authorPage.getByTestId("review-form");
  await form.getByLabel(t.starsLabel.replace("{stars}", "4")).check();
  await form.getByLabel(t.bodyField).fill(text);
  await form.getByTestId("review-submit").click();
  await expect(authorPage.getByTestId("review-form-status").first()).toHaveText(t.messages.createdHeld);
  await authorPage.reload();
  await expect(authorPage.getByTestId("own-review")).toHaveAttribute("data-status", "held");
  await expect(authorPage.getByTestId("reviews-empty")).toBeVisible();

  const modPage = await pageAs(browser, moderator.email);
  await modPage.goto("/admin/moderation");
  const item = modPage.getByTestId("moderation-item").filter({ hasText: text });
  await expect(item).toContainText(tm.matched.replace("{words}", "加微信"));
  await item.getByTestId("moderation-approve").click();
  // Approved: it leaves the queue.
  await expect(modPage.getByTestId("moderation-item").filter({ hasText: text })).toHaveCount(0);
  await modPage.reload();
  await expect(modPage.getByTestId("moderation-item").filter({ hasText: text })).toHaveCount(0);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/courses/${course.slug}`);
  await expect(visitor.getByTestId("review").filter({ hasText: text })).toBeVisible();
  await expect(visitor.getByTestId("rating-count")).toHaveText("1 条评价");
  const [audit] = await query<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'ACTION moderation.decide' AND actor_id = ?", [moderator.id]);
  expect(Number(audit!.n)).toBe(1);
});

test("a question under a lesson gets the teacher's answer, which the asker accepts", async ({ browser }) => {
  test.setTimeout(180_000); // two or three sign-ins while the video spec transcodes on the same two cores
  const course = await makeCourse();
  const asker = await learner(course, { label: "qa-asker" });
  const lessonPath = `/courses/${course.slug}/lessons/${course.lessonIds[0]}`;
  const question = `为什么二分查找要求数组有序？${randomUUID().slice(0, 4)}`;

  const askerPage = await pageAs(browser, asker.email);
  await askerPage.goto(lessonPath);
  await expect(askerPage.getByTestId("qa-empty")).toHaveText(tq.empty);
  await askerPage.getByTestId("qa-ask-body").fill(question);
  await askerPage.getByTestId("qa-ask-submit").click();
  await expect(askerPage.getByTestId("qa-ask-status")).toHaveText(tq.messages.posted);

  const teacherPage = await pageAs(browser, course.teacher.email);
  await teacherPage.goto(lessonPath);
  const thread = teacherPage.getByTestId("qa-question").filter({ hasText: question });
  await thread.getByTestId("qa-answer-body").fill(`@${asker.name} 因为每一步都要根据中间值舍弃一半。`);
  await thread.getByTestId("qa-answer-submit").click();
  await expect(thread.getByTestId("qa-answer")).toHaveAttribute("data-staff", "true");

  await askerPage.reload();
  const mine = askerPage.getByTestId("qa-question").filter({ hasText: question });
  await expect(mine.getByTestId("qa-answer")).toContainText(tq.teacher);
  await mine.getByTestId("qa-accept").click();
  await expect(mine.getByTestId("qa-answer")).toHaveAttribute("data-accepted", "true");
  await expect(mine.getByTestId("qa-answer")).toContainText(tq.accepted);
  const kinds = await query<{ kind: string }>("SELECT kind FROM notifications WHERE user_id = ? ORDER BY id", [asker.id]);
  expect(kinds.map((k) => k.kind)).toEqual(["qa.answered"]);
});
