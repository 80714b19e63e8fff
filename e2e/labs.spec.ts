// Hands-on labs in Chromium, against the production build, the gateway and the test profile's lab host: an
// enrolled learner opens the lab, types into the terminal and sees the output, creates a file, passes "check my
// work", reloads and finds the same session; another enrolled learner's lab does not have that file; a
// learner who is not enrolled gets no terminal.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import zh from "../lib/i18n/messages/zh-CN.json";
import { createAccount, signIn } from "./support/auth";
import { query } from "./support/db";

const t = zh.Labs;

async function makeLabCourse(): Promise<{ courseId: number; slug: string; lessonId: number }> {
  const slug = `lab-e2e-${randomUUID().slice(0, 8)}`;
  const [ids] = await query<{ categoryId: number; teacherId: number }>("SELECT (SELECT id FROM categories WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1) AS categoryId, (SELECT id FROM teachers ORDER BY id LIMIT 1) AS teacherId");
  await query(
    "INSERT INTO courses (slug, title, subtitle, description, price_fen, level, language, status, category_id, teacher_id, tags, published_at, created_at, updated_at) VALUES (?, ?, '', '<p>实验课测试</p>', 9900, 'beginner', 'zh-CN', 'published', ?, ?, '[]', NOW(3), NOW(3), NOW(3))",
    [slug, `实验课 ${slug}`, ids!.categoryId, ids!.teacherId],
  );
  const [course] = await query<{ id: number }>("SELECT id FROM courses WHERE slug = ?", [slug]);
  await query("INSERT INTO chapters (course_id, title, position, created_at) VALUES (?, '第 1 章 实验', 1, NOW(3))", [course!.id]);
  const [chapter] = await query<{ id: number }>("SELECT id FROM chapters WHERE course_id = ?", [course!.id]);
  await query("INSERT INTO lessons (course_id, chapter_id, title, kind, is_free_preview, duration_seconds, position, created_at) VALUES (?, ?, '命令行入门', 'lab', 0, 900, 1, NOW(3))", [course!.id, chapter!.id]);
  const [lesson] = await query<{ id: number }>("SELECT id FROM lessons WHERE course_id = ?", [course!.id]);
  await query(
    "INSERT INTO lab_definitions (lesson_id, title, instructions, setup_script, check_command, updated_at) VALUES (?, '创建一个文件', '<p>创建 <code>done.txt</code>，然后点击检查。</p>', 'echo welcome > readme.txt', 'test -f done.txt', NOW(3))",
    [lesson!.id],
  );
  return { courseId: Number(course!.id), slug, lessonId: Number(lesson!.id) };
}

const screen = (page: Page) => page.getByTestId("lab-terminal").locator(".xterm-rows");

async function typeInTerminal(page: Page, text: string): Promise<void> {
  await page.getByTestId("lab-terminal").click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

test("an enrolled learner works in the lab, passes the check, reloads into the same session; others see none of it", async ({ browser }) => {
  test.setTimeout(90_000);
  const course = await makeLabCourse();
  const learner = await createAccount({ label: "lab-learner" });
  const other = await createAccount({ label: "lab-other" });
  const outsider = await createAccount({ label: "lab-outsider" });
  for (const who of [learner, other]) await query("INSERT INTO enrolments (user_id, course_id, source, created_at) VALUES (?, ?, 'grant', NOW(3))", [who.id, course.courseId]);
  const lessonPath = `/courses/${course.slug}/lessons/${course.lessonId}`;

  const page = await (await browser.newContext()).newPage();
  await signIn(page, learner.email);
  await page.goto(lessonPath);
  await expect(page.getByTestId("lab-instructions")).toContainText("done.txt");
  await expect(page.getByTestId("lab-status")).toHaveText(t.connected, { timeout: 20_000 });
  await typeInTerminal(page, "echo hello && ls");
  await expect(screen(page)).toContainText("hello");
  await expect(screen(page)).toContainText("readme.txt");

  await page.getByTestId("lab-check").click();
  await expect(page.getByTestId("lab-check-result")).toHaveAttribute("data-result", "failed");
  await expect(page.getByTestId("lab-check-result")).toContainText(t.checkFailed);
  await typeInTerminal(page, "echo 'my work' > done.txt && echo saved-$((40+2))");
  await expect(screen(page)).toContainText("saved-42");
  await page.getByTestId("lab-check").click();
  await expect(page.getByTestId("lab-check-result")).toHaveAttribute("data-result", "passed");
  await expect(page.getByTestId("lab-check-result")).toContainText(t.checkPassed);

  // A reload comes back to the same shell: the file is there and the shell's own variable too (printed in
  // capitals, so the replayed typing cannot pass for the answer).
  await typeInTerminal(page, "MARK=same-shell");
  await page.reload();
  await expect(page.getByTestId("lab-status")).toHaveText(t.connected, { timeout: 20_000 });
  await typeInTerminal(page, "tr a-z A-Z < done.txt; echo $MARK | tr a-z A-Z");
  await expect(screen(page)).toContainText("MY WORK");
  await expect(screen(page)).toContainText("SAME-SHELL");

  // Another enrolled learner gets a lab of their own, without that file.
  const second = await (await browser.newContext()).newPage();
  await signIn(second, other.email);
  await second.goto(lessonPath);
  await expect(second.getByTestId("lab-status")).toHaveText(t.connected, { timeout: 20_000 });
  await typeInTerminal(second, "ls -a; cat done.txt 2>&1 | head -1; echo listed");
  await expect(screen(second)).toContainText("listed");
  await expect(screen(second)).toContainText("No such file");
  await expect(screen(second)).not.toContainText("my work");

  // Not enrolled: the lesson is locked, no terminal.
  const third = await (await browser.newContext()).newPage();
  await signIn(third, outsider.email);
  await third.goto(lessonPath);
  await expect(third.getByTestId("lesson-page")).toHaveAttribute("data-access", "locked");
  await expect(third.getByTestId("lab-terminal")).toHaveCount(0);

  // Typing `exit` ends the session plainly.
  await typeInTerminal(page, "exit");
  await expect(page.getByTestId("lab-status")).toContainText(t.ended);
  await expect(page.getByTestId("lab-restart")).toBeVisible();
  await typeInTerminal(second, "exit");
  await expect(second.getByTestId("lab-status")).toContainText(t.ended);
});

test("a course admin edits a lab's check, sees the learner's live lab and ends it", async ({ browser }) => {
  test.setTimeout(90_000);
  const course = await makeLabCourse();
  const admin = await createAccount({ roles: ["course_admin"], label: "lab-admin" });
  const learner = await createAccount({ label: "lab-live", name: `实验学员${randomUUID().slice(0, 4)}` });
  await query("INSERT INTO enrolments (user_id, course_id, source, created_at) VALUES (?, ?, 'grant', NOW(3))", [learner.id, course.courseId]);
  const ta = zh.Labs.admin;

  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, admin.email);
  await adminPage.goto(`/admin/courses/${course.courseId}/lessons/${course.lessonId}`);
  const form = adminPage.getByTestId("lab-form");
  await expect(form.getByLabel(ta.title)).toHaveValue("创建一个文件");
  await form.getByLabel(ta.checkCommand).fill("test -f finished.txt");
  await form.getByLabel(ta.memoryMb).fill("128");
  await adminPage.getByTestId("lab-save").click();
  await expect(adminPage.getByTestId("lab-form-message")).toHaveText(ta.saved);
  const [saved] = await query<{ check_command: string; memory_mb: number }>("SELECT check_command, memory_mb FROM lab_definitions WHERE lesson_id = ?", [course.lessonId]);
  expect(saved).toMatchObject({ check_command: "test -f finished.txt", memory_mb: 128 });
  // Out-of-bounds limits are refused.
  await form.getByLabel(ta.processes).fill("100000");
  await adminPage.getByTestId("lab-save").click();
  await expect(adminPage.getByTestId("lab-form-message")).toHaveText(ta.invalid);

  const page = await (await browser.newContext()).newPage();
  await signIn(page, learner.email);
  await page.goto(`/courses/${course.slug}/lessons/${course.lessonId}`);
  await expect(page.getByTestId("lab-status")).toHaveText(t.connected, { timeout: 20_000 });
  await typeInTerminal(page, "touch finished.txt");
  await page.getByTestId("lab-check").click();
  await expect(page.getByTestId("lab-check-result")).toHaveAttribute("data-result", "passed");

  await adminPage.goto("/admin/labs");
  const row = adminPage.getByTestId("live-lab").filter({ hasText: learner.name });
  await expect(row).toContainText("命令行入门");
  await row.getByTestId("end-lab").click();
  await expect(page.getByTestId("lab-status")).toContainText(t.endReasons.ended_by_admin, { timeout: 10_000 });
  // The gateway records the end just after telling the browser.
  await expect
    .poll(async () => {
      const audit = await query<{ action: string }>("SELECT action FROM audit_log WHERE action IN ('ACTION labs.end', 'LAB end', 'ACTION labs.save') AND (actor_id = ? OR actor_id = ?)", [admin.id, learner.id]);
      return [...new Set(audit.map((a) => a.action))].sort();
    })
    .toEqual(["ACTION labs.end", "ACTION labs.save", "LAB end"]);
});
