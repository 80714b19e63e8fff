// The users section of /admin in the default language (Chinese): the demo super admin finds a fresh user,
// makes them a course admin, disables them (their API token stops working at once) and enables them again,
// and every write is in the audit log. A learner gets the 403 page.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import zh from "../lib/i18n/messages/zh-CN.json";
import { DEMO_PASSWORD, createAccount, signIn } from "./support/auth";
import { query } from "./support/db";

const COURSE_ADMIN_ZH = "课程管理员";

/** A user of this test's own (never a demo account: other tests rely on their roles and status). */
const newUser = () => createAccount({ label: "users-e2e", name: `后台测试${randomUUID().slice(0, 6)}` });

const json = (value: unknown) => (typeof value === "string" ? (JSON.parse(value) as unknown) : value);

test("the super admin assigns a role, disables and re-enables a user, each write audited; own account and bad ids", async ({ page, request }) => {
  test.slow(); // a dozen round trips to the production server on two shared cores
  const user = await newUser();
  const issued = await request.post("/api/v1/tokens", { data: { login: user.email, password: DEMO_PASSWORD } });
  expect(issued.status()).toBe(201);
  const { access_token: token } = (await issued.json()) as { access_token: string };
  const me = () => request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect((await me()).status()).toBe(200);

  await signIn(page, "admin@example.com");
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.AdminUsers.title);

  // Find the fresh user by email; the filter goes into the address.
  await page.getByLabel(zh.AdminCommon.search).fill(user.email);
  await page.getByRole("button", { name: zh.AdminCommon.filter }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  const row = page.getByTestId("users-table").locator(`tr[data-user-id="${user.id}"]`);
  await expect(row).toContainText(user.email);
  await expect(row).toContainText(zh.AdminUsers.learner);
  await expect(row).toContainText(zh.AdminUsers.status_active);
  await row.getByRole("link", { name: user.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.AdminUserDetail.title.replace("{name}", user.name));

  // Assign the course admin role.
  const courseAdmin = page.getByRole("checkbox", { name: COURSE_ADMIN_ZH });
  await expect(courseAdmin).not.toBeChecked();
  await courseAdmin.check();
  await page.getByRole("button", { name: zh.AdminUserDetail.saveRoles }).click();
  await expect(page.getByTestId("roles-message")).toHaveText(zh.AdminUserDetail.messages.roles_saved);
  await expect(page.getByTestId("roles-message")).toHaveAttribute("role", "status");

  // The list shows it, also under the role filter.
  await page.goto(`/admin/users?q=${encodeURIComponent(user.email)}&role=course_admin`);
  await expect(page.getByTestId("users-table").locator(`tr[data-user-id="${user.id}"]`)).toContainText(COURSE_ADMIN_ZH);
  await page.goto(`/admin/users?q=${encodeURIComponent(user.email)}&role=none`);
  await expect(page.getByRole("heading", { name: zh.AdminCommon.noResults })).toBeVisible();

  // Disable, after confirming: the API token stops working at once; the role stays.
  await page.goto(`/admin/users/${user.id}`);
  await page.getByRole("button", { name: zh.AdminUserDetail.disable }).click();
  await expect(page.getByText(zh.AdminUserDetail.confirmDisable.replace("{name}", user.name))).toBeVisible();
  await page.getByRole("button", { name: zh.AdminUserDetail.confirmDisableButton }).click();
  await expect(page.getByTestId("status-message")).toHaveAttribute("role", "status");
  await expect(page.getByTestId("status-message")).toContainText("账号已停用");
  await expect(page.getByTestId("user-facts")).toContainText(zh.AdminUserDetail.status_disabled);
  expect((await me()).status()).toBe(401);
  await expect(page.getByRole("checkbox", { name: COURSE_ADMIN_ZH })).toBeChecked();

  // Enable again.
  await page.getByRole("button", { name: zh.AdminUserDetail.enable }).click();
  await page.getByRole("button", { name: zh.AdminUserDetail.confirmEnableButton }).click();
  await expect(page.getByTestId("status-message")).toHaveText(zh.AdminUserDetail.messages.user_enabled);
  await expect(page.getByTestId("user-facts")).toContainText(zh.AdminUserDetail.status_active);
  const [flags] = await query<{ disabled: number }>("SELECT disabled FROM users WHERE id = ?", [user.id]);
  expect(Number(flags!.disabled)).toBe(0);

  // The audit log has the three writes, by the demo admin, with before and after.
  const [admin] = await query<{ id: number | string }>("SELECT id FROM users WHERE email = 'admin@example.com'");
  const audit = await query<{ actor_id: number | string; action: string; before: unknown; after: unknown }>(
    "SELECT actor_id, action, `before`, `after` FROM audit_log WHERE target_type = 'user' AND target_id = ? ORDER BY id",
    [String(user.id)],
  );
  expect(audit.map((a) => [Number(a.actor_id), a.action, json(a.before), json(a.after)])).toEqual([
    [Number(admin!.id), "ACTION users.setRoles", { roles: [] }, { roles: ["course_admin"] }],
    [Number(admin!.id), "ACTION users.setDisabled", { disabled: false }, { disabled: true }],
    [Number(admin!.id), "ACTION users.setDisabled", { disabled: true }, { disabled: false }],
  ]);

  // (Same sign-in: the demo admin's sign-ins are rate limited per account across the suite.)
  // Their own account offers no way to disable it.
  await page.goto(`/admin/users/${admin!.id}`);
  await expect(page.getByText(zh.AdminUserDetail.selfNote)).toBeVisible();
  await expect(page.getByRole("button", { name: zh.AdminUserDetail.disable })).toHaveCount(0);

  // An unknown or malformed id answers 404 with "no such user" inside the admin.
  for (const id of ["999999999999", "abc", "1e3"]) {
    expect((await page.goto(`/admin/users/${id}`))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: zh.AdminUserDetail.notFoundTitle })).toBeVisible();
    await expect(page.getByTestId("user-facts")).toHaveCount(0);
  }
});

test("a learner opening /admin/users gets the 403 page", async ({ page }) => {
  await signIn(page, "learner@example.com");
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: zh.States.forbiddenTitle })).toBeVisible();
  await expect(page.getByTestId("users-table")).toHaveCount(0);
});
