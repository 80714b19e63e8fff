// Alipay against the local sandbox over HTTP: page pay, the learner paying, the signed notification and its
// forgeries, query and refund; and the signing content against Alipay's published example.
import { createPrivateKey, generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alipayProvider } from "./alipay";
import { alipayResponseContent, alipaySignContent, rsa2Sign } from "./alipay-sign";
import { startHarness, orderNo, type Harness } from "./test-harness";
import { PaymentProviderError } from "./types";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const pay = async (amountFen = 8888) => {
  const alipay = alipayProvider(h.alipay);
  const no = orderNo();
  const created = await alipay.createPayment({ orderNo: no, amountFen, subject: "高等数学（上）", returnUrl: `${h.receiver.url}/return`, notifyUrl: `${h.receiver.url}/notify/alipay`, clientIp: "127.0.0.1" });
  if (created.kind !== "redirect") throw new Error("expected a redirect");
  const page = await fetch(created.url);
  const html = await page.text();
  expect(page.status).toBe(200);
  expect(html).toContain(`¥${Math.floor(amountFen / 100)}.${String(amountFen % 100).padStart(2, "0")}`);
  expect(html).toContain(h.keys.alipay.sellerId);
  const back = await fetch(`${h.sandbox.url}/alipay/cashier`, { method: "POST", body: new URLSearchParams({ out_trade_no: no, decision: "pay" }), redirect: "manual" });
  expect(back.status).toBe(302);
  expect(back.headers.get("location")).toMatch(new RegExp(`^${h.receiver.url}/return\\?.*out_trade_no=${no}`));
  const note = await h.receiver.next((r) => r.path === "/notify/alipay" && new URLSearchParams(r.body).get("out_trade_no") === no && !new URLSearchParams(r.body).has("out_biz_no"));
  return { alipay, no, note };
};

describe("Alipay round trip", () => {
  it("creates a signed page payment, is paid, and verifies the notification", async () => {
    const { alipay, no, note } = await pay(8888);
    const verified = await alipay.verifyNotification(note.body, note.headers);
    expect(verified).toMatchObject({ ok: true, event: { type: "payment", orderNo: no, amountFen: 8888, status: "success", appId: h.keys.alipay.appId, merchantId: h.keys.alipay.sellerId } });
    expect(alipay.notificationAnswer(true)).toEqual({ status: 200, headers: { "content-type": "text/plain; charset=utf-8" }, body: "success" });
    expect(alipay.notificationAnswer(false).body).toBe("fail");
  });

  it("refuses forged notifications: tampered amount, bad signature, another app's, another seller's", async () => {
    const { alipay, note } = await pay(100);
    const tampered = note.body.replace("total_amount=1.00", "total_amount=0.01");
    expect(tampered).not.toBe(note.body);
    expect(await alipay.verifyNotification(tampered, note.headers)).toEqual({ ok: false, reason: "bad signature" });

    const params = Object.fromEntries(new URLSearchParams(note.body));
    const attacker = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const forged = { ...params, sign: rsa2Sign(alipaySignContent(params, "notification"), attacker) };
    expect(await alipay.verifyNotification(new URLSearchParams(forged).toString(), note.headers)).toEqual({ ok: false, reason: "bad signature" });

    // Genuinely signed by Alipay, but for another merchant's app or seller.
    const alipayKey = createPrivateKey(h.keys.alipay.alipayPrivateKey);
    for (const [field, value] of [["app_id", "2021000000000001"], ["seller_id", "2088000000000001"]] as const) {
      const other = { ...params, [field]: value };
      other.sign = rsa2Sign(alipaySignContent(other, "notification"), alipayKey);
      const result = await alipay.verifyNotification(Buffer.from(new URLSearchParams(other).toString()), note.headers);
      expect(result).toEqual({ ok: false, reason: `${field} ${value} is not ours` });
    }
  });

  it("queries and refunds (partly, twice), with refund notifications", async () => {
    const { alipay, no } = await pay(5000);
    expect(await alipay.queryPayment(no)).toMatchObject({ status: "paid", amountFen: 5000, providerStatus: "TRADE_SUCCESS" });
    const refund = await alipay.refund({ orderNo: no, refundNo: `${no}r1`, amountFen: 2000, totalFen: 5000, reason: "不想学了" });
    expect(refund).toMatchObject({ status: "success", amountFen: 2000 });
    expect((await alipay.refund({ orderNo: no, refundNo: `${no}r1`, amountFen: 2000, totalFen: 5000, reason: "重试" })).status).toBe("processing");
    expect(await alipay.queryRefund({ orderNo: no, refundNo: `${no}r1` })).toMatchObject({ status: "success", amountFen: 2000 });
    expect((await alipay.queryRefund({ orderNo: no, refundNo: `${no}nope` })).status).toBe("failed");
    const note = await h.receiver.next((r) => new URLSearchParams(r.body).get("out_biz_no") === `${no}r1`);
    expect(await alipay.verifyNotification(note.body, note.headers)).toMatchObject({ ok: true, event: { type: "refund", refundNo: `${no}r1`, orderNo: no, amountFen: 2000 } });
    await expect(alipay.refund({ orderNo: no, refundNo: `${no}r2`, amountFen: 3001, totalFen: 5000, reason: "超额" })).rejects.toMatchObject({ code: "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL" });
    expect(await alipay.queryPayment(`${no}9`)).toMatchObject({ status: "pending", providerStatus: "TRADE_NOT_EXIST" });
  });

  it("is refused by the gateway when we sign with the wrong key", async () => {
    const wrong = alipayProvider({ ...h.alipay, privateKey: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey });
    const created = await wrong.createPayment({ orderNo: orderNo(), amountFen: 1, subject: "x", returnUrl: "http://127.0.0.1/r", notifyUrl: "http://127.0.0.1/n", clientIp: "127.0.0.1" });
    const page = await fetch((created as { url: string }).url);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("isv.invalid-signature");
    await expect(wrong.queryPayment("123456789")).rejects.toBeInstanceOf(PaymentProviderError);
  });

  it("retries on Alipay's schedule until we answer success", async () => {
    let failures = 2;
    h.receiver.answer = () => (failures-- > 0 ? { status: 200, body: "fail" } : { status: 200, body: "success" });
    try {
      const { no } = await pay(300);
      await expect.poll(async () => {
        const list = (await (await fetch(`${h.sandbox.url}/_sandbox/deliveries?provider=alipay&orderNo=${no}`)).json()) as { state: string; attempts: unknown[] }[];
        return [list[0]?.state, list[0]?.attempts.length];
      }).toEqual(["delivered", 3]);
    } finally {
      h.receiver.answer = () => ({ status: 200, body: "success" });
    }
  });
});

describe("Alipay signing content", () => {
  it("matches the published example: sorted, k=v&, sign left out of requests, sign and sign_type of notifications", () => {
    const params = { version: "1.0", timestamp: "2024-05-13 17:49:20", sign_type: "RSA2", method: "alipay.security.risk.content.analyze", charset: "utf-8", app_id: "2021000122671080", sign: "x", empty: "" };
    expect(alipaySignContent(params, "request")).toBe("app_id=2021000122671080&charset=utf-8&method=alipay.security.risk.content.analyze&sign_type=RSA2&timestamp=2024-05-13 17:49:20&version=1.0");
    expect(alipaySignContent(params, "notification")).toBe("app_id=2021000122671080&charset=utf-8&method=alipay.security.risk.content.analyze&timestamp=2024-05-13 17:49:20&version=1.0");
  });

  it("takes the signed answer text verbatim", () => {
    const body = '{"alipay_trade_query_response":{"code":"10000","msg":"Success","subject":"a \\"}\\" b"},"sign":"abc"}';
    expect(alipayResponseContent(body, "alipay_trade_query_response")).toBe('{"code":"10000","msg":"Success","subject":"a \\"}\\" b"}');
  });
});
