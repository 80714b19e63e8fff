// A flash sale end to end, in Chinese: a marketing admin creates the sale in /admin/seckill, a learner opens
// its page, grabs a seat with the button and gets the link to pay; asking again (with the session cookie, as
// the page does) is refused as already bought.
import { expect, test } from "@playwright/test";
import zh from "../lib/i18n/messages/zh-CN.json";
import { createAccount, signIn } from "./support/auth";
import { query } from "./support/db";

/** `2026-11-21T10:30` in the browser's (this machine's) zone, for a datetime-local field. */
function localInput(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

test("a marketing admin creates a flash sale and a learner wins a seat and is sent to pay", async ({ browser }) => {
  test.slow(); // two people's sign-ins and a dozen pages on two shared cores: 25 s on a quiet machine
  // A seeded course: the newest one may be a course another test (running in parallel) creates and archives.
  const [course] = await query<{ id: number; title: string }>("SELECT id, title FROM courses WHERE status = 'published' ORDER BY id ASC LIMIT 1");
  const admin = await createAccount({ roles: ["marketing_admin"], label: "seckill-admin" });
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, admin.email, "/admin/seckill/new");
  await expect(adminPage.getByRole("heading", { level: 1 })).toHaveText(zh.AdminSeckill.newTitle);
  await adminPage.getByLabel(zh.AdminSeckill.course).selectOption(String(course!.id));
  await adminPage.getByLabel(zh.AdminSeckill.price).fill("9.90");
  await adminPage.getByLabel(zh.AdminSeckill.seats).fill("5");
  await adminPage.getByLabel(zh.AdminSeckill.startsAt).fill(localInput(new Date(Date.now() - 2 * 60_000)));
  await adminPage.getByLabel(zh.AdminSeckill.endsAt).fill(localInput(new Date(Date.now() + 60 * 60_000)));
  await adminPage.getByRole("button", { name: zh.AdminSeckill.create }).click();
  await adminPage.waitForURL(/\/admin\/seckill\/\d+\?created=1$/);
  await expect(adminPage.getByTestId("sale-form-message")).toHaveText(zh.AdminSeckill.created);
  const saleId = Number(/\/admin\/seckill\/(\d+)/.exec(adminPage.url())![1]);
  const [audit] = await query<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE target_type = 'seckill_sale' AND target_id = ?", [String(saleId)]);
  expect(Number(audit!.n)).toBe(1);
  await adminPage.goto("/admin/seckill");
  await expect(adminPage.getByRole("link", { name: course!.title }).first()).toBeVisible();
  await adminPage.context().close();

  const learner = await createAccount({ label: "seckill-learner" });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, learner.email, `/seckill/${saleId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(course!.title);
  await expect(page.getByTestId("seckill-seats-left")).toHaveText("5 / 5");
  await page.getByRole("button", { name: zh.Seckill.grab }).click();
  const outcome = page.getByTestId("seckill-outcome");
  await expect(outcome).toContainText(zh.Seckill.payNow);
  await expect(outcome.getByRole("link", { name: zh.Seckill.payNow })).toHaveAttribute("href", /^\/orders\/\d+\/pay$/);
  // The seats left follow within a poll.
  await expect(page.getByTestId("seckill-seats-left")).toHaveText("4 / 5", { timeout: 10_000 });

  // The same learner again, through the API with the page's session cookie.
  const token = ((await (await page.request.get(`/api/v1/seckill/${saleId}/token`)).json()) as { token: string }).token;
  const again = await page.request.post(`/api/v1/seckill/${saleId}/orders`, { headers: { "x-seckill-token": token } });
  expect(again.status()).toBe(409);
  expect(((await again.json()) as { error: { code: string } }).error.code).toBe("ALREADY_PURCHASED");
  await page.context().close();
});
