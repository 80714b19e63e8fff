// The notification centre live: a learner with two tabs open pays an order in one, and the other tab's bell
// counts it without a reload (pushed by the real-time gateway); the list marks it read; signing out everywhere
// closes the other tab's socket.
import { expect, test } from "@playwright/test";
import zh from "../lib/i18n/messages/zh-CN.json";
import { createAccount, signIn } from "./support/auth";
import { query } from "./support/db";
import { payAt } from "./support/pay";

test("paying in one tab raises the bell in another; signing out everywhere closes its socket", async ({ context }) => {
  test.setTimeout(90_000);
  const learner = await createAccount({ label: "bell" });
  const [course] = await query<{ slug: string }>("SELECT slug FROM courses WHERE status = 'published' AND price_fen > 0 ORDER BY id DESC LIMIT 1 OFFSET 3");
  const buying = await context.newPage();
  await signIn(buying, learner.email);

  // The second tab sits on the home page with its socket open and nothing unread.
  const watching = await context.newPage();
  await watching.goto("/");
  const bell = watching.getByTestId("notification-bell");
  await expect(bell).toHaveAttribute("data-state", "open");
  await expect(watching.getByTestId("notification-count")).toHaveCount(0);

  await buying.goto(`/courses/${course!.slug}`);
  await buying.getByTestId("add-to-cart").click();
  await expect(buying.getByTestId("in-cart")).toBeVisible();
  await buying.goto("/cart");
  await buying.getByTestId("checkout").click();
  await buying.getByTestId("accept-terms").check();
  await buying.getByTestId("place-order").click();
  await buying.waitForURL(/\/orders\/\d+\/pay$/);
  const orderNo = /\/orders\/(\d+)\/pay/.exec(buying.url())![1]!;
  await payAt(buying, "alipay");

  // No reload of the watching tab: the count arrives over its socket.
  await expect(watching.getByTestId("notification-count")).toHaveText("1", { timeout: 15_000 });
  await watching.screenshot({ path: test.info().outputPath("bell.png") });

  await bell.click();
  await watching.waitForURL("**/account/notifications");
  const item = watching.getByTestId("notification");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(orderNo);
  await expect(item).toHaveAttribute("data-unread", "true");
  await watching.getByTestId("mark-all-read").click();
  await expect(item).not.toHaveAttribute("data-unread", "true");
  await expect(watching.getByTestId("notification-count")).toHaveCount(0);

  // Sign out everywhere from the first tab: the second tab's socket is closed by the gateway within seconds.
  await expect(watching.getByTestId("notification-bell")).toHaveAttribute("data-state", "open");
  await buying.goto("/account");
  await buying.getByRole("button", { name: zh.Account.signOutEverywhere }).click();
  await expect(buying).toHaveURL(/\/sign-in/);
  await expect(watching.getByTestId("notification-bell")).toHaveAttribute("data-state", "ended", { timeout: 15_000 });
});
