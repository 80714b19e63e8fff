// The role editor end to end, as the demo super admin in the default language (Chinese): create a role of
// this test's own, grant it one permission in the matrix, find the grant on the resource list, delete the
// role, and find all three writes in the audit log. Built-in roles are never touched here (another spec
// grants and revokes on course_admin).
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import zh from "../lib/i18n/messages/zh-CN.json";
import { signIn } from "./support/auth";
import { query } from "./support/db";

test("the super admin creates a role, grants it a permission, sees it on the resource list, deletes it, and the audit log shows each write", async ({ page }) => {
  test.slow(); // several server round trips on a shared two-core machine
  const key = `e2e_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const nameZh = `端到端角色${key.slice(-6)}`;

  await signIn(page, "admin@example.com", "/admin/roles/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.AdminRoles.newTitle);

  // The browser check uses the server's schema: a malformed key is refused before sending.
  await page.getByLabel(zh.AdminRoles.key).fill("Bad-Key");
  await page.getByLabel(zh.AdminRoles.nameZh).fill(nameZh);
  await page.getByLabel(zh.AdminRoles.nameEn).fill("E2E role");
  await page.getByRole("button", { name: zh.AdminRoles.createSubmit }).click();
  await expect(page.getByText(zh.AdminRoles.errors.key_format)).toBeVisible();

  await page.getByLabel(zh.AdminRoles.key).fill(key);
  await page.getByRole("button", { name: zh.AdminRoles.createSubmit }).click();
  await page.waitForURL(/\/admin\/roles\/\d+$/);
  const roleId = Number(new URL(page.url()).pathname.split("/").pop());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nameZh);

  // Grant "GET /admin/orders" in the matrix.
  const matrix = page.getByTestId("permission-matrix");
  const orders = matrix.locator('input[data-permission-key="GET /admin/orders"]');
  await expect(orders).not.toBeChecked();
  await expect(matrix.locator("fieldset[data-category=orders]")).toContainText("GET /admin/orders");
  await orders.check();
  await matrix.getByRole("button", { name: zh.AdminRoles.saveMatrix }).click();
  await expect(matrix.getByRole("status")).toHaveText(zh.AdminRoles.matrixSaved.replace(/\{count, plural.*\}\}/, "1 项变更"));
  const grants = await query<{ permission_key: string }>(
    "SELECT p.permission_key FROM role_permissions rp JOIN permissions p ON p.id = rp.permission_id WHERE rp.role_id = ?",
    [roleId],
  );
  expect(grants.map((g) => g.permission_key)).toEqual(["GET /admin/orders"]);

  // The resource list shows the new holder beside the built-in one.
  await page.goto("/admin/resources");
  const row = page.locator('tr[data-resource-key="GET /admin/orders"]');
  await expect(row).toContainText(nameZh);
  await expect(row).toContainText("app/(admin)/admin/orders/page.tsx");

  // Delete it (nobody holds it, so no number to confirm).
  await page.goto(`/admin/roles/${roleId}`);
  await page.getByTestId("delete-role-form").getByRole("button", { name: zh.AdminRoles.deleteSubmit }).click();
  await page.waitForURL((url) => url.pathname === "/admin/roles");
  await expect(page.getByTestId("roles-table")).not.toContainText(key);
  expect(await query("SELECT id FROM roles WHERE role_key = ?", [key])).toEqual([]);

  // The audit log, filtered to role actions, lists the three writes, newest first.
  await page.goto("/admin/audit");
  await page.getByLabel(zh.AdminAudit.action, { exact: true }).fill("ACTION roles.");
  await page.getByLabel(zh.AdminAudit.targetId).fill(String(roleId));
  await page.getByRole("button", { name: zh.AdminCommon.filter }).click();
  await page.waitForURL(/action=ACTION\+roles\./);
  // Direct rows only: each row's before/after is a table of its own.
  const rows = page.getByTestId("audit-table").locator(":scope > tbody > tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveAttribute("data-action", "ACTION roles.delete");
  await expect(rows.nth(1)).toHaveAttribute("data-action", "ACTION roles.setPermissions");
  await expect(rows.nth(1)).toContainText(`${key}: +GET /admin/orders`);
  await expect(rows.nth(2)).toHaveAttribute("data-action", "ACTION roles.create");
  await expect(rows.nth(2)).toContainText("新建角色");

  // The before/after opens into a key/value table, the changed keys marked.
  await rows.nth(1).getByText(zh.AdminAudit.details).click();
  const added = rows.nth(1).locator("tr[data-changed]", { hasText: "added" });
  await expect(added).toContainText('["GET /admin/orders"]');

  // The deleted role's page, like a malformed id, is not found.
  for (const id of [String(roleId), "abc", "1e3"]) {
    expect((await page.goto(`/admin/roles/${id}`))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: zh.States.notFoundTitle })).toBeVisible();
    await expect(page.getByTestId("permission-matrix")).toHaveCount(0);
  }
});

test("a course admin cannot open the role editor, the resource list or the audit log", async ({ page }) => {
  await signIn(page, "course-admin@example.com", "/admin/courses");
  for (const path of ["/admin/roles", "/admin/roles/new", "/admin/resources", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: zh.States.forbiddenTitle })).toBeVisible();
  }
});
