// Signing in with QQ, WeChat and Weibo through the local stand-in's pages, a declined authorisation, and
// linking / unlinking a provider on an existing account.
import { randomBytes, randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import zh from "../lib/i18n/messages/zh-CN.json";
import { query } from "./support/db";
import { openAccountMenu } from "./support/header";

const PASSWORD = "Passw0rd!demo";
type Provider = "qq" | "wechat" | "weibo";

// Each test goes through the provider's page once or twice; with two workers on two cores that takes a while.
test.describe.configure({ timeout: 60_000 });

/** A provider-side person nobody has used: Weibo uids are digits, the others word characters. */
const newPerson = (p: Provider) => (p === "weibo" ? `${Date.now()}${randomInt(10_000, 99_999)}` : `e2e-${p}-${randomBytes(6).toString("hex")}`);

/** Fills the stand-in's page as a person would and presses 授权并登录 (or 拒绝). */
async function answerStandin(page: Page, person: string, nickname: string, deny = false) {
  await expect(page.getByRole("button", { name: "授权并登录" })).toBeVisible();
  await page.locator("#user_id").fill(person);
  await page.locator("#nickname").fill(nickname);
  await page.getByRole("button", { name: deny ? "拒绝" : "授权并登录", exact: true }).click();
}

async function signInWithPassword(page: Page, login: string) {
  await page.goto("/sign-in");
  await page.getByLabel(zh.Auth.login).fill(login);
  await page.getByLabel(zh.Auth.password).fill(PASSWORD);
  await page.getByRole("button", { name: zh.Auth.signIn, exact: true }).click();
  await expect(page.getByTestId("account-menu")).toBeVisible();
}

const identities = (email: string) =>
  query<{ provider: string; provider_user_id: string }>(
    "SELECT i.provider, i.provider_user_id FROM user_identities i JOIN users u ON u.id = i.user_id WHERE u.email = ? ORDER BY i.id",
    [email],
  );

for (const provider of ["qq", "wechat", "weibo"] as const) {
  test(`signing in with ${provider} makes an account and signs in to it again next time`, async ({ page }) => {
    const person = newPerson(provider);
    const nickname = `测试${provider}${randomInt(1000, 9999)}`;
    await page.goto("/sign-in");
    // A first sign-in makes an account, so the buttons say that it means agreeing to the terms, with links.
    const consent = page.getByTestId("oauth-consent");
    await expect(consent.getByRole("link", { name: /服务条款/ })).toHaveAttribute("href", "/terms");
    await expect(consent.getByRole("link", { name: /隐私政策/ })).toHaveAttribute("href", "/privacy");
    await page.getByRole("link", { name: zh.OAuth.signInWith[provider], exact: true }).click();
    await answerStandin(page, person, nickname);
    await expect(page).toHaveURL(/\/$/);
    const account = page.getByTestId("account-menu");
    await expect(account).toContainText(nickname);
    const rows = await query<{ user_id: number; email: string | null; password_hash: string | null; terms_accepted_at: Date | null }>(
      "SELECT i.user_id, u.email, u.password_hash, u.terms_accepted_at FROM user_identities i JOIN users u ON u.id = i.user_id WHERE i.provider = ? AND i.provider_user_id = ?",
      [provider, person],
    );
    expect(rows).toHaveLength(1);
    expect([rows[0]!.email, rows[0]!.password_hash]).toEqual([null, null]);
    expect(rows[0]!.terms_accepted_at).not.toBeNull();

    // Signed out, the same person signs in to the same account, not a new one.
    await openAccountMenu(page);
    await account.getByRole("button", { name: zh.Header.signOut }).click();
    await expect(page.getByRole("banner").getByRole("link", { name: zh.Header.signIn })).toBeVisible();
    await page.goto("/sign-in");
    await page.getByRole("link", { name: zh.OAuth.signInWith[provider], exact: true }).click();
    await answerStandin(page, person, "另一个昵称");
    await expect(page.getByTestId("account-menu")).toContainText(nickname);
    expect(await query("SELECT id FROM user_identities WHERE provider = ? AND provider_user_id = ?", [provider, person])).toHaveLength(1);
  });
}

test("declining at the provider comes back to sign-in with a plain message and no account", async ({ page }) => {
  const person = newPerson("weibo");
  await page.goto("/sign-in");
  await page.getByRole("link", { name: zh.OAuth.signInWith.weibo, exact: true }).click();
  await answerStandin(page, person, "拒绝的人", true);
  await expect(page).toHaveURL(/\/sign-in\?error=access_denied/);
  await expect(page.getByTestId("oauth-error")).toHaveText(zh.OAuth.errors.access_denied);
  await expect(page.getByRole("banner").getByRole("link", { name: zh.Header.signIn })).toBeVisible();
  expect(await query("SELECT id FROM user_identities WHERE provider_user_id = ?", [person])).toEqual([]);
});

test("a callback replayed in another browser does not sign anyone in", async ({ page, browser }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: zh.OAuth.signInWith.qq, exact: true }).click();
  await page.locator("#user_id").fill(newPerson("qq"));
  // Catch the redirect back to us instead of following it, and open it in a fresh browser.
  const callback = page.waitForRequest((req) => req.url().includes("/api/auth/oauth/qq/callback"));
  await page.route("**/api/auth/oauth/qq/callback**", (route) => route.abort());
  await page.getByRole("button", { name: "授权并登录", exact: true }).click();
  const url = (await callback).url();
  const other = await browser.newContext();
  const victim = await other.newPage();
  await victim.goto(url);
  await expect(victim).toHaveURL(/\/sign-in\?error=bad_state/);
  await expect(victim.getByRole("banner").getByRole("link", { name: zh.Header.signIn })).toBeVisible();
  await other.close();
});

test("a signed-in learner links QQ and then signs in with it", async ({ page }) => {
  const email = "learner041@example.com";
  await query("DELETE i FROM user_identities i JOIN users u ON u.id = i.user_id WHERE u.email = ?", [email]);
  const [user] = await query<{ name: string }>("SELECT name FROM users WHERE email = ?", [email]);
  await signInWithPassword(page, email);

  // Linking needs no account page: the start route in link mode, back to where it was asked from.
  const person = newPerson("qq");
  await page.goto("/api/auth/oauth/qq?mode=link&returnTo=/");
  await answerStandin(page, person, "绑定测试");
  await expect(page).toHaveURL(/\/\?oauth_linked=qq$/);
  expect(await identities(email)).toEqual([{ provider: "qq", provider_user_id: person }]);

  // Now QQ opens that same account.
  await (await openAccountMenu(page)).getByRole("button", { name: zh.Header.signOut }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: zh.Header.signIn })).toBeVisible();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: zh.OAuth.signInWith.qq, exact: true }).click();
  await answerStandin(page, person, "绑定测试");
  await expect(page.getByTestId("account-menu")).toContainText(user!.name);
});

test("on the account page a learner unlinks a provider, but never the last way to sign in", async ({ page }) => {
  // An account that only has Weibo cannot drop it.
  await page.goto("/sign-in");
  await page.getByRole("link", { name: zh.OAuth.signInWith.weibo, exact: true }).click();
  await answerStandin(page, newPerson("weibo"), "只用微博");
  await expect(page.getByTestId("account-menu")).toContainText("只用微博");
  await page.goto("/account");
  const list = page.getByTestId("linked-providers");
  await expect(list).toBeVisible();
  const weibo = list.locator('[data-provider="weibo"]');
  await weibo.getByRole("button", { name: zh.OAuth.unlink.replace("{provider}", zh.OAuth.providers.weibo) }).click();
  await expect(page.getByTestId("unlink-error-weibo")).toHaveText(zh.OAuth.errors.last_sign_in_method);

  // A learner with a password can.
  await (await openAccountMenu(page)).getByRole("button", { name: zh.Header.signOut }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: zh.Header.signIn })).toBeVisible();
  const email = "learner043@example.com";
  await query("DELETE i FROM user_identities i JOIN users u ON u.id = i.user_id WHERE u.email = ?", [email]);
  await query(
    "INSERT INTO user_identities (user_id, provider, provider_user_id, display_name, created_at) SELECT id, 'qq', ?, '要解绑的', NOW(3) FROM users WHERE email = ?",
    [newPerson("qq"), email],
  );
  await signInWithPassword(page, email);
  await page.goto("/account");
  const qq = page.getByTestId("linked-providers").locator('[data-provider="qq"]');
  await expect(qq).toContainText("要解绑的");
  await qq.getByRole("button", { name: zh.OAuth.unlink.replace("{provider}", zh.OAuth.providers.qq) }).click();
  await expect(qq).toContainText(zh.OAuth.notLinked);
  expect(await identities(email)).toEqual([]);
});

test("linking a provider that belongs to another account is refused with a message", async ({ page }) => {
  const person = newPerson("wechat");
  // Someone signs up with this WeChat person first.
  await page.goto("/sign-in");
  await page.getByRole("link", { name: zh.OAuth.signInWith.wechat, exact: true }).click();
  await answerStandin(page, person, "先来的人");
  await expect(page.getByTestId("account-menu")).toContainText("先来的人");
  await (await openAccountMenu(page)).getByRole("button", { name: zh.Header.signOut }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: zh.Header.signIn })).toBeVisible();

  const email = "learner042@example.com";
  await signInWithPassword(page, email);
  await page.goto("/api/auth/oauth/wechat?mode=link&returnTo=/");
  await answerStandin(page, person, "后来的人");
  await expect(page).toHaveURL(/\/\?oauth_error=identity_taken$/);
  expect(await identities(email)).toEqual([]);
});

test("the link route sends a signed-out visitor to sign in first", async ({ page }) => {
  await page.goto("/api/auth/oauth/weibo?mode=link");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
});
