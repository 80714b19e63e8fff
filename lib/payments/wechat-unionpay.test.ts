// WeChat Pay v3 and UnionPay 5.1.0 against the local sandbox over HTTP: create, pay, notification and its
// forgeries (stale timestamp, probe signature, other merchant, tampering), query and refund.
import { createPrivateKey, generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newPaymentSandboxKeys } from "@/scripts/local/payment-sandbox-keys";
import { startHarness, orderNo, type Harness } from "./test-harness";
import { parseUnionpayAnswer, unionpaySign } from "./unionpay-sign";
import { unionpayProvider } from "./unionpay";
import { encryptResource, wechatRequestMessage, wechatResponseMessage, wechatSign } from "./wechat-sign";
import { wechatProvider } from "./wechat";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe("WeChat Pay round trip", () => {
  const payWechat = async (amountFen: number) => {
    const wechat = wechatProvider(h.wechat);
    const no = orderNo();
    const created = await wechat.createPayment({ orderNo: no, amountFen, subject: "线性代数", returnUrl: "", notifyUrl: `${h.receiver.url}/notify/wechat`, clientIp: "127.0.0.1" });
    if (created.kind !== "qr") throw new Error("expected a QR code");
    const token = new URL(created.codeUrl).searchParams.get("pr");
    const before = new Set(h.receiver.received);
    const page = await fetch(`${h.sandbox.url}/wechatpay/scan/${token}`);
    expect(await page.text()).toContain(created.codeUrl);
    expect((await fetch(`${h.sandbox.url}/wechatpay/scan/${token}`, { method: "POST", body: new URLSearchParams({ decision: "pay" }) })).status).toBe(200);
    const note = await h.receiver.next((r) => r.path === "/notify/wechat" && !before.has(r));
    return { wechat, no, note };
  };

  it("creates a Native payment, is paid, verifies and decrypts the notification, refuses forgeries", async () => {
    const { wechat, no, note } = await payWechat(1999);
    expect(await wechat.verifyNotification(Buffer.from(note.body), note.headers)).toMatchObject({ ok: true, event: { type: "payment", orderNo: no, amountFen: 1999, status: "success", merchantId: h.keys.wechat.mchId, appId: h.keys.wechat.appId } });
    expect(wechat.notificationAnswer(true).status).toBe(204);
    expect(wechat.notificationAnswer(false, "签名错误")).toEqual({ status: 400, headers: { "content-type": "application/json" }, body: '{"code":"FAIL","message":"签名错误"}' });

    const platform = createPrivateKey(h.keys.wechat.platformPrivateKey);
    const signedHeaders = (body: string, ts = Math.floor(Date.now() / 1000), signature?: string) => {
      const headers = new Headers({ "wechatpay-timestamp": String(ts), "wechatpay-nonce": "N0NCE", "wechatpay-serial": h.keys.wechat.platformKeyId });
      headers.set("wechatpay-signature", signature ?? wechatSign(wechatResponseMessage(String(ts), "N0NCE", body), platform));
      return headers;
    };
    expect(await wechat.verifyNotification(note.body, signedHeaders(note.body))).toMatchObject({ ok: true });
    const tampered = note.body.replace('"支付成功"', '"支付成功 "');
    expect(await wechat.verifyNotification(tampered, note.headers)).toEqual({ ok: false, reason: "bad signature" });
    expect(await wechat.verifyNotification(note.body, signedHeaders(note.body, Math.floor(Date.now() / 1000) - 6 * 60))).toEqual({ ok: false, reason: "stale or future timestamp" });
    expect(await wechat.verifyNotification(note.body, signedHeaders(note.body, undefined, "WECHATPAY/SIGNTEST/" + "A".repeat(300)))).toEqual({ ok: false, reason: "probe signature (WECHATPAY/SIGNTEST/)" });
    const attacker = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const ts = String(Math.floor(Date.now() / 1000));
    expect(await wechat.verifyNotification(note.body, signedHeaders(note.body, Number(ts), wechatSign(wechatResponseMessage(ts, "N0NCE", note.body), attacker)))).toEqual({ ok: false, reason: "bad signature" });

    // Another merchant's transaction, genuinely signed by WeChat Pay and encrypted with our key.
    const envelope = JSON.parse(note.body) as { resource: object };
    for (const [field, value, reason] of [["mchid", "1900000109", "mchid 1900000109 is not ours"], ["appid", "wx0000000000000000", "appid wx0000000000000000 is not ours"]] as const) {
      const resource = { appid: h.keys.wechat.appId, mchid: h.keys.wechat.mchId, out_trade_no: no, transaction_id: "4200000001", trade_state: "SUCCESS", amount: { total: 1999 }, [field]: value };
      const body = JSON.stringify({ ...envelope, resource: encryptResource(JSON.stringify(resource), h.keys.wechat.apiV3Key, "transaction", "transaction") });
      expect(await wechat.verifyNotification(body, signedHeaders(body))).toEqual({ ok: false, reason });
    }
  });

  it("queries, refunds and queries the refund; the refund notification verifies", async () => {
    const { wechat, no } = await payWechat(3000);
    expect(await wechat.queryPayment(no)).toMatchObject({ status: "paid", amountFen: 3000, providerStatus: "SUCCESS" });
    const refund = await wechat.refund({ orderNo: no, refundNo: `${no}r`, amountFen: 1000, totalFen: 3000, reason: "退课", notifyUrl: `${h.receiver.url}/notify/wechat-refund` });
    expect(refund).toMatchObject({ status: "processing", amountFen: 1000 });
    expect(await wechat.queryRefund({ orderNo: no, refundNo: `${no}r` })).toMatchObject({ status: "success", amountFen: 1000 });
    const note = await h.receiver.next((r) => r.path === "/notify/wechat-refund");
    expect(await wechat.verifyNotification(note.body, note.headers)).toMatchObject({ ok: true, event: { type: "refund", orderNo: no, refundNo: `${no}r`, amountFen: 1000, status: "success" } });
    expect(await wechat.queryPayment(no)).toMatchObject({ status: "refunded" });
    expect(await wechat.queryPayment("999999999")).toMatchObject({ status: "pending", providerStatus: "ORDER_NOT_EXIST" });
  });

  it("is refused by the sandbox when we sign with the wrong key", async () => {
    const wrong = wechatProvider({ ...h.wechat, privateKey: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey });
    await expect(wrong.createPayment({ orderNo: orderNo(), amountFen: 1, subject: "x", returnUrl: "", notifyUrl: "http://127.0.0.1/n", clientIp: "127.0.0.1" })).rejects.toMatchObject({ code: "SIGN_ERROR" });
  });

  it("builds the request signing message as published", () => {
    expect(wechatRequestMessage("get", "/v3/certificates", "1554208460", "593BEC0C930BF1AFEB40B4A08C8FB242", "")).toBe("GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n");
  });
});

describe("UnionPay round trip", () => {
  const payUnionpay = async (amountFen: number) => {
    const unionpay = unionpayProvider(h.unionpay);
    const no = orderNo();
    const created = await unionpay.createPayment({ orderNo: no, amountFen, subject: "概率论", returnUrl: `${h.receiver.url}/front`, notifyUrl: `${h.receiver.url}/notify/unionpay`, clientIp: "127.0.0.1" });
    if (created.kind !== "form") throw new Error("expected a form");
    expect(created.fields).toMatchObject({ version: "5.1.0", encoding: "UTF-8", signMethod: "01", txnType: "01", txnSubType: "01", bizType: "000201", channelType: "07", accessType: "0", currencyCode: "156", txnAmt: String(amountFen), certId: h.keys.unionpay.certId });
    expect(created.fields.txnTime).toMatch(/^\d{14}$/);
    const page = await fetch(created.action, { method: "POST", body: new URLSearchParams(created.fields) });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(h.keys.unionpay.merId);
    const back = await (await fetch(`${h.sandbox.url}/unionpay/pay`, { method: "POST", body: new URLSearchParams({ orderId: no, decision: "pay" }) })).text();
    expect(back).toContain(`action="${h.receiver.url}/front"`);
    const note = await h.receiver.next((r) => r.path === "/notify/unionpay" && new URLSearchParams(r.body).get("orderId") === no);
    return { unionpay, no, note, startedAt: created.startedAt };
  };

  it("posts the signed form, is paid, verifies the back notification, refuses forgeries", async () => {
    const { unionpay, no, note } = await payUnionpay(12345);
    expect(await unionpay.verifyNotification(note.body, note.headers)).toMatchObject({ ok: true, event: { type: "payment", orderNo: no, amountFen: 12345, status: "success", merchantId: h.keys.unionpay.merId } });
    expect(unionpay.notificationAnswer(true).status).toBe(200);
    expect(unionpay.notificationAnswer(false).status).not.toBe(200);
    const fields = Object.fromEntries(new URLSearchParams(note.body));
    expect(await unionpay.verifyNotification(new URLSearchParams({ ...fields, txnAmt: "1" }).toString(), note.headers)).toEqual({ ok: false, reason: "bad signature" });
    const unionpayKey = createPrivateKey(h.keys.unionpay.unionpayPrivateKey);
    const other: Record<string, string> = { ...fields, merId: "777290058000000" };
    other.signature = unionpaySign(other, unionpayKey);
    expect(await unionpay.verifyNotification(new URLSearchParams(other).toString(), note.headers)).toEqual({ ok: false, reason: "merId 777290058000000 is not ours" });
    // Signed by someone else's certificate carried in signPubKeyCert.
    const stranger = newPaymentSandboxKeys().unionpay;
    const foreign: Record<string, string> = { ...fields, signPubKeyCert: stranger.unionpayCert };
    foreign.signature = unionpaySign(foreign, createPrivateKey(stranger.unionpayPrivateKey));
    expect((await unionpay.verifyNotification(new URLSearchParams(foreign).toString(), note.headers)).ok).toBe(false);
  });

  it("queries, refunds and queries the refund; the refund notification names our order", async () => {
    const { unionpay, no, startedAt } = await payUnionpay(600);
    const paid = await unionpay.queryPayment(no, { startedAt });
    expect(paid).toMatchObject({ status: "paid", amountFen: 600, providerStatus: "00" });
    const requestedAt = new Date();
    const refund = await unionpay.refund({ orderNo: no, refundNo: `${no}1`, amountFen: 600, totalFen: 600, reason: "退课", providerTradeNo: paid.providerTradeNo, notifyUrl: `${h.receiver.url}/notify/unionpay-refund`, requestedAt });
    expect(refund.status).toBe("processing");
    expect(await unionpay.queryRefund({ orderNo: no, refundNo: `${no}1`, requestedAt })).toMatchObject({ status: "success", amountFen: 600 });
    const note = await h.receiver.next((r) => r.path === "/notify/unionpay-refund");
    expect(await unionpay.verifyNotification(note.body, note.headers)).toMatchObject({ ok: true, event: { type: "refund", orderNo: no, refundNo: `${no}1`, amountFen: 600, providerTradeNo: paid.providerTradeNo } });
    expect(await unionpay.queryPayment(`${no}9`, { startedAt })).toMatchObject({ status: "pending", providerStatus: "34" });
  });

  it("parses the gateway's unencoded k=v answers, braces included", () => {
    expect(parseUnionpayAnswer("respCode=00&signature=ab+c/d==&reserved={a=1&b=2}&x=")).toEqual({ respCode: "00", signature: "ab+c/d==", reserved: "{a=1&b=2}", x: "" });
  });
});

describe("sandbox control API", () => {
  it("loses a notification on request and delivers it on redelivery", async () => {
    const unionpay = unionpayProvider(h.unionpay);
    const no = orderNo();
    const created = await unionpay.createPayment({ orderNo: no, amountFen: 50, subject: "x", returnUrl: `${h.receiver.url}/front`, notifyUrl: `${h.receiver.url}/notify/lost`, clientIp: "127.0.0.1" });
    await fetch((created as { action: string }).action, { method: "POST", body: new URLSearchParams((created as { fields: Record<string, string> }).fields) });
    const paid = await fetch(`${h.sandbox.url}/_sandbox/payments/unionpay/${no}/pay`, { method: "POST", body: JSON.stringify({ drop: true }) });
    expect(((await paid.json()) as { status: string }).status).toBe("paid");
    const [lost] = (await (await fetch(`${h.sandbox.url}/_sandbox/deliveries?orderNo=${no}`)).json()) as { id: string; state: string; attempts: unknown[] }[];
    expect([lost?.state, lost?.attempts.length]).toEqual(["dropped", 0]);
    expect(h.receiver.received.some((r) => r.path === "/notify/lost")).toBe(false);
    // The reconciliation path: the query tells the truth even though the notification was lost.
    expect((await unionpay.queryPayment(no, { startedAt: created.startedAt })).status).toBe("paid");
    const again = (await (await fetch(`${h.sandbox.url}/_sandbox/deliveries/${lost!.id}/redeliver`, { method: "POST" })).json()) as { state: string };
    expect(again.state).toBe("delivered");
    const note = await h.receiver.next((r) => r.path === "/notify/lost");
    expect((await unionpay.verifyNotification(note.body, note.headers)).ok).toBe(true);
  });
});
