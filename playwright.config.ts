import { defineConfig } from "@playwright/test";

// End-to-end tests against the production build that `npm test` starts (E2E_BASE_URL), in Debian's
// Chromium: Playwright cannot download its own browsers here.
export default defineConfig({
  testDir: "e2e",
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  // Two workers share two cores with the app, the gateway, the lab host and the databases: a sign-in page's first
  // load has taken 12 s there. Long tests still set their own budgets.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: ".data/test/playwright-results",
  reporter: [["list"], ["json"], ["./e2e/support/failure-timeline.ts"]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://localhost:3100",
    // A stuck click or page load fails at its own step, not at the end of a long test's budget.
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "chromium", testIgnore: /resilience\.spec\.ts/ },
    // Stops and restarts the test MariaDB and Redis, so it runs alone, after everything else.
    { name: "resilience", testMatch: /resilience\.spec\.ts/, dependencies: ["chromium"] },
  ],
});
