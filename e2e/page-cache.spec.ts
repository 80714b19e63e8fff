// The full-page cache of the catalogue pages (lib/page-cache, served by middleware.ts) against the production
// build: anonymous pages come from the cache, an admin's change shows within the catalogue's 5 seconds, a
// signed-in visitor always gets their own render and never leaks into the cache, the client router's RSC
// requests never get HTML, and a 404 is never cached.
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiToken, signIn } from "./support/auth";
import { query } from "./support/db";

const HEADER = "x-xuefu-page-cache";

/** Anonymous GETs (the `request` fixture carries no cookies) until the cache answers one. */
async function untilCached(request: APIRequestContext, path: string): Promise<string> {
  let body = "";
  await expect
    .poll(
      async () => {
        const res = await request.get(path);
        body = await res.text();
        return res.headers()[HEADER];
      },
      { timeout: 15_000 },
    )
    .toBe("hit");
  return body;
}

async function createPublishedCourse(request: APIRequestContext, token: string, title: string): Promise<{ id: number; slug: string }> {
  const [category] = await query<{ id: number }>("SELECT id FROM categories ORDER BY id LIMIT 1");
  const [teacher] = await query<{ id: number }>("SELECT id FROM teachers ORDER BY id LIMIT 1");
  const slug = `e2e-page-cache-${randomUUID().slice(0, 8)}`;
  const res = await request.post("/api/v1/admin/courses", {
    headers: { authorization: `Bearer ${token}` },
    data: { slug, title, description: "<p>缓存测试</p>", priceFen: 9900, level: "beginner", language: "zh-CN", categoryId: Number(category!.id), teacherId: Number(teacher!.id), status: "published" },
  });
  expect(res.status()).toBe(201);
  return { id: ((await res.json()) as { data: { id: number } }).data.id, slug };
}

test("a cached course page shows an admin's change within 5 seconds", async ({ request }) => {
  const token = await apiToken(request, "course-admin@example.com");
  const headers = { authorization: `Bearer ${token}` };
  const course = await createPublishedCourse(request, token, `缓存测试 ${randomUUID().slice(0, 6)}`);
  try {
    const before = await untilCached(request, `/courses/${course.slug}`);
    expect(before).toContain("缓存测试");

    const renamed = `改名之后 ${randomUUID().slice(0, 6)}`;
    expect((await request.patch(`/api/v1/admin/courses/${course.id}`, { headers, data: { title: renamed } })).status()).toBe(200);
    await expect.poll(async () => (await (await request.get(`/courses/${course.slug}`)).text()).includes(renamed), { timeout: 5_000 }).toBe(true);
    // And the cache settles on the new page rather than the old one.
    expect(await untilCached(request, `/courses/${course.slug}`)).toContain(renamed);
  } finally {
    await request.patch(`/api/v1/admin/courses/${course.id}`, { headers, data: { status: "archived" } });
    await request.delete(`/api/v1/admin/courses/${course.id}`, { headers });
  }
});

test("signed-in visitors get their own page, and it never reaches anonymous visitors", async ({ page, request }) => {
  await untilCached(request, "/courses");
  await signIn(page, "learner@example.com");
  const [learner] = await query<{ name: string }>("SELECT name FROM users WHERE email = 'learner@example.com'");

  const mine = await page.request.get("/courses");
  expect(mine.headers()[HEADER]).toBe("bypass");
  const html = await mine.text();
  expect(html).toContain('data-testid="account-menu"');
  expect(html).toContain(learner!.name);

  // A signed-in visit may trigger a refill: whatever the cache holds afterwards is still the anonymous page.
  const anonymous = await untilCached(request, "/courses");
  expect(anonymous).not.toContain('data-testid="account-menu"');
  expect(anonymous).not.toContain(learner!.name);
});

test("the client router's requests get an RSC payload, never cached HTML", async ({ request }) => {
  await untilCached(request, "/courses");
  const requests: Array<Record<string, string>> = [{ rsc: "1" }, { rsc: "1", "next-router-prefetch": "1" }];
  for (const headers of requests) {
    const res = await request.get("/courses", { headers });
    expect(res.status()).toBe(200);
    expect(res.headers()[HEADER]).toBeUndefined();
    expect(res.headers()["content-type"]).toContain("text/x-component");
  }
  const withParam = await request.get("/courses?_rsc=abc12", { headers: { rsc: "1" } });
  expect(withParam.headers()["content-type"]).toContain("text/x-component");
});

test("a missing course answers 404 every time and is never cached", async ({ request }) => {
  const path = `/courses/no-such-course-${randomUUID().slice(0, 8)}`;
  const first = await request.get(path);
  expect(first.status()).toBe(404);
  expect(first.headers()[HEADER]).toBe("miss");
  // A page first asked for after the 404 gets filled meanwhile, so the 404's own fill has had its chance too.
  await untilCached(request, `/courses?q=${randomUUID().slice(0, 8)}`);
  const again = await request.get(path);
  expect(again.status()).toBe(404);
  expect(again.headers()[HEADER]).toBe("miss");
});

test("only canonical list addresses are cached; other spellings render", async ({ request }) => {
  await untilCached(request, "/courses?level=beginner");
  const variant = await request.get("/courses?level=beginner&q=");
  expect(variant.status()).toBe(200);
  expect(variant.headers()[HEADER]).toBeUndefined();
});
