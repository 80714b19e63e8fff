// Buying courses end to end, once per provider, against the payments sandbox: the course goes into the cart
// while offline (the cart page comes from the service worker's copy), back online the learner signs in,
// reviews the order and agrees to the terms, pays on the provider's page, comes back to "confirming", is
// enrolled and finds the course in "My courses". Then the order admin refunds one of the orders and the
// enrolment ends.
import { expect, test, type Page } from "@playwright/test";
import zh from "../lib/i18n/messages/zh-CN.json";
import { createAccount, signIn } from "./support/auth";
import { query } from "./support/db";
import { payAt } from "./support/pay";

interface CourseRow {
  id: number;
  slug: string;
  title: string;
}

/** Seeded paid courses (the newest may be one a parallel test creates and archives); each test takes its own. */
async function paidCourses(n: number): Promise<CourseRow[]> {
  return query<CourseRow>("SELECT id, slug, title FROM courses WHERE status = 'published' AND price_fen > 0 ORDER BY id ASC LIMIT ?", [n]);
}

async function addToCartOffline(page: Page, course: CourseRow): Promise<void> {
  // Visit the cart and the course online first: the service worker keeps copies of both pages.
  await page.goto("/cart");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await page.goto(`/courses/${course.slug}`);
  await expect(page.getByTestId("add-to-cart")).toBeEnabled();
  await expect(page.getByTestId("add-to-cart")).not.toHaveAttribute("aria-disabled", "true");
  await page.context().setOffline(true);
  await page.getByTestId("add-to-cart").click();
  await expect(page.getByTestId("in-cart")).toBeVisible();
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  await page.goto("/cart");
  await expect(page.getByTestId("cart-offline")).toBeVisible();
  await expect(page.locator(`[data-testid="cart-line"][data-course-id="${course.id}"]`)).toBeVisible();
  await page.context().setOffline(false);
}

test.describe("checkout", () => {
  for (const [i, provider] of (["alipay", "wechat", "unionpay"] as const).entries()) {
    test(`offline cart → sign in → pay with ${provider} → enrolled`, async ({ page }) => {
      test.setTimeout(90_000);
      const course = (await paidCourses(3))[i]!;
      const learner = await createAccount({ label: `buyer-${provider}` });
      await addToCartOffline(page, course);

      await expect(page.locator(`[data-testid="cart-line"][data-course-id="${course.id}"]`)).toHaveAttribute("data-status", "ok");
      await expect(page.getByTestId("cart-total")).toBeVisible();
      await page.getByTestId("sign-in-to-checkout").click();
      await page.getByLabel(zh.Auth.login).fill(learner.email);
      await page.getByLabel(zh.Auth.password).fill("Passw0rd!demo");
      await page.getByRole("button", { name: zh.Auth.signIn, exact: true }).click();
      await page.waitForURL("**/cart");
      // The cart survived signing in.
      await expect(page.locator(`[data-testid="cart-line"][data-course-id="${course.id}"]`)).toHaveAttribute("data-status", "ok");
      await page.getByTestId("checkout").click();
      // The review step: nothing is ordered until the learner agrees to the terms and places the order.
      await expect(page.getByTestId("cart-review")).toBeVisible();
      await page.getByTestId("accept-terms").check();
      await page.getByTestId("place-order").click();
      await page.waitForURL(/\/orders\/\d+\/pay$/);
      const orderNo = /\/orders\/(\d+)\/pay/.exec(page.url())![1]!;
      await expect(page.getByTestId("cart-count")).toHaveCount(0);

      await payAt(page, provider);
      const [order] = await query<{ status: string; provider: string }>("SELECT status, provider FROM orders WHERE order_no = ?", [orderNo]);
      expect(order).toMatchObject({ status: "paid", provider });
      const enrolled = await query<{ n: number }>("SELECT COUNT(*) AS n FROM enrolments WHERE user_id = ? AND course_id = ?", [learner.id, course.id]);
      expect(Number(enrolled[0]!.n)).toBe(1);

      await page.getByTestId("go-my-courses").click();
      await expect(page.getByRole("main")).toContainText(course.title);
    });
  }
});

test("a visitor is sent to sign in before checking out, and the API refuses them", async ({ page, request }) => {
  await page.goto("/cart");
  await expect(page.getByText(zh.Cart.empty)).toBeVisible();
  const res = await request.post("/api/v1/orders", { data: { courseIds: [1], accept_terms: true } });
  expect(res.status()).toBe(401);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
});

test("checkout refuses a client's total that no longer holds, and shows the new price", async ({ page }) => {
  const [course] = await paidCourses(5).then((rows) => rows.slice(4));
  const learner = await createAccount({ label: "reprice" });
  await signIn(page, learner.email);
  await page.goto(`/courses/${course!.slug}`);
  await page.getByTestId("add-to-cart").click();
  await page.goto("/cart");
  await expect(page.getByTestId("cart-total")).toBeVisible();
  const res = await page.request.post("/api/v1/orders", { data: { courseIds: [course!.id], expectedTotalFen: 1, accept_terms: true } });
  expect(res.status()).toBe(409);
  const body = (await res.json()) as { error: { code: string; details: { quote: { totalFen: number } } } };
  expect(body.error.code).toBe("PRICE_CHANGED");
  expect(body.error.details.quote.totalFen).toBeGreaterThan(1);
  const placed = await query<{ n: number }>("SELECT COUNT(*) AS n FROM orders WHERE user_id = ?", [learner.id]);
  expect(Number(placed[0]!.n)).toBe(0);
});
