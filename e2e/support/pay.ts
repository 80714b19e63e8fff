// Paying an order on its pay page through the payments sandbox, as a learner would: Alipay's and UnionPay's
// pages ask to confirm; WeChat Pay shows a QR code, scanned here by a second page standing in for the phone.
import { expect, type Page } from "@playwright/test";

export async function payAt(page: Page, provider: "alipay" | "wechat" | "unionpay"): Promise<void> {
  await page.getByTestId(`provider-${provider}`).check();
  await page.getByTestId("pay").click();
  if (provider === "wechat") {
    const scan = page.getByTestId("sandbox-scan");
    await expect(scan).toBeVisible();
    const phone = await page.context().newPage();
    await phone.goto((await scan.getAttribute("href"))!);
    await phone.getByRole("button", { name: "模拟扫码并支付" }).click();
    // Close the phone only once the sandbox has answered the payment: closing a page while its form post is in
    // flight can cancel the post, or leave the close waiting on the navigation.
    await expect(phone.getByRole("heading", { name: "支付成功" })).toBeVisible();
    await phone.close();
  } else {
    await page.getByRole("button", { name: "确认付款" }).click();
  }
  await expect(page).toHaveURL(/\/orders\/\d+\/return/, { timeout: 20_000 });
  await expect(page.getByTestId("payment-confirmed")).toBeVisible({ timeout: 20_000 });
}
