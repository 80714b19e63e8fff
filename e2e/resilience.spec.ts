// Losing Redis or MariaDB while the app runs: clear answers instead of hangs, and recovery without a restart.
// Runs alone after the other projects (see playwright.config.ts), because it stops the shared test services.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startMariadb, stopMariadb } from "../scripts/local/mariadb";
import { profile } from "../scripts/local/profile";
import { startRedis, stopRedis } from "../scripts/local/redis";
import { localSecrets } from "../scripts/local/secrets";
import zh from "../lib/i18n/messages/zh-CN.json";
import { publishedCourseTitles } from "./support/db";

const p = profile("test");
const quiet = () => undefined;

test.describe.configure({ mode: "serial" });

test("health turns 503 naming redis when Redis stops, and 200 again when it is back", async ({ request }) => {
  test.setTimeout(90_000);
  const ok = await request.get("/api/health");
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({ status: "ok", db: "ok", redis: "ok" });

  await stopRedis(p);
  try {
    const started = Date.now();
    const down = await request.get("/api/health");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(down.status()).toBe(503);
    expect(await down.json()).toEqual({ status: "degraded", db: "ok", redis: "down" });

    // The failure is logged as a JSON line carrying the request id the response was given.
    const requestId = down.headers()["x-request-id"];
    const webLog = path.join(p.dataDir, "reports", "web.log");
    await expect
      .poll(() =>
        fs
          .readFileSync(webLog, "utf8")
          .split("\n")
          .filter((line) => line.startsWith("{"))
          .map((line) => JSON.parse(line) as { requestId?: string; dependency?: string; msg?: string })
          .some((entry) => entry.requestId === requestId && entry.dependency === "redis" && entry.msg === "health probe failed"),
      )
      .toBe(true);
  } finally {
    await startRedis(p, quiet);
  }
  await expect.poll(async () => (await request.get("/api/health")).status(), { timeout: 20_000 }).toBe(200);
});

test("pages show a clear error while MariaDB is down and recover when it returns", async ({ page, request }) => {
  test.setTimeout(120_000);
  const titles = await publishedCourseTitles();
  await stopMariadb(p);
  try {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(503);
    expect(await health.json()).toMatchObject({ db: "down", redis: "ok" });

    const started = Date.now();
    await page.goto("/");
    await expect(page.getByRole("alert").filter({ hasText: zh.States.errorTitle })).toBeVisible();
    await expect(page.getByRole("button", { name: zh.Common.retry })).toBeVisible();
    expect(Date.now() - started).toBeLessThan(15_000);
  } finally {
    await startMariadb(p, localSecrets(p), quiet);
  }
  await expect.poll(async () => (await request.get("/api/health")).status(), { timeout: 30_000 }).toBe(200);
  await page.goto("/");
  const firstCard = page.getByTestId("course-card-title").first();
  await expect(firstCard).toBeVisible();
  expect(titles.has((await firstCard.innerText()).trim())).toBe(true);
});
