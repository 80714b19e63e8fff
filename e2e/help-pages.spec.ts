// The footer's help links lead to real pages (FAQ, contact, terms of service, privacy policy) in Chinese and
// English, laid out for 390 and 1280 px; and signing up asks for consent to the terms and the privacy policy,
// refused on the server without it and recorded with the account.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import en from "../lib/i18n/messages/en.json";
import zh from "../lib/i18n/messages/zh-CN.json";
import { privacyPolicy } from "../lib/legal/privacy";
import { termsOfService } from "../lib/legal/terms";
import { latestCode } from "./support/codes";
import { query } from "./support/db";

type Messages = typeof zh;
const LANGUAGES: ReadonlyArray<readonly ["zh-CN" | "en", Messages]> = [
  ["zh-CN", zh],
  ["en", en],
];

async function newPage(browser: Browser, baseURL: string | undefined, locale: string, width: number, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled });
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL ?? "http://localhost:3100" }]);
  return context.newPage();
}

async function noSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, label).toBeLessThanOrEqual(innerWidth);
}

/** At 1280 px the contents sit beside the text; at 390 px above it. Following an entry lands its heading below the sticky header. */
async function checkContents(page: Page, width: number, entryCount: number, target: string, label: string): Promise<void> {
  const toc = page.getByTestId("toc");
  await expect(toc.getByRole("link")).toHaveCount(entryCount);
  const tocBox = (await toc.boundingBox())!;
  const firstSection = (await page.locator("main section").first().boundingBox())!;
  if (width === 1280) expect(tocBox.x + tocBox.width, `${label}: contents beside the text`).toBeLessThanOrEqual(firstSection.x);
  else expect(tocBox.y + tocBox.height, `${label}: contents above the text`).toBeLessThanOrEqual(firstSection.y);

  await toc.locator(`a[href="#${target}"]`).click();
  await expect(page).toHaveURL(new RegExp(`#${target}$`));
  const heading = page.locator(`[id="${target}"]`);
  await expect(heading).toBeInViewport();
  const headerBottom = await page.getByRole("banner").evaluate((el) => el.getBoundingClientRect().bottom);
  await expect.poll(async () => (await heading.boundingBox())!.y, { message: `${label}: heading not under the header` }).toBeGreaterThanOrEqual(headerBottom - 1);
}

for (const [locale, t] of LANGUAGES) {
  test(`the footer's help links lead to real pages, at 390 and 1280 px (${locale})`, async ({ browser, baseURL }) => {
    test.slow(); // four pages at two widths
    const lang = locale === "en" ? "en" : "zh-CN";
    for (const width of [390, 1280]) {
      const page = await newPage(browser, baseURL, locale, width);
      await page.goto("/");
      const footer = page.getByRole("contentinfo");

      // FAQ, through the footer link.
      await footer.getByRole("link", { name: t.Footer.helpFaq }).click();
      await expect(page).toHaveURL(/\/help$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.Help.title);
      await expect(page).toHaveTitle(new RegExp(t.Help.metaTitle));
      const topics = Object.keys(t.Help.faq);
      await expect(page.getByTestId("faq-item")).toHaveCount(Object.values(t.Help.faq).reduce((n, topic) => n + Object.keys(topic).length - 1, 0));
      for (const topic of ["payment", "refunds", "seckill", "membership", "invoices"]) {
        await expect(page.getByRole("heading", { level: 2, name: (t.Help.faq as Record<string, { title: string }>)[topic]!.title })).toBeVisible();
      }
      // Answers link to the pages they talk about.
      for (const href of ["/orders", "/seckill", "/leaderboard", "/help/contact"]) await expect(page.locator(`main a[href="${href}"]`).first()).toBeVisible();
      await checkContents(page, width, topics.length, "refunds", `${locale} ${width}px FAQ`);
      await noSidewaysScroll(page, `${locale} ${width}px FAQ`);

      // Contact.
      await page.getByRole("contentinfo").getByRole("link", { name: t.Footer.helpContact }).click();
      await expect(page).toHaveURL(/\/help\/contact$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.Help.contact.title);
      await expect(page.getByTestId("support-email")).toHaveAttribute("href", "mailto:support@xuefu.example");
      await expect(page.getByTestId("contact")).toContainText("UTC+8");
      await expect(page.getByTestId("contact-orders-link")).toHaveAttribute("href", "/orders");
      await noSidewaysScroll(page, `${locale} ${width}px contact`);

      // Terms and privacy: dated, with contents matching their sections.
      for (const [linkName, path, title, doc, target] of [
        [t.Footer.helpTerms, "/terms", t.Legal.termsTitle, termsOfService, "refunds"],
        [t.Footer.helpPrivacy, "/privacy", t.Legal.privacyTitle, privacyPolicy, "cookies"],
      ] as const) {
        await page.getByRole("contentinfo").getByRole("link", { name: linkName }).click();
        await expect(page).toHaveURL(new RegExp(`${path}$`));
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
        await expect(page).toHaveTitle(new RegExp(title));
        await expect(page.locator(`time[datetime="${doc.updated}"]`)).toBeVisible();
        await expect(page.getByRole("heading", { level: 2, name: doc[lang].sections[0]!.title })).toBeVisible();
        await checkContents(page, width, doc[lang].sections.length, target, `${locale} ${width}px ${path}`);
        await noSidewaysScroll(page, `${locale} ${width}px ${path}`);
      }
      // The privacy policy names what the site really keeps in the browser.
      for (const name of ["authjs.session-token", "NEXT_LOCALE", "xuefu-cart"]) await expect(page.getByTestId("privacy")).toContainText(name);
      await page.context().close();
    }
  });
}

test("the help pages answer 200 with their own title and description", async ({ request }) => {
  for (const [path, title] of [
    ["/help", zh.Help.metaTitle],
    ["/help/contact", zh.Help.contact.metaTitle],
    ["/terms", zh.Legal.termsTitle],
    ["/privacy", zh.Legal.privacyTitle],
  ]) {
    const res = await request.get(path!);
    expect(res.status(), path).toBe(200);
    const html = await res.text();
    expect(html, path).toContain(`<title>${title} · 学府 Xuefu</title>`);
    expect(html, path).toMatch(/<meta name="description" content="[^"]{20,}"/);
  }
});

test("signing up without agreeing to the terms is refused by the server, and nothing is created", async ({ browser, baseURL }) => {
  // Without JavaScript the browser check cannot run: the server action alone decides.
  const page = await newPage(browser, baseURL, "en", 390, false);
  const email = `no-consent-${randomUUID()}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel(en.SignUp.name).fill("No Consent");
  await page.getByLabel(en.SignUp.identifier).fill(email);
  await page.getByLabel(en.SignUp.code).fill("123456");
  await page.getByLabel(en.SignUp.password, { exact: true }).fill("Sign-up-passw0rd");
  await page.getByRole("button", { name: en.SignUp.submit }).click();
  await expect(page.getByText(en.Account.errors.terms_required)).toBeVisible();
  await expect(page.getByTestId("terms-consent")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(en.SignUp.name)).toHaveValue("No Consent");
  expect(await query("SELECT id FROM users WHERE email = ?", [email])).toEqual([]);
  await page.context().close();
});

test("signing up asks for consent, links the documents, and records when it was given", async ({ browser, baseURL }) => {
  test.slow(); // a code round trip and a sign-in against the production server
  const page = await newPage(browser, baseURL, "zh-CN", 1280);
  const email = `consent-${randomUUID()}@example.com`;
  await page.goto("/sign-up");
  const consent = page.getByTestId("terms-consent");
  await expect(consent).not.toBeChecked();
  const label = page.locator(`label[for="${await consent.getAttribute("id")}"]`);
  await expect(label.getByRole("link", { name: /服务条款/ })).toHaveAttribute("href", "/terms");
  await expect(label.getByRole("link", { name: /隐私政策/ })).toHaveAttribute("href", "/privacy");

  // The documents open beside the form, which keeps what was typed.
  await page.getByLabel(zh.SignUp.name).fill("同意条款的人");
  const popup = page.waitForEvent("popup");
  await label.getByRole("link", { name: /服务条款/ }).click();
  const terms = await popup;
  await expect(terms.getByRole("heading", { level: 1 })).toHaveText(zh.Legal.termsTitle);
  await terms.close();
  await expect(page.getByLabel(zh.SignUp.name)).toHaveValue("同意条款的人");

  await page.getByLabel(zh.SignUp.identifier).fill(email);
  const asked = Date.now();
  await page.getByTestId("send-code").click();
  await expect(page.getByTestId("send-code-status")).toHaveText(zh.SignUp.codeSent);
  await page.getByLabel(zh.SignUp.code).fill(await latestCode(email, asked));
  await page.getByLabel(zh.SignUp.password, { exact: true }).fill("Sign-up-passw0rd");

  // The browser check refuses the unticked box, on the box.
  await page.getByRole("button", { name: zh.SignUp.submit }).click();
  await expect(consent).toHaveAttribute("aria-invalid", "true");
  await expect(consent).toBeFocused();
  await expect(page.getByText(zh.Account.errors.terms_required)).toBeVisible();

  await consent.check();
  await page.getByRole("button", { name: zh.SignUp.submit }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("account-menu")).toBeVisible();
  // Stored in UTC, as every time is: compared with the database's own UTC clock.
  const [row] = await query<{ age: number | null }>("SELECT TIMESTAMPDIFF(SECOND, terms_accepted_at, UTC_TIMESTAMP(3)) AS age FROM users WHERE email = ?", [email]);
  expect(row?.age).not.toBeNull();
  expect(Number(row!.age)).toBeGreaterThanOrEqual(-5);
  expect(Number(row!.age)).toBeLessThan(120);
  await page.context().close();
});
