// What keeps signed-in pages cheap to render, held against the production build: the site shell is rendered
// once per page (not again inside the root's boundary files), a page carries only the client messages it uses,
// unknown URLs still get the shell with a 404, and the sealed header that tells the page who is signed in
// cannot be sent by a client.
import { expect, test, type Page } from "@playwright/test";
import zh from "../lib/i18n/messages/zh-CN.json";
import { signIn } from "./support/auth";
import { query } from "./support/db";

async function aCourseSlug(): Promise<string> {
  const [course] = await query<{ slug: string }>("SELECT slug FROM courses WHERE status = 'published' ORDER BY id LIMIT 1");
  return course!.slug;
}

/** The HTML of a page as the signed-in browser gets it on a full load. */
async function htmlOf(page: Page, path: string): Promise<string> {
  const res = await page.request.get(path);
  expect(res.status(), path).toBe(200);
  return res.text();
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

test("a signed-in page renders the site shell once and only its own client messages", async ({ page }) => {
  await signIn(page, "learner@example.com");
  const slug = await aCourseSlug();
  for (const path of [`/courses/${slug}`, "/account/courses", "/cart"]) {
    const html = await htmlOf(page, path);
    // Once in the HTML and once in the RSC payload: the root's boundary files used to add three more of each.
    expect(count(html, "<header"), path).toBe(1);
    expect(count(html, String.raw`[\"$\",\"header\"`), path).toBe(1); // as escaped inside the payload's script
    expect(count(html, 'data-testid="account-menu"'), path).toBe(1);
    // No admin screen's messages on a learner's page.
    expect(html, path).not.toContain(zh.CourseEditor.newSubtitle);
    expect(html, path).not.toContain(zh.AdminCoupons.newSubtitle);
  }
  // The cart's own client component still finds its messages (next-intl logs MISSING_MESSAGE otherwise).
  const missing: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("MISSING_MESSAGE")) missing.push(message.text());
  });
  await page.goto("/cart");
  await expect(page.getByText(zh.Cart.empty)).toBeVisible();
  expect(missing).toEqual([]);
});

test("an unknown URL answers 404 inside the site shell", async ({ page }) => {
  const res = await page.goto("/no-such-page-anywhere");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("heading", { name: zh.States.notFoundTitle })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toBeVisible();
});

test("a client cannot say who is signed in through the forwarded-session header", async ({ request }) => {
  // A value shaped like the sealed header (user 1, admin), with a MAC the client cannot make.
  const payload = Buffer.from(JSON.stringify([1, "forged-session", "admin", true])).toString("base64url");
  const forged = { "x-xuefu-viewer": `${payload}.${"A".repeat(43)}`, "x-request-id": "forged-request-0001" };
  const account = await request.get("/account/courses", { headers: forged, maxRedirects: 0 });
  expect(account.status()).toBe(307);
  expect(account.headers().location).toContain("/sign-in");
  const me = await request.get("/api/v1/me", { headers: forged });
  expect(me.status()).toBe(401);
  const admin = await request.get("/admin", { headers: forged, maxRedirects: 0 });
  expect(admin.status()).toBe(307);
});
