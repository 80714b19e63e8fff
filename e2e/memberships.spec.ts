// Memberships end to end in Chromium: a learner buys a monthly membership with WeChat Pay through the sandbox,
// pays member prices and opens a course included in membership, renews with Alipay and sees the end date move
// a month further; then the learner's clock is moved past the end (the suite's test hook, lib/clock.ts), the
// worker's sweep runs, the course closes and prices return to normal. Also: what the checkout refuses.
import { expect, test, type Page } from "@playwright/test";
import { createAccount, signIn } from "./support/auth";
import { runMembershipSweep, setLearnerClock } from "./support/clock";
import { query } from "./support/db";
import { payAt } from "./support/pay";

const DAY = 86_400_000;

interface IncludedCourse {
  id: number;
  slug: string;
  priceFen: number;
  memberPriceFen: number;
  lessonId: number;
}

/** A seeded course included in membership, with a member price and a lesson that is not a free preview. */
async function includedCourse(): Promise<IncludedCourse> {
  const [row] = await query<{ id: number; slug: string; price_fen: number; member_price_fen: number; lesson_id: number }>(
    `SELECT c.id, c.slug, c.price_fen, c.member_price_fen, MIN(l.id) AS lesson_id
       FROM courses c JOIN lessons l ON l.course_id = c.id AND l.is_free_preview = 0
      WHERE c.status = 'published' AND c.included_in_membership = 1 AND c.member_price_fen < c.price_fen
      GROUP BY c.id ORDER BY c.id LIMIT 1`,
  );
  expect(row, "the seed includes a course in membership").toBeDefined();
  return { id: Number(row!.id), slug: row!.slug, priceFen: Number(row!.price_fen), memberPriceFen: Number(row!.member_price_fen), lessonId: Number(row!.lesson_id) };
}

async function membershipEnd(userId: number): Promise<Date> {
  const [row] = await query<{ expires_at: Date }>("SELECT expires_at FROM memberships WHERE user_id = ?", [userId]);
  return new Date(row!.expires_at);
}

async function priceFor(page: Page, courseId: number): Promise<{ member: boolean; priceFen: number }> {
  const res = await page.request.post("/api/v1/cart/quote", { data: { courseIds: [courseId] } });
  expect(res.status()).toBe(200);
  const { data } = (await res.json()) as { data: { member: boolean; lines: Array<{ priceFen: number }> } };
  return { member: data.member, priceFen: data.lines[0]!.priceFen };
}

async function buyMonthly(page: Page, provider: "wechat" | "alipay"): Promise<string> {
  await page.goto("/membership");
  await page.getByTestId("buy-monthly").click();
  await expect(page.getByTestId("membership-checkout")).toBeVisible();
  await page.getByTestId("accept-terms").check();
  await page.getByTestId("place-order").click();
  await page.waitForURL(/\/orders\/\d+\/pay$/);
  const orderNo = /\/orders\/(\d+)\/pay/.exec(page.url())![1]!;
  await payAt(page, provider);
  return orderNo;
}

test("a monthly membership bought with WeChat Pay opens member prices and an included course; a renewal with Alipay extends it; when it runs out both close", async ({ page }) => {
  test.setTimeout(180_000);
  const course = await includedCourse();
  const learner = await createAccount({ label: "member" });
  await signIn(page, learner.email);
  try {
    // Not a member yet: list price, and the course page says membership opens the course.
    expect(await priceFor(page, course.id)).toEqual({ member: false, priceFen: course.priceFen });
    await page.goto(`/courses/${course.slug}`);
    await expect(page.getByTestId("included-in-membership")).toBeVisible();

    const first = await buyMonthly(page, "wechat");
    const [order] = await query<{ status: string; provider: string; source: string }>("SELECT status, provider, source FROM orders WHERE order_no = ?", [first]);
    expect(order).toMatchObject({ status: "paid", provider: "wechat", source: "membership" });
    const end1 = await membershipEnd(learner.id);
    expect(Math.abs(end1.getTime() - (Date.now() + 30 * DAY))).toBeLessThan(5 * 60_000);

    // A member: member prices, and the included course opens with one click.
    expect(await priceFor(page, course.id)).toEqual({ member: true, priceFen: course.memberPriceFen });
    await page.goto(`/courses/${course.slug}`);
    await page.getByTestId("join-with-membership").click();
    await expect(page.getByTestId("enrolled-note")).toBeVisible();
    await page.goto(`/courses/${course.slug}/lessons/${course.lessonId}`);
    await expect(page.getByTestId("lesson-page")).toHaveAttribute("data-access", "enrolled");

    // Renewing a month before the end extends from the end, not from today.
    await page.goto("/account/membership");
    await expect(page.getByTestId("my-membership")).toBeVisible();
    await buyMonthly(page, "alipay");
    const end2 = await membershipEnd(learner.id);
    expect(end2.getTime() - end1.getTime()).toBe(30 * DAY);
    await page.goto("/account/membership");
    await expect(page.getByTestId("membership-history").locator("tbody tr")).toHaveCount(2);
    await expect(page.getByTestId("my-membership-end")).toHaveText(/\d/);

    // Move the learner's clock a minute past the end; the worker's sweep turns them back into a learner.
    const past = end2.getTime() + 60_000;
    await setLearnerClock(learner.id, past - Date.now());
    const swept = await runMembershipSweep(new Date(past));
    expect(swept.downgraded).toBeGreaterThanOrEqual(1);
    const [ended] = await query<{ ended_at: Date | null }>("SELECT ended_at FROM memberships WHERE user_id = ?", [learner.id]);
    expect(ended!.ended_at).not.toBeNull();
    const held = await query<{ n: number }>("SELECT COUNT(*) AS n FROM enrolments WHERE user_id = ? AND course_id = ?", [learner.id, course.id]);
    expect(Number(held[0]!.n)).toBe(0);

    await page.goto(`/courses/${course.slug}/lessons/${course.lessonId}`);
    await expect(page.getByTestId("lesson-page")).toHaveAttribute("data-access", "locked");
    expect(await priceFor(page, course.id)).toEqual({ member: false, priceFen: course.priceFen });
    await page.goto("/membership");
    await expect(page.getByTestId("membership-status")).toContainText("已到期");
  } finally {
    await setLearnerClock(learner.id, 0);
  }
});

test("the membership checkout refuses a visitor, a changed price, a coupon not open to plans, a missing consent and an unknown plan, writing no order", async ({ page, request }) => {
  const learner = await createAccount({ label: "member-bad" });
  const [plan] = await query<{ id: number; price_fen: number }>("SELECT id, price_fen FROM membership_plans WHERE period = 'monthly'");
  const visitor = await request.post("/api/v1/membership/orders", { data: { planId: Number(plan!.id), accept_terms: true } });
  expect(visitor.status()).toBe(401);

  await signIn(page, learner.email);
  const place = (data: Record<string, unknown>) => page.request.post("/api/v1/membership/orders", { data: { planId: Number(plan!.id), accept_terms: true, ...data } });
  const changed = await place({ expectedTotalFen: Number(plan!.price_fen) - 1 });
  expect(changed.status()).toBe(409);
  const body = (await changed.json()) as { error: { code: string; details: { quote: { totalFen: number } } } };
  expect(body.error.code).toBe("PRICE_CHANGED");
  expect(body.error.details.quote.totalFen).toBe(Number(plan!.price_fen));

  const coupon = await place({ coupon: "WELCOME50" });
  expect(coupon.status()).toBe(409);
  expect(((await coupon.json()) as { error: { code: string; details: { reason: string } } }).error).toMatchObject({ code: "COUPON_INVALID", details: { reason: "not_applicable" } });

  const noTerms = await page.request.post("/api/v1/membership/orders", { data: { planId: Number(plan!.id) } });
  expect(noTerms.status()).toBe(422);
  const unknown = await place({ planId: 999_999_999 });
  expect(unknown.status()).toBe(404);

  const orders = await query<{ n: number }>("SELECT COUNT(*) AS n FROM orders WHERE user_id = ?", [learner.id]);
  expect(Number(orders[0]!.n)).toBe(0);

  // The page shows the coupon's refusal in words.
  await page.goto(`/membership/checkout?plan=${plan!.id}`);
  await page.getByTestId("checkout-coupon").fill("WELCOME50");
  await page.getByTestId("apply-coupon").click();
  await expect(page.getByText("不适用于会员套餐")).toBeVisible();
});
