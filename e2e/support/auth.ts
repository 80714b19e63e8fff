// Signing in through the real sign-in form, and API tokens through POST /api/v1/tokens.
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import zh from "../../lib/i18n/messages/zh-CN.json";

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
