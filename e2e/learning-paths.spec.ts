// Learning paths and follows in Chromium: a course admin composes and publishes a path in /admin/paths; a
// learner opens it, follows it and one of its courses, finds both on their account's "Following" list and
// unfollows one; the learner turns a notification kind's email off and on in their settings.
import { expect, test } from "@playwright/test";
import zh from "../lib/i18n/messages/zh-CN.json";
import { createAccount, signedInPage } from "./support/auth";
import { query } from "./support/db";

test("an admin publishes a path; a learner follows it and a course, and sees them on their account", async ({ browser }) => {
  test.setTimeout(120_000);
  const courses = await query<{ slug: string; title: string }>("SELECT slug, title FROM courses WHERE status = 'published' ORDER BY id LIMIT 2");
  const admin = await createAccount({ roles: ["course_admin"], label: "paths-admin" });
  const slug = `e2e-path-${Date.now()}`;

  const adminPage = await signedInPage(browser, admin.email);
  await adminPage.goto("/admin/paths/new");
  await adminPage.getByTestId("path-title").fill("从零到全栈");
  await adminPage.getByTestId("path-slug").fill(slug);
  await adminPage.getByTestId("path-courses-input").fill(`${courses[1]!.slug}\n${courses[0]!.slug}`);
  await adminPage.getByTestId("path-status").selectOption("published");
  await adminPage.getByTestId("path-save").click();
  await adminPage.waitForURL(/\/admin\/paths\/\d+$/);
  // An unknown course address is refused with its name.
  await adminPage.getByTestId("path-courses-input").fill("no-such-course");
  await adminPage.getByTestId("path-save").click();
  await expect(adminPage.getByTestId("path-courses-error")).toContainText("no-such-course");
  await adminPage.context().close();

  const learner = await createAccount({ label: "paths-learner" });
  const page = await signedInPage(browser, learner.email);
  await page.goto(`/paths/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("从零到全栈");
  // The courses in the admin's order.
  await expect(page.getByTestId("path-courses").getByRole("link")).toHaveText([courses[1]!.title, courses[0]!.title]);
  await page.getByTestId("follow-path").getByRole("button").click();
  await expect(page.getByTestId("follow-path").getByRole("button")).toHaveText(zh.Following.follow.unfollow);

  await page.goto(`/courses/${courses[0]!.slug}`);
  await page.getByTestId("follow-course").getByRole("button").click();
  await expect(page.getByTestId("follow-course").getByRole("button")).toHaveText(zh.Following.follow.unfollow);

  await page.goto("/account/following");
  await expect(page.getByTestId("followed")).toHaveCount(2);
  await page.getByTestId("followed").filter({ hasText: courses[0]!.title }).getByRole("button").click();
  await expect(page.getByTestId("followed")).toHaveCount(1);
  await expect(page.getByTestId("followed")).toContainText("从零到全栈");
  await page.screenshot({ path: test.info().outputPath("following.png") });

  // Notification settings: email for "order paid" off, saved, still off after a reload.
  await page.goto("/account/notifications/settings");
  const box = page.getByTestId("pref-order.paid-email");
  await expect(box).toBeChecked();
  await box.uncheck();
  await page.getByTestId("save-preferences").click();
  await expect(page.getByTestId("preferences-status")).toHaveText(zh.Following.prefs.saved);
  await page.reload();
  await expect(page.getByTestId("pref-order.paid-email")).not.toBeChecked();
  await expect(page.getByTestId("pref-order.paid-inApp")).toBeChecked();
  const [stored] = await query<{ email: number; in_app: number }>("SELECT email, in_app FROM notification_preferences WHERE user_id = ? AND kind = 'order.paid'", [learner.id]);
  expect(stored).toEqual({ email: 0, in_app: 1 });
});
