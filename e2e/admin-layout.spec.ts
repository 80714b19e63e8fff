// /admin on a phone: the section menu is a row per group that scrolls sideways inside itself, so the page never
// scrolls sideways (before, the English menu widened the whole page by its "Flash sales" link and the dashboard
// cards ran off the right edge), and every link keeps its words on one line.
import { expect, test } from "@playwright/test";
import en from "../lib/i18n/messages/en.json";
import zh from "../lib/i18n/messages/zh-CN.json";
import { createAccount, signIn } from "./support/auth";

test("the admin pages fit a 390 px screen in Chinese and English, the menu scrolling inside itself", async ({ browser, baseURL }) => {
  test.slow(); // two languages, two pages each
  const admin = await createAccount({ roles: ["super_admin"], label: "admin-layout" });
  for (const [locale, m] of [
    ["zh-CN", zh],
    ["en", en],
  ] as const) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, admin.email, "/admin");
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
    for (const path of ["/admin", "/admin/orders"]) {
      await page.goto(path);
      const nav = page.getByRole("navigation", { name: m.AdminNav.label });
      await expect(nav).toBeVisible();
      const layout = await page.evaluate(() => ({
        viewport: window.innerWidth,
        scrollWidth: document.documentElement.scrollWidth,
        // A link whose text wrapped has one box per line.
        wrapped: [...document.querySelectorAll("nav a")]
          .filter((a) => {
            const range = document.createRange();
            range.selectNodeContents(a);
            return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
          })
          .map((a) => a.textContent),
      }));
      expect(layout.scrollWidth, `${locale} ${path}: no sideways scrolling`).toBeLessThanOrEqual(layout.viewport);
      expect(layout.wrapped, `${locale} ${path}: menu links on one line`).toEqual([]);
    }
    await context.close();
  }
});
