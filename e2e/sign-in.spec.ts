// Browser sign-in with a password: the session cookie, sign-out, and revocation from elsewhere.
import { expect, test, type Page } from "@playwright/test";
import zh from "../lib/i18n/messages/zh-CN.json";
import { query } from "./support/db";
import { openAccountMenu } from "./support/header";

const PASSWORD = "Passw0rd!demo";

async function signIn(page: Page, login: string, password = PASSWORD, path = "/sign-in") {
  await page.goto(path);
  await page.getByLabel(zh.Auth.login).fill(login);
  await page.getByLabel(zh.Auth.password).fill(password);
  await page.getByRole("button", { name: zh.Auth.signIn, exact: true }).click();
}

async function nameOf(email: string): Promise<string> {
  const [row] = await query<{ name: string }>("SELECT name FROM users WHERE email = ?", [email]);
  return row!.name;
}

test("a learner signs in with a password and out again; the old cookie is dead afterwards", async ({ page, context }) => {
  const email = "learner031@example.com";
  await signIn(page, email);
  await expect(page).toHaveURL(/\/$/);
  const account = page.getByTestId("account-menu");
  await expect(account).toContainText(await nameOf(email));

  const cookie = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie).toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
  expect(cookie!.value.split(".")).toHaveLength(3);

  await openAccountMenu(page);
  await account.getByRole("button", { name: zh.Header.signOut }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: zh.Header.signIn })).toBeVisible();

  // Replaying the signed-out token must not sign anyone in: its session is gone from the registry.
  await context.addCookies([cookie!]);
  await page.reload();
  await expect(page.getByRole("banner").getByRole("link", { name: zh.Header.signIn })).toBeVisible();
});

test("a wrong password shows a plain error and keeps the login", async ({ page }) => {
  await signIn(page, "learner032@example.com", "Not-the-password-1");
  await expect(page.getByTestId("sign-in-error")).toHaveText(zh.Auth.errors.invalid_credentials);
  await expect(page.getByLabel(zh.Auth.login)).toHaveValue("learner032@example.com");
});

test("signing out everywhere through the API ends the browser session at once", async ({ page, request }) => {
  const email = "learner033@example.com";
  await signIn(page, email);
  await expect(page.getByTestId("account-menu")).toBeVisible();
  const res = await request.post("/api/v1/tokens", { data: { login: email, password: PASSWORD } });
  const { access_token } = (await res.json()) as { access_token: string };
  expect((await request.delete("/api/v1/me/sessions", { headers: { authorization: `Bearer ${access_token}` } })).status()).toBe(204);
  await page.reload();
  await expect(page.getByRole("banner").getByRole("link", { name: zh.Header.signIn })).toBeVisible();
});

test("the return address cannot send the learner to another site", async ({ page, baseURL }) => {
  await signIn(page, "learner034@example.com", PASSWORD, "/sign-in?callbackUrl=//evil.example/steal");
  await expect(page.getByTestId("account-menu")).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});

test("the gate sends visitors of account pages to sign-in and drops a forged session cookie", async ({ request, baseURL }) => {
  const res = await request.get("/account", { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  const location = new URL(res.headers()["location"]!, baseURL);
  expect(location.pathname).toBe("/sign-in");
  expect(location.searchParams.get("callbackUrl")).toBe("/account");

  const forged = await request.get("/", { headers: { cookie: "authjs.session-token=eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0." }, maxRedirects: 0 });
  expect(forged.status()).toBe(200);
  const cleared = forged.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("authjs.session-token=;"));
  expect(cleared).toHaveLength(1);
  expect(await forged.text()).not.toContain('data-testid="account-menu"');
});
