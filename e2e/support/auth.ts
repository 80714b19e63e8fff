// Signing in through the real sign-in form, and API tokens through POST /api/v1/tokens.
import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import zh from "../../lib/i18n/messages/zh-CN.json";
import { query } from "./db";

export const DEMO_PASSWORD = "Passw0rd!demo";

/** Signs in on the sign-in page and waits until the site shows the account menu (or `returnTo` has loaded). */
export async function signIn(page: Page, login: string, returnTo?: string): Promise<void> {
  await page.goto(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  await page.getByLabel(zh.Auth.login).fill(login);
  await page.getByLabel(zh.Auth.password).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: zh.Auth.signIn, exact: true }).click();
  if (returnTo) await page.waitForURL((url) => url.pathname + url.search === returnTo);
  else await expect(page.getByTestId("account-menu")).toBeVisible();
}

/** A page in a browser context of its own, signed in as `login`. */
export async function signedInPage(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, login);
  return page;
}

export async function apiToken(request: APIRequestContext, login: string): Promise<string> {
  const res = await request.post("/api/v1/tokens", { data: { login, password: DEMO_PASSWORD } });
  expect(res.status(), `token for ${login}`).toBe(201);
  return ((await res.json()) as { access_token: string }).access_token;
}

/**
 * An account of the calling test's own, with the demo password (its hash copied from a demo account) and the
 * given built-in roles. Tests that change roles or status use these, never the demo accounts others rely on.
 */
export async function createAccount(opts: { roles?: string[]; name?: string; label?: string } = {}): Promise<{ id: number; email: string; name: string }> {
  const email = `${opts.label ?? "e2e"}-${randomUUID()}@example.com`;
  const name = opts.name ?? `测试${randomUUID().slice(0, 6)}`;
  await query(
    "INSERT INTO users (email, name, password_hash, locale, disabled, created_at, updated_at) SELECT ?, ?, password_hash, 'zh-CN', 0, NOW(3), NOW(3) FROM users WHERE email = 'admin@example.com'",
    [email, name],
  );
  const [row] = await query<{ id: number | string }>("SELECT id FROM users WHERE email = ?", [email]);
  for (const role of opts.roles ?? []) {
    await query("INSERT INTO user_roles (user_id, role_id, created_at) SELECT ?, id, NOW(3) FROM roles WHERE role_key = ?", [row!.id, role]);
  }
  return { id: Number(row!.id), email, name };
}
