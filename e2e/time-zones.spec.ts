// One rule for times: every time a person sees is in their own time zone, with the zone written beside it.
// The same flash-sale deadline is checked in a browser in UTC and in one in Asia/Shanghai: the marketing admin
// types the sale's window in their own zone (the form says which, and the server reads it so), the admin list
// and the learner's flash-sale page show that window, and the won seat's pay-before time reads the same on the
// flash-sale page, the pay page and the orders list. Before, the flash-sale pages used the browser's zone and
// the pay page China time, unlabelled: 13:55 in one place, 21:55 in the other.
import { expect, test, type Browser, type Page } from "@playwright/test";
import en from "../lib/i18n/messages/en.json";
import zh from "../lib/i18n/messages/zh-CN.json";
import { formats } from "../lib/i18n/config";
import { createAccount, signIn as signInZh } from "./support/auth";
import { query } from "./support/db";

const CASES = [
  { timeZone: "UTC", locale: "en", label: "UTC", messages: en },
  { timeZone: "Asia/Shanghai", locale: "zh-CN", label: "GMT+8", messages: zh },
] as const;

/** What the site's named format writes for an instant in a zone (Node's ICU matches the server's). */
const zoned = (at: Date, locale: string, timeZone: string) => new Intl.DateTimeFormat(locale, { ...formats.dateTime.zoned, timeZone }).format(at);

/** A `datetime-local` value on the wall clock of `timeZone`. */
function wallClock(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const baseURL = () => process.env.E2E_BASE_URL ?? "http://localhost:3100";

async function pageIn(browser: Browser, timeZone: string, locale: string) {
  const context = await browser.newContext({ timezoneId: timeZone, locale });
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL() }]);
  return context.newPage();
}

/** Signs in through the form (the helper reads its Chinese labels), then goes on in the page's own language. */
async function signIn(page: Page, login: string, returnTo?: string): Promise<void> {
  const locale = (await page.context().cookies()).find((k) => k.name === "NEXT_LOCALE")?.value ?? "zh-CN";
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL() }]);
  await signInZh(page, login, returnTo);
  if (locale !== "zh-CN") {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL() }]);
    if (returnTo) await page.reload();
  }
}

for (const [i, c] of CASES.entries()) {
  test(`a flash sale's times and its pay-before time read the same everywhere in ${c.timeZone}, labelled`, async ({ browser }) => {
    test.setTimeout(90_000);
    const m = c.messages;
    // Seeded courses of this test's own (the flash-sale spec sells the first one).
    const [course] = await query<{ id: number; title: string }>("SELECT id, title FROM courses WHERE status = 'published' AND price_fen > 0 ORDER BY id ASC LIMIT 1 OFFSET ?", [7 + i]);

    // The admin types the window on their own wall clock; the form states the zone and the server honours it.
    const admin = await createAccount({ roles: ["marketing_admin"], label: `tz-admin-${i}` });
    const adminPage = await pageIn(browser, c.timeZone, c.locale);
    await signIn(adminPage, admin.email, "/admin/seckill/new");
    await expect(adminPage.getByTestId("sale-starts-at")).toHaveAccessibleDescription(new RegExp(`${c.timeZone}.*${c.label.replace("+", "\\+")}`));
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    const startsAt = new Date(minute - 2 * 60_000);
    const endsAt = new Date(minute + 60 * 60_000);
    await adminPage.locator('select[name="courseId"]').selectOption(String(course!.id));
    await adminPage.getByLabel(m.AdminSeckill.price, { exact: true }).fill("19.90");
    await adminPage.getByLabel(m.AdminSeckill.seats, { exact: true }).fill("3");
    await adminPage.getByTestId("sale-starts-at").fill(wallClock(startsAt, c.timeZone));
    await adminPage.getByTestId("sale-ends-at").fill(wallClock(endsAt, c.timeZone));
    await adminPage.getByRole("button", { name: m.AdminSeckill.create }).click();
    await adminPage.waitForURL(/\/admin\/seckill\/\d+\?created=1$/);
    const saleId = Number(/\/admin\/seckill\/(\d+)/.exec(adminPage.url())![1]);
    const [sale] = await query<{ starts_at: Date; ends_at: Date }>("SELECT starts_at, ends_at FROM seckill_sales WHERE id = ?", [saleId]);
    expect(new Date(sale!.starts_at).toISOString()).toBe(startsAt.toISOString());
    expect(new Date(sale!.ends_at).toISOString()).toBe(endsAt.toISOString());
    // The edit form shows the same wall-clock times back.
    await expect(adminPage.getByTestId("sale-starts-at")).toHaveValue(wallClock(startsAt, c.timeZone));

    const start = zoned(startsAt, c.locale, c.timeZone);
    const end = zoned(endsAt, c.locale, c.timeZone);
    expect(end).toContain(c.label);
    await adminPage.goto("/admin/seckill");
    await expect(adminPage.getByTestId("sale-window").filter({ hasText: start }).first()).toContainText(end);
    await adminPage.context().close();

    // The learner: the sale's window, then a won seat's deadline on three pages.
    const learner = await createAccount({ label: `tz-learner-${i}` });
    const page = await pageIn(browser, c.timeZone, c.locale);
    await signIn(page, learner.email, `/seckill/${saleId}`);
    // The browser told the server its zone.
    expect((await page.context().cookies()).find((k) => k.name === "tz")?.value).toBe(c.timeZone);
    await expect(page.getByTestId("sale-window")).toHaveText(m.Seckill.window.replace("{start}", start).replace("{end}", end));
    await page.getByRole("button", { name: m.Seckill.grab }).click();
    const won = page.getByTestId("seckill-pay-before");
    await expect(won).toBeVisible();
    const orderNo = /\/orders\/(\d+)\/pay/.exec((await page.getByTestId("seckill-outcome").getByRole("link").getAttribute("href"))!)![1]!;
    await expect.poll(async () => (await query("SELECT 1 FROM orders WHERE order_no = ?", [orderNo])).length, { timeout: 20_000 }).toBe(1);
    const [order] = await query<{ pay_before: Date }>("SELECT pay_before FROM orders WHERE order_no = ?", [orderNo]);
    const deadline = zoned(new Date(order!.pay_before), c.locale, c.timeZone);
    expect(deadline).toContain(c.label);
    await expect(won).toContainText(deadline);

    await page.goto(`/orders/${orderNo}/pay`);
    await expect(page.getByTestId("pay-before")).toHaveText(m.Orders.payBefore.replace("{time}", deadline));
    await page.goto("/orders");
    await expect(page.locator(`[data-testid="order-row"][data-order-no="${orderNo}"]`).getByTestId("order-pay-before")).toHaveText(m.Orders.payBefore.replace("{time}", deadline));
    await page.context().close();
  });
}

test("a first visit from another zone is shown in that zone after one refresh", async ({ browser }) => {
  const learner = await createAccount({ label: "tz-first" });
  const [course] = await query<{ id: number }>("SELECT id FROM courses WHERE status = 'published' AND price_fen > 0 ORDER BY id ASC LIMIT 1 OFFSET 9");
  const page = await pageIn(browser, "America/New_York", "en");
  await signIn(page, learner.email);
  // An order placed through the API from this session, then "My orders" in a fresh tab of the same browser.
  const placed = await page.request.post("/api/v1/orders", { data: { courseIds: [course!.id], accept_terms: true } });
  expect(placed.status()).toBe(201);
  const { orderNo, payBefore } = ((await placed.json()) as { data: { orderNo: string; payBefore: string } }).data;
  await page.context().clearCookies({ name: "tz" });
  await page.goto("/orders");
  // Rendered first in China time (no cookie yet), then again in the browser's zone.
  await expect(page.locator(`[data-order-no="${orderNo}"]`).getByTestId("order-pay-before")).toContainText(zoned(new Date(payBefore), "en", "America/New_York"));
  expect((await page.context().cookies()).find((k) => k.name === "tz")?.value).toBe("America/New_York");
  // The refresh that brought the new zone left the head as it was: one title, one description.
  await expect(page.locator("head title")).toHaveCount(1);
  await expect(page.locator('head meta[name="description"]')).toHaveCount(1);

  // The account page's sessions follow the same rule: when this browser signed in, in New York time, labelled.
  await page.goto("/account");
  const current = page.locator('[data-testid="session"][data-current]').locator("time").first();
  const signedInAt = new Date((await current.getAttribute("datetime"))!);
  await expect(current).toHaveText(zoned(signedInAt, "en", "America/New_York"));
  await page.context().close();
});

test("the cached catalogue pages hold no time at all, so one copy serves every zone", async ({ request }) => {
  const [course] = await query<{ slug: string }>("SELECT slug FROM courses WHERE status = 'published' ORDER BY id ASC LIMIT 1");
  for (const path of ["/courses", `/courses/${course!.slug}`]) {
    // What the page shows (its scripts carry the client messages, which mention zones but show no time).
    const html = (await (await request.get(path)).text()).replace(/<script\b[\s\S]*?<\/script>/g, "");
    expect(html, path).not.toMatch(/<time\b/);
    expect(html, path).not.toMatch(/\b(GMT[+-]\d|UTC\b)/);
  }
});
