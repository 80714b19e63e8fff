// The site shell a learner meets in their first hour: a header that stays one tidy row at 390 and 1280 px in
// both languages (the search box keeping a usable width), the account menu behind the avatar (pointer,
// keyboard, without JavaScript), flash sales and the leaderboard reachable from the header and the home page,
// one search box on the home page, and search suggestions as a WAI-ARIA combobox.
import path from "node:path";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import en from "../lib/i18n/messages/en.json";
import zh from "../lib/i18n/messages/zh-CN.json";
import { createAccount, signIn } from "./support/auth";
import { query } from "./support/db";
import { openAccountMenu } from "./support/header";

type Messages = typeof zh;
const LANGUAGES: ReadonlyArray<readonly ["zh-CN" | "en", Messages]> = [
  ["zh-CN", zh],
  ["en", en],
];
const WIDTHS = [390, 1280] as const;

async function inLanguage(context: BrowserContext, baseURL: string | undefined, locale: string): Promise<void> {
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL ?? "http://localhost:3100" }]);
}

async function newPage(browser: Browser, baseURL: string | undefined, locale: string, width: number, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, ...options });
  await inLanguage(context, baseURL, locale);
  return context.newPage();
}

/** Signs in through the (Chinese) sign-in form, then shows the page again in `locale`. */
async function signInTo(page: Page, baseURL: string | undefined, email: string, locale: string): Promise<void> {
  await inLanguage(page.context(), baseURL, "zh-CN");
  await signIn(page, email);
  await inLanguage(page.context(), baseURL, locale);
  await page.reload();
}

/** The boxes of the header row's visible controls (logo and every shown item of the navigation). */
async function headerRow(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector("header")!;
    const boxes = [header.querySelector("a[href='/']")!, ...header.querySelectorAll("[data-testid='header-row'] > li")]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ top: r.top, bottom: r.bottom, centre: (r.top + r.bottom) / 2, left: r.left, right: r.right }));
    return { boxes, viewport: window.innerWidth, scrollWidth: document.documentElement.scrollWidth };
  });
}

async function expectOneTidyRow(page: Page, label: string): Promise<void> {
  const { boxes, viewport, scrollWidth } = await headerRow(page);
  expect(boxes.length, label).toBeGreaterThanOrEqual(4);
  const centres = boxes.map((b) => b.centre);
  // One row: every control's middle on the same line, give or take a couple of pixels.
  expect(Math.max(...centres) - Math.min(...centres), `${label}: header controls on one line`).toBeLessThanOrEqual(4);
  for (const b of boxes) expect(b.right, `${label}: inside the screen`).toBeLessThanOrEqual(viewport + 0.5);
  for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left, `${label}: no overlap`).toBeGreaterThanOrEqual(boxes[i - 1]!.right - 0.5);
  expect(scrollWidth, `${label}: no sideways scrolling`).toBeLessThanOrEqual(viewport);
}

for (const [locale, t] of LANGUAGES) {
  test(`the header is one tidy row with a usable search box at 390 and 1280 px (${locale})`, async ({ browser, baseURL }) => {
    test.slow(); // four layouts, a sign-in, two widths
    const page = await newPage(browser, baseURL, locale, 1280);
    const account = await createAccount({ label: "shell-row", name: locale === "en" ? "Alexandra Longname-Smith" : "欧阳清扬" });
    for (const signedIn of [false, true]) {
      if (signedIn) await signInTo(page, baseURL, account.email, locale);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto("/courses");
        const label = `${locale} ${width}px ${signedIn ? "signed in" : "visitor"}`;
        const banner = page.getByRole("banner");
        const search = banner.getByRole("combobox", { name: t.Search.label });
        await expect(search).toBeVisible();
        await expectOneTidyRow(page, label);
        const box = (await search.boundingBox())!;
        // Wide enough for the placeholder ("Search courses, teachers, skills") at 1280; the full row on a phone.
        expect(box.width, `${label}: search box width`).toBeGreaterThanOrEqual(width === 1280 ? 300 : 260);
        if (width === 1280) {
          for (const name of [t.Header.catalogue, t.Header.seckill, t.Header.leaderboard]) await expect(banner.getByRole("link", { name, exact: true })).toBeVisible();
          await expect(page.getByTestId("site-menu-button")).toBeHidden();
        } else {
          // The sections wait in the menu (☰); the search box has the row under the header's row.
          await expect(banner.getByRole("link", { name: t.Header.seckill, exact: true })).toBeHidden();
          await expect(page.getByTestId("site-menu-button")).toBeVisible();
          const rowBottom = Math.max(...(await headerRow(page)).boxes.map((b) => b.bottom));
          expect(box.y, `${label}: search under the row`).toBeGreaterThanOrEqual(rowBottom);
        }
        if (signedIn) {
          await expect(page.getByTestId("account-menu-button")).toBeVisible();
          await expect(page.getByTestId("account-menu").getByRole("button", { name: t.Header.signOut })).toBeHidden();
        } else {
          await expect(banner.getByRole("link", { name: t.Header.signIn })).toBeVisible();
        }
      }
    }
    await page.context().close();
  });
}

test("the account menu opens from the avatar, works by pointer and keyboard, and holds the account's links", async ({ browser, baseURL }) => {
  test.slow();
  for (const [locale, width] of [
    ["zh-CN", 1280],
    ["en", 390],
  ] as const) {
    const t = locale === "en" ? en : zh;
    const page = await newPage(browser, baseURL, locale, width);
    const account = await createAccount({ label: "shell-menu", name: "Zoe 周" });
    await signInTo(page, baseURL, account.email, locale);
    const menu = page.getByTestId("account-menu");
    const button = page.getByTestId("account-menu-button");
    await expect(button).toHaveText("Z");
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(button).toHaveAttribute("aria-label", t.Header.accountMenu.replace("{name}", account.name));
    await expect(page.getByTestId("my-orders-link")).toBeHidden();

    // Pointer: opens, lists the links (no Admin for a learner), closes on a click outside.
    await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true");
    const panelId = await button.getAttribute("aria-controls");
    await expect(page.locator(`[id="${panelId}"]`)).toBeVisible();
    for (const id of ["my-courses-link", "my-orders-link", "account-link"]) await expect(menu.getByTestId(id)).toBeVisible();
    await expect(menu.getByTestId("admin-link")).toHaveCount(0);
    await expect(menu.getByTestId("account-name")).toHaveText(account.name);
    await page.mouse.click(5, 600);
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByTestId("my-orders-link")).toBeHidden();

    // Keyboard: Enter opens, Tab reaches the links, Escape closes and gives the focus back to the avatar.
    await button.focus();
    await page.keyboard.press("Enter");
    await expect(button).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("Tab");
    await expect(menu.getByTestId("my-courses-link")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(button).toBeFocused();

    // A link goes there and leaves the menu closed behind it.
    await openAccountMenu(page);
    await menu.getByTestId("my-orders-link").click();
    await expect(page).toHaveURL(/\/orders$/);
    await expect(button).toHaveAttribute("aria-expanded", "false");

    // Sign out is in the menu.
    await (await openAccountMenu(page)).getByRole("button", { name: t.Header.signOut }).click();
    await expect(page.getByRole("banner").getByRole("link", { name: t.Header.signIn })).toBeVisible();
    await page.context().close();
  }

  // Staff find Admin in the same menu.
  const staff = await createAccount({ label: "shell-admin", roles: ["course_admin"] });
  const page = await newPage(browser, baseURL, "zh-CN", 390);
  await signIn(page, staff.email);
  await openAccountMenu(page);
  await page.getByTestId("admin-link").click();
  await expect(page).toHaveURL(/\/admin/);
  await page.context().close();
});

test("without JavaScript the account menu and the phone menu still open, and search still searches", async ({ browser, baseURL }) => {
  const account = await createAccount({ label: "shell-nojs" });
  const withJs = await newPage(browser, baseURL, "zh-CN", 390);
  await signIn(withJs, account.email);
  const cookies = await withJs.context().cookies();
  await withJs.context().close();

  const page = await newPage(browser, baseURL, "zh-CN", 390, { javaScriptEnabled: false });
  await page.context().addCookies(cookies);
  await page.goto("/");
  await page.getByTestId("account-menu-button").click();
  await expect(page.getByTestId("my-courses-link")).toBeVisible();
  await page.getByTestId("site-menu-button").click();
  await expect(page.getByTestId("site-menu").getByRole("link", { name: zh.Header.leaderboard })).toBeVisible();

  const search = page.getByRole("banner").getByRole("combobox", { name: zh.Search.label });
  await search.fill("Python");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/courses\?q=Python/);
  await page.context().close();
});

test("flash sales and the leaderboard are one step away, from the header and from the home page", async ({ browser, baseURL }) => {
  test.slow();
  // A sale on now that started long ago and ends soon, so the band (live sales, soonest to end first) shows it
  // whatever sales other tests have made.
  const [course] = await query<{ id: number; title: string; price_fen: number }>("SELECT id, title, price_fen FROM courses WHERE status = 'published' AND price_fen >= 10000 ORDER BY id DESC LIMIT 1");
  await query(
    "INSERT INTO seckill_sales (course_id, price_fen, seats, seats_left, starts_at, ends_at, status, created_at, updated_at) VALUES (?, 100, 5, 5, NOW(3) - INTERVAL 30 DAY, NOW(3) + INTERVAL 10 MINUTE, 'active', NOW(3), NOW(3))",
    [course!.id],
  );
  const [sale] = await query<{ id: number }>("SELECT id FROM seckill_sales WHERE course_id = ? AND price_fen = 100 ORDER BY id DESC LIMIT 1", [course!.id]);

  for (const [locale, width] of [
    ["zh-CN", 1280],
    ["en", 390],
  ] as const) {
    const t = locale === "en" ? en : zh;
    const page = await newPage(browser, baseURL, locale, width);
    await page.goto("/");
    // The band reads a list cached for a few seconds: wait for it to include the new sale.
    const card = page.getByTestId("home-flash-sales").locator(`a[href="/seckill/${sale!.id}"]`);
    await expect(async () => {
      await page.reload();
      await expect(card).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(card).toContainText(course!.title);
    await expect(card).toHaveAttribute("data-phase", "live");
    await expect(card).toContainText(t.Home.flashLive);
    await expect(page.getByTestId("home-flash-sales").getByRole("link", { name: new RegExp(t.Home.flashAll) })).toHaveAttribute("href", "/seckill");
    await expect(page.getByTestId("home-leaderboard").getByRole("link", { name: t.Home.leaderboardCta })).toHaveAttribute("href", "/leaderboard");
    const { scrollWidth, viewport } = await headerRow(page);
    expect(scrollWidth).toBeLessThanOrEqual(viewport);

    const banner = page.getByRole("banner");
    if (width === 390) {
      await page.getByTestId("site-menu-button").click();
      await page.getByTestId("site-menu").getByRole("link", { name: t.Header.seckill }).click();
      await expect(page).toHaveURL(/\/seckill$/);
      await expect(page.getByTestId("site-menu-button")).toHaveAttribute("aria-expanded", "false");
      await page.getByTestId("site-menu-button").click();
      await page.getByTestId("site-menu").getByRole("link", { name: t.Header.leaderboard }).click();
    } else {
      await banner.getByRole("link", { name: t.Header.seckill, exact: true }).click();
      await expect(page).toHaveURL(/\/seckill$/);
      await banner.getByRole("link", { name: t.Header.leaderboard, exact: true }).click();
    }
    await expect(page).toHaveURL(/\/leaderboard$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.Leaderboard.title);
    await page.context().close();
  }
});

for (const [locale, t] of LANGUAGES) {
  test(`the home page has one search box, the header's, and results pages keep the query in it (${locale})`, async ({ browser, baseURL }) => {
    // Two widths, each with an axe-core pass and two page loads.
    test.slow();
    // axe-core comes with eslint-config-next's jsx-a11y plugin.
    const axeSource = path.join(process.cwd(), "node_modules", "axe-core", "axe.min.js");
    for (const width of WIDTHS) {
      const page = await newPage(browser, baseURL, locale, width);
      await page.goto("/");
      await expect(page.getByRole("search")).toHaveCount(1);
      await expect(page.getByRole("combobox", { name: t.Search.label })).toHaveCount(1);
      await expect(page.getByRole("banner").getByRole("search")).toBeVisible();
      // axe-core flagged the two search landmarks of the same name (the whole page); the header must also pass
      // the ARIA rules that apply to its menus and combobox.
      await page.addScriptTag({ path: axeSource });
      const violations = await page.evaluate(async () => {
        type Axe = { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> };
        const axe = (window as unknown as { axe: Axe }).axe;
        const page = await axe.run(document, { runOnly: ["landmark-unique", "duplicate-id-aria"] });
        const header = await axe.run(
          { include: [["header"]] },
          { runOnly: ["aria-allowed-attr", "aria-required-attr", "aria-valid-attr-value", "aria-required-children", "aria-required-parent", "button-name", "link-name", "label", "nested-interactive", "summary-name"] },
        );
        return [...page.violations, ...header.violations].map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations, `${locale} ${width}px`).toEqual([]);

      await page.goto(`/courses?q=${encodeURIComponent("机器学习")}`);
      await expect(page.getByRole("banner").getByRole("combobox", { name: t.Search.label })).toHaveValue("机器学习");
      await page.context().close();
    }
  });
}

test("search suggestions: a combobox that lists courses and topics as one types", async ({ browser, baseURL }) => {
  test.slow();
  for (const [locale, width] of [
    ["zh-CN", 1280],
    ["en", 390],
  ] as const) {
    const t = locale === "en" ? en : zh;
    const page = await newPage(browser, baseURL, locale, width);
    // The course the API suggests first for "pyth", whatever the catalogue holds.
    const expected = (await (await page.request.get("/api/v1/search/suggestions?q=pyth")).json()) as { data: Array<{ kind: string; text: string; slug?: string }> };
    const course = expected.data.find((s) => s.kind === "course")!;
    expect(course).toBeDefined();
    const asked: string[] = [];
    page.on("request", (req) => {
      if (req.url().includes("/api/v1/search/suggestions")) asked.push(new URL(req.url()).searchParams.get("q") ?? "");
    });
    // The page's clock is ours: it stands still while the keys go in, so "quick typing" means the same on a
    // loaded machine, where the keystrokes themselves can be further apart than the debounce.
    await page.clock.install();
    await page.goto("/");
    const box = page.getByRole("banner").getByRole("combobox", { name: t.Search.label });
    const list = page.getByRole("listbox", { name: t.Search.suggestions });
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await expect(box).toHaveAttribute("aria-autocomplete", "list");
    expect(await box.getAttribute("aria-controls")).toBe(await page.getByTestId("search-suggestions").getAttribute("id"));

    // Quick typing asks once, for the whole word.
    await page.clock.pauseAt(Date.now() + 1000);
    await box.pressSequentially("pyth", { delay: 30 });
    await page.clock.resume();
    await expect(list).toBeVisible();
    await expect(box).toHaveAttribute("aria-expanded", "true");
    expect(asked).toEqual(["pyth"]);
    const options = list.getByRole("option");
    const count = await options.count();
    expect(count).toBeGreaterThan(1);
    await expect(list.locator(`[data-kind="course"]`, { hasText: course.text }).first()).toBeVisible();

    // Arrows move the active option (wrapping), announced through aria-activedescendant.
    await box.press("ArrowDown");
    await expect(box).toHaveAttribute("aria-activedescendant", (await options.nth(0).getAttribute("id"))!);
    await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
    await box.press("ArrowUp");
    await expect(box).toHaveAttribute("aria-activedescendant", (await options.nth(count - 1).getAttribute("id"))!);
    await expect(options.nth(0)).toHaveAttribute("aria-selected", "false");

    // Escape closes the list and keeps the text; an empty box shows nothing and asks nothing.
    await box.press("Escape");
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await expect(list).toBeHidden();
    await expect(box).toHaveValue("pyth");
    await box.fill("");
    await page.waitForTimeout(400); // longer than the debounce: nothing may be asked for an empty box
    expect(asked).toEqual(["pyth"]);
    await expect(list).toBeHidden();

    // Enter on a topic searches for it; Enter on a course opens it.
    await box.pressSequentially("pyth", { delay: 30 });
    await expect(list).toBeVisible();
    const topicIndex = await options.evaluateAll((els) => els.findIndex((el) => el.getAttribute("data-kind") === "tag"));
    expect(topicIndex).toBeGreaterThanOrEqual(0);
    const topic = (await options.nth(topicIndex).locator("span").first().innerText()).trim();
    for (let i = 0; i <= topicIndex; i++) await box.press("ArrowDown");
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/courses\\?q=${encodeURIComponent(topic)}$`));
    await expect(page.getByRole("banner").getByRole("combobox")).toHaveValue(topic);

    const again = page.getByRole("banner").getByRole("combobox", { name: t.Search.label });
    await again.fill("");
    await again.pressSequentially("pyth", { delay: 30 });
    await expect(list).toBeVisible();
    const courseOption = list.locator(`[data-kind="course"]`, { hasText: course.text }).first();
    await courseOption.click();
    await expect(page).toHaveURL(new RegExp(`/courses/${course.slug}$`));
    await page.context().close();
  }
});

test("a slow answer to an older query never replaces the suggestions of the newer one", async ({ browser, baseURL }) => {
  const page = await newPage(browser, baseURL, "en", 1280);
  let releaseOld!: () => void;
  const oldHeld = new Promise<void>((resolve) => (releaseOld = resolve));
  await page.route((url) => url.pathname === "/api/v1/search/suggestions", async (route) => {
    const q = new URL(route.request().url()).searchParams.get("q");
    const body = (text: string) => JSON.stringify({ data: [{ kind: "tag", text, parts: [{ text, hit: false }] }] });
    if (q === "ja") {
      await oldHeld;
      // The browser has aborted this request by now; answering it must change nothing.
      await route.fulfill({ contentType: "application/json", body: body("STALE ANSWER") }).catch(() => undefined);
    } else {
      await route.fulfill({ contentType: "application/json", body: body(`fresh ${q}`) });
    }
  });
  await page.goto("/");
  const box = page.getByRole("banner").getByRole("combobox", { name: en.Search.label });
  const oldAsked = page.waitForRequest((req) => req.url().includes("q=ja"));
  await box.pressSequentially("ja");
  await oldAsked;
  await box.pressSequentially("v");
  const list = page.getByRole("listbox", { name: en.Search.suggestions });
  await expect(list.getByRole("option")).toHaveText([/fresh jav/]);
  releaseOld();
  await page.waitForTimeout(300);
  await expect(list.getByRole("option")).toHaveText([/fresh jav/]);
  await page.context().close();
});
