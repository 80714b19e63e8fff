// Buying, as a learner meets it in their first hour: the cart's lines (cover, teacher, price, member price)
// with the order summary clear of the footer; a review step that requires agreeing to the Terms of Service
// and the Privacy Policy before anything is ordered; the pay page (provider cards whose selected state is not
// an error, a live countdown, a way back from the QR code, time up); the return page's heading once paid; and
// the status tabs of "My orders" without JavaScript. Layouts are checked at 390 and 1280 px in both languages.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import en from "../lib/i18n/messages/en.json";
import zh from "../lib/i18n/messages/zh-CN.json";
import { formatFen } from "../lib/catalogue/format";
import { createAccount, signIn as signInZh } from "./support/auth";
import { query } from "./support/db";

type Messages = typeof zh;
const LANGUAGES = [
  ["zh-CN", zh],
  ["en", en],
] as const;
const baseURL = () => process.env.E2E_BASE_URL ?? "http://localhost:3100";
const sandboxUrl = () => (process.env.ALIPAY_GATEWAY_URL ? new URL(process.env.ALIPAY_GATEWAY_URL).origin : `http://127.0.0.1:${process.env.XUEFU_TEST_PAYMENT_PORT ?? "8108"}`);

interface CourseRow {
  id: number;
  title: string;
  price_fen: number;
  member_price_fen: number | null;
  teacher: string;
}

/** Seeded paid courses that have a member price, `n` of them from `offset` (tests take their own). */
function memberPricedCourses(n: number, offset: number): Promise<CourseRow[]> {
  return query<CourseRow>(
    `SELECT c.id, c.title, c.price_fen, c.member_price_fen, t.name AS teacher FROM courses c JOIN teachers t ON t.id = c.teacher_id
     WHERE c.status = 'published' AND c.price_fen > 0 AND c.member_price_fen IS NOT NULL AND c.member_price_fen < c.price_fen ORDER BY c.id LIMIT ? OFFSET ?`,
    [n, offset],
  );
}

async function newPage(browser: Browser, locale: string, width = 1280, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled });
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL() }]);
  return context.newPage();
}

/** Signs in through the form (the helper reads its Chinese labels), then goes on in the page's own language. */
async function signIn(page: Page, login: string): Promise<void> {
  const locale = (await page.context().cookies()).find((k) => k.name === "NEXT_LOCALE")?.value ?? "zh-CN";
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL() }]);
  await signInZh(page, login);
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL() }]);
}

async function fillCart(page: Page, ids: number[]): Promise<void> {
  await page.evaluate((courseIds) => {
    localStorage.setItem("xuefu-cart", JSON.stringify({ state: { items: courseIds.map((courseId) => ({ courseId, addedAt: new Date().toISOString() })) }, version: 2 }));
  }, ids);
}

/** Places an order through the API with the page's session (the learner agreed to the terms). */
async function placeOrder(page: Page, courseIds: number[]): Promise<{ orderNo: string; payBefore: string }> {
  const res = await page.request.post("/api/v1/orders", { data: { courseIds, accept_terms: true } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { data: { orderNo: string; payBefore: string } }).data;
}

type Box = { top: number; bottom: number; left: number; right: number };
const box = (page: Page, selector: string): Promise<Box> =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, left: r.left, right: r.right };
  });
const overlaps = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scrollWidth, width } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scrollWidth, `${label}: no sideways scrolling`).toBeLessThanOrEqual(width);
}

for (const [locale, t] of LANGUAGES) {
  test(`cart lines show cover, teacher and prices, and the summary keeps clear of the footer at 390 and 1280 px (${locale})`, async ({ browser }) => {
    test.slow(); // two widths, a membership, a sign-in
    const courses = await memberPricedCourses(6, locale === "en" ? 6 : 0);
    const learner = await createAccount({ label: `cart-ux-${locale}` });
    const page = await newPage(browser, locale);
    await signIn(page, learner.email);
    await fillCart(page, courses.map((c) => c.id));
    await page.goto("/cart");
    await expect(page.getByTestId("cart-total")).toBeVisible();
    const money = (fen: number) => formatFen(fen, locale);

    for (const c of courses) {
      const line = page.locator(`[data-testid="cart-line"][data-course-id="${c.id}"]`);
      await expect(line).toHaveAttribute("data-status", "ok");
      await expect(line.getByTestId("cart-teacher")).toHaveText(t.Cart.teacher.replace("{name}", c.teacher));
      await expect(line.getByTestId("cart-price")).toHaveText(money(c.price_fen));
      // Not a member: what members pay, as an offer.
      await expect(line.getByTestId("cart-member-price")).toHaveText(t.Cart.memberPriceIs.replace("{price}", money(c.member_price_fen!)));
      // The generated cover (the catalogue's gradient), not an empty tile.
      expect(await line.getByTestId("cart-thumb").evaluate((el) => getComputedStyle(el).backgroundImage)).toContain("gradient");
    }

    for (const width of [1280, 390]) {
      const label = `${locale} ${width}px`;
      await page.setViewportSize({ width, height: 800 });
      await expectNoSidewaysScroll(page, label);
      // Within a line, the cover, the title block and the price never cover each other.
      const line = `[data-testid="cart-line"][data-course-id="${courses[0]!.id}"]`;
      const [thumb, title, price] = await Promise.all([box(page, `${line} [data-testid="cart-thumb"]`), box(page, `${line} h2`), box(page, `${line} [data-testid="cart-price"]`)]);
      expect(overlaps(thumb, title) || overlaps(thumb, price) || overlaps(title, price), `${label}: line parts apart`).toBe(false);

      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const [summary, footer, lines] = await Promise.all([box(page, '[data-testid="cart-summary"]'), box(page, "footer"), box(page, '[data-testid="cart-lines"]')]);
      expect(summary.bottom, `${label}: the summary ends above the footer`).toBeLessThanOrEqual(footer.top);
      if (width === 1280) {
        // Sticky beside the lines: halfway down, it is still in view below the header, and stops with its row.
        await page.evaluate(() => window.scrollTo(0, 300));
        const header = await page.locator("header").first().evaluate((el) => el.getBoundingClientRect().bottom);
        const inView = await page.getByTestId("cart-summary").evaluate((el) => el.getBoundingClientRect().top);
        expect(inView, `${label}: summary stuck below the header`).toBeGreaterThanOrEqual(header - 0.5);
        expect(inView, `${label}: summary in view`).toBeLessThan(200);
        expect(summary.left, `${label}: summary beside the lines`).toBeGreaterThanOrEqual(lines.right - 0.5);
      } else {
        expect(summary.top, `${label}: summary after the lines`).toBeGreaterThanOrEqual(lines.bottom - 0.5);
      }
    }

    if (locale === "zh-CN") {
      // A member pays the member price, with the list price struck through.
      await query("INSERT INTO memberships (user_id, expires_at, created_at, updated_at) VALUES (?, NOW(3) + INTERVAL 1 DAY, NOW(3), NOW(3))", [learner.id]);
      await page.reload();
      const line = page.locator(`[data-testid="cart-line"][data-course-id="${courses[0]!.id}"]`);
      await expect(line.getByTestId("cart-price")).toHaveText(money(courses[0]!.member_price_fen!));
      await expect(line.getByTestId("cart-list-price")).toHaveText(t.Cart.listPrice.replace("{price}", money(courses[0]!.price_fen)));
      expect(await line.getByTestId("cart-list-price").evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe("line-through");
    }
    await page.context().close();
  });
}

test("nothing is ordered until the learner reviews the order and agrees to the terms", async ({ browser }) => {
  const courses = await memberPricedCourses(2, 12);
  const learner = await createAccount({ label: "review" });
  const code = `E2E${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`;
  await query("INSERT INTO coupons (code, kind, value, starts_at, ends_at, created_at, updated_at) VALUES (?, 'fixed', 1000, NOW(3) - INTERVAL 1 HOUR, NOW(3) + INTERVAL 1 DAY, NOW(3), NOW(3))", [code]);
  const page = await newPage(browser, "zh-CN");
  await signIn(page, learner.email);
  await fillCart(page, courses.map((c) => c.id));
  await page.goto("/cart");
  await page.getByTestId("coupon-input").fill(code);
  await page.getByRole("button", { name: zh.Cart.applyCoupon }).click();
  await expect(page.getByText(zh.Cart.couponApplied.replace("{code}", code))).toBeVisible();
  const total = await page.getByTestId("cart-total").textContent();

  await page.getByTestId("checkout").click();
  await expect(page).toHaveURL(/\/cart\?step=review$/);
  const review = page.getByTestId("cart-review");
  await expect(review.getByRole("heading", { name: zh.Cart.reviewTitle })).toBeFocused();
  await expect(review.getByTestId("review-items").locator("li")).toHaveCount(2);
  await expect(review.getByText(zh.Cart.couponLine.replace("{code}", code))).toBeVisible();
  await expect(review.getByTestId("review-total")).toHaveText(total!);
  await expect(review.getByRole("link", { name: "《用户协议》" })).toHaveAttribute("href", "/terms");
  await expect(review.getByRole("link", { name: "《隐私政策》" })).toHaveAttribute("href", "/privacy");
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await expectNoSidewaysScroll(page, `review ${width}px`);
  }

  // Without the box ticked: told why, and nothing is written.
  await page.getByTestId("place-order").click();
  await expect(review.getByRole("alert")).toHaveText(zh.Cart.agreeRequired);
  await expect(page.getByTestId("accept-terms")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("accept-terms")).toBeFocused();
  expect(await query("SELECT id FROM orders WHERE user_id = ?", [learner.id])).toHaveLength(0);
  // The API refuses it too, with a field error.
  const refused = await page.request.post("/api/v1/orders", { data: { courseIds: [courses[0]!.id] } });
  expect(refused.status()).toBe(422);
  expect(((await refused.json()) as { error: { details: Record<string, string[]> } }).error.details.accept_terms).toBeDefined();

  // The browser's back button returns to the cart; going on again and agreeing places the order.
  await page.goBack();
  await expect(page.getByTestId("checkout")).toBeVisible();
  await expect(page.getByTestId("cart-review")).toHaveCount(0);
  await page.getByTestId("checkout").click();
  await page.getByTestId("accept-terms").check();
  await page.getByTestId("place-order").click();
  await page.waitForURL(/\/orders\/\d+\/pay$/);
  const [order] = await query<{ status: string; discount_fen: number }>("SELECT status, discount_fen FROM orders WHERE user_id = ?", [learner.id]);
  expect(order).toMatchObject({ status: "pending", discount_fen: 1000 });
  await page.context().close();
});

test("the pay page: provider cards with a calm selected state, a live countdown, back from the QR code, and time up", async ({ browser }) => {
  test.slow(); // a sign-in, an order, two widths, the QR code and a reload: 23 s of its 30 on a quiet machine
  const [course] = await memberPricedCourses(1, 14);
  const learner = await createAccount({ label: "pay-page" });
  const page = await newPage(browser, "en", 390);
  await signIn(page, learner.email);
  const { orderNo } = await placeOrder(page, [course!.id]);
  await page.goto(`/orders/${orderNo}/pay`);

  const alipay = page.getByRole("radio", { name: en.Orders.provider_alipay });
  const wechat = page.getByRole("radio", { name: en.Orders.provider_wechat });
  await expect(alipay).toBeChecked();
  await page.getByTestId("provider-card-wechat").click();
  await expect(wechat).toBeChecked();
  await expect(alipay).not.toBeChecked();
  for (const p of ["alipay", "wechat", "unionpay"]) await expect(page.getByTestId(`provider-mark-${p}`)).toBeVisible();
  // Selected in the brand colour (#4338ca) with a check mark: not the red of an error. (Polled: it fades in.)
  const colours = (p: string) =>
    page.getByTestId(`provider-card-${p}`).evaluate((el) => `${getComputedStyle(el).borderTopColor} ${getComputedStyle(el.querySelector("svg")!.parentElement!).backgroundColor}`);
  await expect.poll(() => colours("wechat")).toBe("rgb(67, 56, 202) rgb(67, 56, 202)");
  await expect.poll(() => colours("alipay")).not.toContain("rgb(67, 56, 202)");

  // The countdown runs.
  const clock = page.getByTestId("pay-clock");
  await expect(clock).toHaveText(/^\d{2}:\d{2}$/);
  const first = await clock.textContent();
  await expect(clock).not.toHaveText(first!, { timeout: 4_000 });

  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await expectNoSidewaysScroll(page, `pay ${width}px`);
    const cards = await Promise.all(["alipay", "wechat", "unionpay"].map((p) => box(page, `[data-testid="provider-card-${p}"]`)));
    expect(overlaps(cards[0]!, cards[1]!) || overlaps(cards[1]!, cards[2]!), `pay ${width}px: cards apart`).toBe(false);
  }

  // WeChat's QR code, then back to the choice.
  await page.getByTestId("pay").click();
  await expect(page.getByTestId("wechat-qr")).toBeVisible();
  await page.getByRole("button", { name: en.Orders.useAnotherMethod }).click();
  await expect(wechat).toBeChecked();
  await expect(wechat).toBeFocused();
  await expect(page.getByTestId("wechat-qr")).toHaveCount(0);

  // Time runs out while the page is open: it says so and offers the order instead.
  await query("UPDATE orders SET pay_before = NOW(3) + INTERVAL 8 SECOND WHERE order_no = ?", [orderNo]);
  await page.reload();
  await expect(page.getByTestId("pay-clock")).toHaveText(/^00:0\d$/);
  await expect(page.getByTestId("pay-time-up")).toContainText(en.Orders.timeUp, { timeout: 15_000 });
  await expect(page.getByTestId("back-to-order")).toHaveAttribute("href", `/orders/${orderNo}`);
  await expect(page.getByTestId("pay")).toHaveCount(0);
  await page.context().close();
});

test("the return page's heading says paid once the payment is confirmed, and its link says what it opens", async ({ browser }) => {
  const [course] = await memberPricedCourses(1, 15);
  const learner = await createAccount({ label: "return-page" });
  const page = await newPage(browser, "zh-CN");
  await signIn(page, learner.email);
  const { orderNo } = await placeOrder(page, [course!.id]);
  expect((await page.request.post(`/api/v1/orders/${orderNo}/payments`, { data: { provider: "wechat" } })).status()).toBe(201);
  await page.goto(`/orders/${orderNo}/return?provider=wechat`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.Orders.confirmTitle);

  expect((await page.request.post(`${sandboxUrl()}/_sandbox/payments/wechat/${orderNo}/pay`, { data: {} })).status()).toBeLessThan(300);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.Orders.paidTitle, { timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.getByText(zh.Orders.confirming)).toHaveCount(0);
  await expect(page.getByRole("link", { name: zh.Orders.viewOrder })).toHaveAttribute("href", `/orders/${orderNo}`);
  await expect(page.getByRole("link", { name: zh.Orders.myCourses })).toHaveAttribute("href", "/account/courses");
  await expect(page).toHaveTitle(new RegExp(`^${zh.Orders.paidTitle}`));
  await page.context().close();
});

test('"My orders" has status tabs that work without JavaScript, with counts, aria-current and paging per tab', async ({ browser }) => {
  test.slow(); // fourteen orders, four layouts
  const courses = await query<{ id: number }>("SELECT id FROM courses WHERE status = 'published' AND price_fen > 0 ORDER BY id ASC LIMIT 14 OFFSET 30");
  const learner = await createAccount({ label: "order-tabs" });
  const signedIn = await newPage(browser, "zh-CN");
  await signIn(signedIn, learner.email);
  const orders = [];
  for (const c of courses) orders.push((await placeOrder(signedIn, [c.id])).orderNo);
  await query("UPDATE orders SET status = 'paid', paid_at = NOW(3) WHERE order_no = ?", [orders[0]]);
  await query("UPDATE orders SET status = 'refunded', paid_at = NOW(3) WHERE order_no = ?", [orders[1]]);
  const state = await signedIn.context().storageState();
  await signedIn.context().close();

  // Without JavaScript: the tabs are links, the filter is in the address.
  const context = await browser.newContext({ storageState: state, javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto("/orders");
  const tabs = page.getByRole("navigation", { name: zh.Orders.tabsLabel });
  const tab = (name: keyof Messages["Orders"]) => tabs.getByRole("link", { name: new RegExp(`^${zh.Orders[name]}`) });
  await expect(tab("tab_all")).toHaveAttribute("aria-current", "page");
  await expect(tab("tab_all")).toContainText("14");
  await expect(tab("tab_unpaid")).toContainText("12");
  await expect(tab("tab_paid")).toContainText("1");
  await expect(tab("tab_refunded")).toContainText("1");

  await tab("tab_unpaid").click();
  await expect(page).toHaveURL(/\/orders\?status=unpaid$/);
  await expect(tab("tab_unpaid")).toHaveAttribute("aria-current", "page");
  await expect(tab("tab_all")).not.toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("order-row")).toHaveCount(10);
  await expect(page.locator('[data-testid="order-row"]:not([data-status="pending"])')).toHaveCount(0);
  // Paging stays in the tab.
  await page.getByRole("link", { name: zh.Orders.next }).click();
  await expect(page).toHaveURL(/\/orders\?status=unpaid&page=2$/);
  await expect(page.getByTestId("order-row")).toHaveCount(2);
  await expect(tab("tab_unpaid")).toHaveAttribute("aria-current", "page");

  await tab("tab_refunded").click();
  await expect(page.getByTestId("order-row")).toHaveCount(1);
  await expect(page.getByTestId("order-row")).toHaveAttribute("data-status", "refunded");

  // A status the page does not know shows every order, with "all" as the current tab.
  await page.goto("/orders?status=shipped");
  await expect(tab("tab_all")).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("order-row")).toHaveCount(10);

  // One row of tabs, nothing sideways, in both languages at both widths.
  for (const [locale, t] of LANGUAGES) {
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL() }]);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto("/orders");
      await expect(page.getByRole("navigation", { name: t.Orders.tabsLabel })).toBeVisible();
      const tops = await page.getByTestId("order-tabs").locator("a").evaluateAll((links) => links.map((a) => Math.round(a.getBoundingClientRect().top)));
      expect(new Set(tops).size, `${locale} ${width}px: tabs on one row`).toBe(1);
      await expectNoSidewaysScroll(page, `orders ${locale} ${width}px`);
    }
  }
  await context.close();
});
