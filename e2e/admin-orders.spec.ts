// The order admin end to end: a learner's order paid with WeChat Pay at the sandbox (through the learner
// API, the sandbox's control API and its real signed notification to our webhook), then an order admin finds
// it by the learner's email and the day, opens it, sees the stored notification, refunds it through the
// confirmation (a reason is required), sees the outcome, and downloads the filtered CSV.
import fs from "node:fs/promises";
import { expect, test } from "@playwright/test";
import zh from "../lib/i18n/messages/zh-CN.json";
import { apiToken, createAccount, signIn } from "./support/auth";
import { query } from "./support/db";

const sandboxUrl = () => (process.env.ALIPAY_GATEWAY_URL ? new URL(process.env.ALIPAY_GATEWAY_URL).origin : `http://127.0.0.1:${process.env.XUEFU_TEST_PAYMENT_PORT ?? "8108"}`);
const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

test("an order admin filters orders, reads the notifications, refunds a paid order and exports the CSV", async ({ page, request }) => {
  test.setTimeout(90_000);
  // A paid order of a learner of this test's own.
  const learner = await createAccount({ label: "refund-buyer" });
  const auth = { authorization: `Bearer ${await apiToken(request, learner.email)}` };
  const [course] = await query<{ id: number; title: string }>("SELECT id, title FROM courses WHERE status = 'published' AND price_fen > 0 ORDER BY id LIMIT 1 OFFSET 5");
  const placed = await request.post("/api/v1/orders", { headers: auth, data: { courseIds: [course!.id], accept_terms: true } });
  expect(placed.status()).toBe(201);
  const { orderNo } = ((await placed.json()) as { data: { orderNo: string } }).data;
  expect((await request.post(`/api/v1/orders/${orderNo}/payments`, { headers: auth, data: { provider: "wechat" } })).status()).toBe(201);
  expect((await request.post(`${sandboxUrl()}/_sandbox/payments/wechat/${orderNo}/pay`, { data: {} })).status()).toBeLessThan(300);
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/orders/${orderNo}`, { headers: auth })).json()) as { data: { status: string } }).data.status, { timeout: 20_000 })
    .toBe("paid");

  const admin = await createAccount({ roles: ["order_admin"], label: "order-admin" });
  await signIn(page, admin.email);
  await page.goto("/admin/orders");
  const filters = page.getByRole("search", { name: zh.AdminOrders.filtersLabel });
  await filters.getByLabel(zh.AdminOrders.user, { exact: true }).fill(learner.email);
  await filters.getByLabel(zh.AdminOrders.from, { exact: true }).fill(chinaDay(new Date()));
  await filters.locator("select[name=status]").selectOption("paid");
  await filters.getByRole("button", { name: zh.AdminCommon.filter }).click();
  await expect(page).toHaveURL(/status=paid/);
  await expect(page).toHaveURL(/user=refund-buyer/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.AdminOrders.title);
  await expect(page.locator("tbody tr")).toHaveCount(1);

  // The export carries the same filters: exactly this order, in a UTF-8 file with a BOM.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await fs.readFile((await download.path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.toString("utf8").slice(1).trim().split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`${orderNo},`);
  expect(lines[1]).toContain(`,${learner.email},`);

  await page.getByTestId(`order-link-${orderNo}`).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(orderNo);
  const notification = page.getByTestId("notification-row").first();
  await expect(notification).toContainText(zh.AdminOrders.detail.outcome_applied);
  await notification.getByText(zh.AdminOrders.detail.showRaw).click();
  await expect(notification.getByTestId("notification-raw-body")).toContainText("resource");

  // A reason is required; then the refund goes to the provider and the page says how it went.
  await page.getByTestId("refund-order").click();
  const dialog = page.getByRole("dialog", { name: zh.AdminOrders.refund.confirmTitle });
  await expect(dialog).toBeVisible();
  await page.getByTestId("confirm-refund").click();
  await expect(dialog.getByRole("alert")).toHaveText(zh.AdminOrders.refund.errors.reason_required);
  await page.getByTestId("refund-reason").fill("学员七天内申请退款");
  await page.getByTestId("confirm-refund").click();
  await expect(page).toHaveURL(/\?refund=R\d+/);
  const result = page.getByTestId("refund-result");
  await expect(result).toBeVisible();
  // WeChat Pay answers "processing" and confirms by notification; the page shows the refund as it stands.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("refund-result")).toHaveAttribute("data-status", "succeeded", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId("order-facts")).toContainText(zh.AdminOrders.status_refunded);
  await expect(page.getByTestId("refund-order")).toHaveCount(0);
  const [row] = await query<{ status: string; refunded_fen: number; total_fen: number }>("SELECT status, refunded_fen, total_fen FROM orders WHERE order_no = ?", [orderNo]);
  expect(row!.status).toBe("refunded");
  expect(Number(row!.refunded_fen)).toBe(Number(row!.total_fen));
  const enrolled = await query<{ n: number }>("SELECT COUNT(*) AS n FROM enrolments WHERE user_id = ? AND course_id = ?", [learner.id, course!.id]);
  expect(Number(enrolled[0]!.n)).toBe(0);
  const audit = await query<{ action: string }>("SELECT action FROM audit_log WHERE target_type = 'order' AND target_id = ?", [orderNo]);
  expect(audit.map((a) => a.action)).toEqual(["ACTION orders.refund"]);
});
