// Role-based access to /admin end to end: the 403 page, the sections each role sees, a grant taking effect
// for a signed-in admin without signing in again, the admin API per role, and every admin page tried as a
// learner and as the roles it is meant for.
import { expect, test, type Browser, type Page } from "@playwright/test";
import zh from "../lib/i18n/messages/zh-CN.json";
import { RESOURCES } from "../lib/rbac/resources.generated";
import { apiToken, createAccount, signedInPage } from "./support/auth";
import { query } from "./support/db";

const nav = (page: Page) => page.getByRole("navigation", { name: zh.AdminNav.label });

test("a learner opening /admin gets the 403 page, and the admin link is not offered", async ({ browser }) => {
  const page = await signedInPage(browser, "learner@example.com");
  await expect(page.getByTestId("admin-link")).toHaveCount(0);
  const res = await page.goto("/admin");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: zh.States.forbiddenTitle })).toBeVisible();
  await expect(nav(page)).toHaveCount(0);
});

test("a visitor is sent to sign in and comes back to the admin page afterwards", async ({ page }) => {
  await page.goto("/admin/courses?status=draft");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fcourses%3Fstatus%3Ddraft/);
  await page.getByLabel(zh.Auth.login).fill("course-admin@example.com");
  await page.getByLabel(zh.Auth.password).fill("Passw0rd!demo");
  await page.getByRole("button", { name: zh.Auth.signIn, exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/admin/courses" && url.searchParams.get("status") === "draft");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.AdminCourses.title);
});

test("the admin API answers each role as its grants say", async ({ request }) => {
  const tokens = {
    course: await apiToken(request, "course-admin@example.com"),
    order: await apiToken(request, "order-admin@example.com"),
    learner: await apiToken(request, "learner@example.com"),
  };
  const get = (path: string, token?: string) => request.get(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  const courses = await get("/api/v1/admin/courses?per_page=5&status=draft", tokens.course);
  expect(courses.status()).toBe(200);
  const body = (await courses.json()) as { data: Array<{ status: string }>; meta: { page: number; per_page: number; total: number } };
  const [drafts] = await query<{ n: number }>("SELECT COUNT(*) AS n FROM courses WHERE status = 'draft'");
  expect(body.meta).toEqual({ page: 1, per_page: 5, total: Number(drafts!.n) });
  expect(body.data.every((c) => c.status === "draft")).toBe(true);
  expect((await get("/api/v1/admin/orders", tokens.course)).status()).toBe(403);

  const orders = await get("/api/v1/admin/orders?page=2&per_page=10&status=paid", tokens.order);
  expect(orders.status()).toBe(200);
  const ordersBody = (await orders.json()) as { data: Array<{ orderNo: string; status: string }>; meta: { page: number; total: number } };
  expect(ordersBody.meta.page).toBe(2);
  expect(ordersBody.data).toHaveLength(10);
  expect(ordersBody.data.every((o) => typeof o.orderNo === "string" && o.status === "paid")).toBe(true);
  expect((await get("/api/v1/admin/courses", tokens.order)).status()).toBe(403);

  for (const path of ["/api/v1/admin/courses", "/api/v1/admin/orders"]) {
    const denied = await get(path, tokens.learner);
    expect(denied.status()).toBe(403);
    expect(((await denied.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    const anonymous = await get(path);
    expect(anonymous.status()).toBe(401);
    expect(anonymous.headers()["www-authenticate"]).toContain("Bearer");
    expect((await get(path, "not.a.token")).status()).toBe(401);
  }
  // One paging rule on every list (lib/http/paging.ts): above 100 is read as 100, below 1 is refused.
  expect(((await (await get("/api/v1/admin/courses?per_page=500", tokens.course)).json()) as { meta: { per_page: number } }).meta.per_page).toBe(100);
  expect((await get("/api/v1/admin/courses?per_page=0", tokens.course)).status()).toBe(400);
  expect((await get("/api/v1/admin/orders?status=lost", tokens.order)).status()).toBe(400);
});

test("the course admin sees courses only; a grant by the super admin opens orders without signing in again", async ({ browser }) => {
  test.slow();
  const courseAdmin = await signedInPage(browser, "course-admin@example.com");
  await courseAdmin.goto("/admin");
  await expect(nav(courseAdmin).getByRole("link", { name: zh.AdminNav.courses })).toBeVisible();
  await expect(nav(courseAdmin).getByRole("link", { name: zh.AdminNav.orders })).toHaveCount(0);
  await expect(nav(courseAdmin).getByRole("link", { name: zh.AdminNav.roles })).toHaveCount(0);
  expect((await courseAdmin.goto("/admin/orders"))?.status()).toBe(403);
  expect((await courseAdmin.goto("/admin/roles"))?.status()).toBe(403);

  const [role] = await query<{ id: number }>("SELECT id FROM roles WHERE role_key = 'course_admin'");
  const superAdmin = await signedInPage(browser, "admin@example.com");
  const setOrdersGrant = async (granted: boolean) => {
    await superAdmin.goto(`/admin/roles/${role!.id}`);
    const matrix = superAdmin.getByTestId("permission-matrix");
    const box = matrix.locator('input[data-permission-key="GET /admin/orders"]');
    await box.setChecked(granted);
    await matrix.getByRole("button", { name: zh.AdminRoles.saveMatrix }).click();
    await expect(matrix.getByRole("status")).toContainText("1");
  };

  await setOrdersGrant(true);
  try {
    // Same browser session as before the grant.
    const res = await courseAdmin.goto("/admin/orders");
    expect(res?.status()).toBe(200);
    await expect(courseAdmin.getByRole("heading", { level: 1 })).toHaveText(zh.AdminOrders.title);
    await expect(nav(courseAdmin).getByRole("link", { name: zh.AdminNav.orders })).toBeVisible();
  } finally {
    await setOrdersGrant(false);
  }
  expect((await courseAdmin.goto("/admin/orders"))?.status()).toBe(403);
});

/** A fresh account holding just `role`. */
const accountWithRole = async (role: string) => (await createAccount({ roles: [role], label: `rbac-${role}` })).email;

/** Concrete URLs for pattern segments; a new page with a parameter must add its sample here. */
async function concreteUrl(route: string): Promise<string> {
  const samples: Record<string, () => Promise<string>> = {
    "/admin/users/[id]": async () => String((await query<{ id: number }>("SELECT id FROM users WHERE email = 'learner@example.com'"))[0]!.id),
    "/admin/roles/[id]": async () => String((await query<{ id: number }>("SELECT id FROM roles WHERE role_key = 'content_admin'"))[0]!.id),
    "/admin/courses/[id]": async () => String((await query<{ id: number }>("SELECT id FROM courses WHERE status = 'published' ORDER BY id LIMIT 1"))[0]!.id),
    "/admin/courses/[id]/lessons/[lessonId]": async () => {
      const [lesson] = await query<{ courseId: number; id: number }>("SELECT ch.course_id AS courseId, l.id FROM lessons l JOIN chapters ch ON ch.id = l.chapter_id ORDER BY l.id LIMIT 1");
      return `${lesson!.courseId}/lessons/${lesson!.id}`;
    },
    "/admin/orders/[orderNo]": async () => (await query<{ orderNo: string }>("SELECT order_no AS orderNo FROM orders WHERE status = 'paid' ORDER BY id LIMIT 1"))[0]!.orderNo,
    "/admin/coupons/[id]": async () => String((await query<{ id: number }>("SELECT id FROM coupons WHERE code = 'XUEFU10'"))[0]!.id),
    "/admin/seckill/[id]": async () => {
      const first = async () => (await query<{ id: number }>("SELECT id FROM seckill_sales ORDER BY id LIMIT 1"))[0]?.id;
      if ((await first()) === undefined) {
        await query(
          "INSERT INTO seckill_sales (course_id, price_fen, seats, seats_left, starts_at, ends_at, status, created_at, updated_at) SELECT id, 990, 10, 10, NOW(3) + INTERVAL 1 DAY, NOW(3) + INTERVAL 2 DAY, 'active', NOW(3), NOW(3) FROM courses WHERE status = 'published' ORDER BY id LIMIT 1",
        );
      }
      return String(await first());
    },
    "/admin/paths/[id]": async () => {
      const first = async () => (await query<{ id: number }>("SELECT id FROM learning_paths ORDER BY id LIMIT 1"))[0]?.id;
      if ((await first()) === undefined) {
        await query("INSERT INTO learning_paths (slug, title, summary, status, created_at, updated_at) VALUES ('e2e-access-path', 'E2E path', '', 'draft', NOW(3), NOW(3))");
      }
      return String(await first());
    },
  };
  if (!route.includes("[")) return route;
  const sample = samples[route];
  if (!sample) throw new Error(`No sample value for ${route}: add one to concreteUrl in e2e/admin-access.spec.ts`);
  // A route with several parameters gets them all from its sample, from the first parameter on.
  return route.replace(/\[.*$/, await sample());
}

async function statusAs(browser: Browser, login: string, urls: string[]): Promise<Record<string, number>> {
  const page = await signedInPage(browser, login);
  const out: Record<string, number> = {};
  for (const url of urls) out[url] = (await page.goto(url))?.status() ?? 0;
  await page.context().close();
  return out;
}

test("every admin page refuses a learner and opens for each role it is meant for", async ({ browser }) => {
  // One sign-in per role and a visit per page: this grows with the admin, so give it room.
  test.setTimeout(240_000);
  const pages = RESOURCES.filter((r) => r.kind === "page");
  expect(pages.length).toBeGreaterThanOrEqual(5);
  const urls = new Map<string, string>();
  for (const p of pages) urls.set(p.key, await concreteUrl(p.route));

  const learner = await statusAs(browser, "learner@example.com", [...urls.values()]);
  for (const p of pages) expect(learner[urls.get(p.key)!], `${p.key} as a learner`).toBe(403);

  const roles = new Set(pages.flatMap((p) => p.roles));
  for (const role of roles) {
    const mine = pages.filter((p) => p.roles.includes(role));
    const seen = await statusAs(browser, await accountWithRole(role), mine.map((p) => urls.get(p.key)!));
    for (const p of mine) expect(seen[urls.get(p.key)!], `${p.key} as ${role}`).toBe(200);
  }
});
