// Sign-up with a code, password reset with a code (signing out every other device), and the account page's
// session controls, in the default language (Chinese).
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { expect, test, type Browser, type Page } from "@playwright/test";
import zh from "../lib/i18n/messages/zh-CN.json";
import { latestCode } from "./support/codes";
import { query } from "./support/db";
import { openAccountMenu } from "./support/header";

const PASSWORD = "Passw0rd!demo";

async function signIn(page: Page, login: string, password = PASSWORD, path = "/sign-in") {
  await page.goto(path);
  await page.getByLabel(zh.Auth.login).fill(login);
  await page.getByLabel(zh.Auth.password).fill(password);
  await page.getByRole("button", { name: zh.Auth.signIn, exact: true }).click();
}

async function signedInPage(browser: Browser, login: string, path = "/sign-in"): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, login, PASSWORD, path);
  await expect(page.getByTestId("account-menu")).toBeVisible();
  return page;
}

/** A learner of this test's own, with PASSWORD, so no other test's sign-ins or password changes interfere. */
async function newLearner(name: string): Promise<string> {
  const email = `learner-${randomUUID()}@example.com`;
  await query("INSERT INTO users (email, name, password_hash, locale, created_at, updated_at) VALUES (?, ?, ?, 'zh-CN', NOW(3), NOW(3))", [email, name, await hash(PASSWORD)]);
  return email;
}

const signInLink = (page: Page) => page.getByRole("banner").getByRole("link", { name: zh.Header.signIn });

test("a visitor signs up with an email and the code sent to it, and lands signed in", async ({ page }) => {
  test.slow(); // several round trips to the production server, with two test workers sharing two cores
  const email = `new-${randomUUID()}@example.com`;
  const name = `新同学${randomUUID().slice(0, 6)}`;
  await page.goto("/sign-up");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.SignUp.title);

  // The browser-side check uses the server's schema: a bad address and password are refused before sending.
  await page.getByRole("button", { name: zh.SignUp.submit }).click();
  await expect(page.getByLabel(zh.SignUp.name)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(zh.SignUp.name)).toBeFocused();

  await page.getByLabel(zh.SignUp.name).fill(name);
  await page.getByLabel(zh.SignUp.identifier).fill(email.toUpperCase());
  const asked = Date.now();
  await page.getByTestId("send-code").click();
  await expect(page.getByTestId("send-code-status")).toHaveText(zh.SignUp.codeSent);
  await expect(page.getByTestId("send-code")).toHaveAttribute("aria-disabled", "true");
  const code = await latestCode(email, asked);

  // A wrong code is refused on the code field; the typed values stay.
  await page.getByLabel(zh.SignUp.code).fill(code === "000000" ? "111111" : "000000");
  await page.getByLabel(zh.SignUp.password, { exact: true }).fill("Sign-up-passw0rd");
  await page.getByTestId("terms-consent").check();
  await page.getByRole("button", { name: zh.SignUp.submit }).click();
  await expect(page.getByText(zh.Account.errors.code_invalid)).toBeVisible();
  await expect(page.getByLabel(zh.SignUp.code)).toBeFocused();
  await expect(page.getByLabel(zh.SignUp.name)).toHaveValue(name);

  await page.getByLabel(zh.SignUp.code).fill(code);
  await page.getByLabel(zh.SignUp.password, { exact: true }).fill("Sign-up-passw0rd");
  await page.getByTestId("terms-consent").check();
  await page.getByRole("button", { name: zh.SignUp.submit }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("account-menu")).toContainText(name);

  await openAccountMenu(page);
  await page.getByTestId("account-link").click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("account-email")).toHaveText(email);
});

test("resetting a password with a code signs out the other browser and retires the old password", async ({ browser, page }) => {
  test.slow(); // two browsers, several sign-ins
  const email = await newLearner("重置密码测试");
  const elsewhere = await signedInPage(browser, email);

  await page.goto("/forgot-password");
  await page.getByLabel(zh.ResetPassword.identifier).fill(email);
  const asked = Date.now();
  await page.getByTestId("send-code").click();
  await expect(page.getByTestId("send-code-status")).toHaveText(zh.ResetPassword.codeSent);
  await page.getByLabel(zh.ResetPassword.code).fill(await latestCode(email, asked));
  await page.getByLabel(zh.ResetPassword.password, { exact: true }).fill("Brand-new-passw0rd");
  await page.getByRole("button", { name: zh.ResetPassword.submit }).click();
  await expect(page.getByTestId("reset-done")).toContainText(zh.ResetPassword.doneTitle);

  await elsewhere.reload();
  await expect(signInLink(elsewhere)).toBeVisible();

  await signIn(page, email, PASSWORD);
  await expect(page.getByTestId("sign-in-error")).toHaveText(zh.Auth.errors.invalid_credentials);
  await signIn(page, email, "Brand-new-passw0rd");
  await expect(page.getByTestId("account-menu")).toBeVisible();
  await elsewhere.context().close();
});

test("an unknown address gets the same answer as a known one on the forgot-password page", async ({ page }) => {
  await page.goto("/forgot-password");
  await page.getByLabel(zh.ResetPassword.identifier).fill(`nobody-${randomUUID()}@example.com`);
  await page.getByTestId("send-code").click();
  await expect(page.getByTestId("send-code-status")).toHaveText(zh.ResetPassword.codeSent);
});

test("the account page is for signed-in people only", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount|\/sign-in\?callbackUrl=\/account/);
});

test("on the account page a learner ends another session, then signs out everywhere", async ({ browser, page }) => {
  test.slow(); // two browsers, several sign-ins
  const email = await newLearner("会话测试");
  const toAccount = "/sign-in?callbackUrl=/account";
  const other = await signedInPage(browser, email, toAccount);
  await signIn(page, email, PASSWORD, toAccount);
  await expect(page).toHaveURL(/\/account$/);

  const sessions = page.getByTestId("session");
  await expect(sessions).toHaveCount(2);
  await expect(page.locator('[data-testid="session"][data-current]')).toContainText(zh.Account.thisDevice);
  await page.locator('[data-testid="session"]:not([data-current])').getByRole("button").click();
  await expect(sessions).toHaveCount(1);
  await other.reload();
  await expect(signInLink(other)).toBeVisible();

  await signIn(other, email, PASSWORD, toAccount);
  await expect(other.getByTestId("account-menu")).toBeVisible();
  await page.reload();
  await expect(sessions).toHaveCount(2);
  await page.getByRole("button", { name: zh.Account.signOutEverywhere }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(signInLink(page)).toBeVisible();
  await other.reload();
  await expect(signInLink(other)).toBeVisible();
  await other.context().close();
});
