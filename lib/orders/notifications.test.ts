// Notifications whose signature holds but whose content is malformed, and bodies over the webhooks' size
// limit: each is stored (verified and rejected, or unverified) with its reason and answered in the
// provider's own failure format, never with a 500. Signed with the test sandbox's provider keys, as the
// providers would sign them, and posted to the webhook route handlers.
import { createPrivateKey, randomBytes, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { paymentNotifications } from "@/db/schema";
import { BODY_LIMITS } from "@/lib/http/routes";
import { alipaySignContent, rsa2Sign } from "@/lib/payments/alipay-sign";
import { unionpaySign } from "@/lib/payments/unionpay-sign";
import { encryptResource, wechatResponseMessage, wechatSign } from "@/lib/payments/wechat-sign";
import { localSecrets } from "@/scripts/local/secrets";
import { profile } from "@/scripts/local/profile";
import { POST as alipayNotify } from "@/app/api/payments/alipay/notify/route";
import { POST as unionpayNotify } from "@/app/api/payments/unionpay/notify/route";
import { POST as wechatNotify } from "@/app/api/payments/wechat/notify/route";

const keys = localSecrets(profile("test")).paymentSandbox;

/** The stored notification whose raw body holds `marker` (each test puts a fresh one in its body). */
async function storedWith(marker: string) {
  const rows = await db()
    .select()
    .from(paymentNotifications)
    .where(sql`${paymentNotifications.rawBody} LIKE ${`%${marker}%`}`);
  expect(rows, `rows holding ${marker}`).toHaveLength(1);
  return rows[0]!;
}

function post(route: (r: Request) => Promise<Response>, body: string | ReadableStream<Uint8Array>, headers: Record<string, string>): Promise<Response> {
  return route(new Request("http://localhost/api/payments/x/notify", { method: "POST", headers, body, duplex: "half" } as RequestInit));
}

/** A WeChat Pay notification carrying `plaintext` as its encrypted resource, signed with the platform key. */
function wechatNotification(plaintext: string, marker: string, envelope?: string) {
  const resource = encryptResource(plaintext, keys.wechat.apiV3Key, "transaction", "encrypt-resource");
  const body = envelope ?? JSON.stringify({ id: marker, create_time: new Date().toISOString(), resource_type: "encrypt-resource", event_type: "TRANSACTION.SUCCESS", summary: "支付成功", resource });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString("hex");
  const signature = wechatSign(wechatResponseMessage(timestamp, nonce, body), createPrivateKey(keys.wechat.platformPrivateKey));
  return {
    body,
    headers: { "content-type": "application/json", "wechatpay-timestamp": timestamp, "wechatpay-nonce": nonce, "wechatpay-signature": signature, "wechatpay-serial": keys.wechat.platformKeyId },
  };
}

describe("WeChat Pay notifications signed by WeChat Pay but malformed", () => {
  const marker = () => `malformed-${randomUUID()}`;

  it.each([
    ["a resource that decrypts to text that is not JSON", (m: string) => wechatNotification(`not json ${m}`, m), "decrypted resource is not a JSON object"],
    ["a resource that decrypts to JSON null", (m: string) => wechatNotification("null", m), "decrypted resource is not a JSON object"],
    ["a resource that decrypts to an array", (m: string) => wechatNotification("[1,2]", m), "decrypted resource is not a JSON object"],
    ["an envelope that is JSON null", (m: string) => wechatNotification("{}", m, "null"), "body is not a JSON object"],
    ["an envelope without a resource", (m: string) => wechatNotification("{}", m, JSON.stringify({ id: m, event_type: "TRANSACTION.SUCCESS" })), "no encrypted resource"],
    ["a resource of the wrong shape", (m: string) => wechatNotification("{}", m, JSON.stringify({ id: m, resource: { ciphertext: 5 } })), "no encrypted resource"],
    [
      "a payment resource with a negative amount",
      (m: string) => wechatNotification(JSON.stringify({ mchid: keys.wechat.mchId, appid: keys.wechat.appId, out_trade_no: m, transaction_id: "4200000000", amount: { total: -100 } }), m),
      "malformed transaction resource",
    ],
    ["an event type that is not a string", (m: string) => wechatNotification("{}", m, JSON.stringify({ id: m, event_type: 7, resource: encryptResource(JSON.stringify({ mchid: keys.wechat.mchId, appid: keys.wechat.appId }), keys.wechat.apiV3Key, "transaction", "encrypt-resource") })), "malformed transaction resource"],
  ])("stores %s as rejected and answers 400 with WeChat's error body", async (_label, build, reason) => {
    const m = marker();
    const note = build(m);
    // "null" cannot hold a marker: find that one by its headers instead.
    const findable = note.body.includes(m);
    const response = await post(wechatNotify, note.body, note.headers);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({ code: "FAIL", message: reason });
    const row = findable
      ? await storedWith(m)
      : (
          await db()
            .select()
            .from(paymentNotifications)
            .where(sql`JSON_UNQUOTE(JSON_EXTRACT(${paymentNotifications.rawHeaders}, '$."wechatpay-nonce"')) = ${note.headers["wechatpay-nonce"]}`)
        )[0]!;
    expect(row).toMatchObject({ provider: "wechat", verified: true, outcome: "rejected", reason, kind: "unknown" });
  });
});

describe("Alipay and UnionPay notifications signed by the provider but malformed", () => {
  it("stores Alipay's with a malformed amount as rejected and answers fail", async () => {
    const marker = `malformed-${randomUUID()}`;
    const params: Record<string, string> = {
      app_id: keys.alipay.appId,
      seller_id: keys.alipay.sellerId,
      notify_id: marker,
      out_trade_no: "1234567890",
      trade_no: "2026112222001",
      total_amount: "12.3.4",
      trade_status: "TRADE_SUCCESS",
      sign_type: "RSA2",
    };
    params.sign = rsa2Sign(alipaySignContent(params, "notification"), createPrivateKey(keys.alipay.alipayPrivateKey));
    const response = await post(alipayNotify, new URLSearchParams(params).toString(), { "content-type": "application/x-www-form-urlencoded" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("fail");
    expect(await storedWith(marker)).toMatchObject({ provider: "alipay", verified: true, outcome: "rejected", reason: "malformed amount" });
  });

  it("stores UnionPay's without an order id as rejected and answers 400", async () => {
    const marker = `malformed${randomUUID().replace(/-/g, "")}`;
    const fields: Record<string, string> = {
      version: "5.1.0",
      encoding: "UTF-8",
      signMethod: "01",
      txnType: "01",
      merId: keys.unionpay.merId,
      txnAmt: "100",
      queryId: "1234",
      reqReserved: marker,
      respCode: "00",
      signPubKeyCert: keys.unionpay.unionpayCert,
    };
    fields.signature = unionpaySign(fields, createPrivateKey(keys.unionpay.unionpayPrivateKey));
    const response = await post(unionpayNotify, new URLSearchParams(fields).toString(), { "content-type": "application/x-www-form-urlencoded" });
    expect(response.status).toBe(400);
    expect(await storedWith(marker)).toMatchObject({ provider: "unionpay", verified: true, outcome: "rejected", reason: "no txnAmt, orderId or queryId" });
  });
});

describe("bodies over the webhooks' limit", () => {
  it("refuses a declared Content-Length over 64 kB without reading the body, and stores that it came", async () => {
    let pulled = false;
    // highWaterMark 0: the stream is pulled only when someone reads it.
    const body = new ReadableStream<Uint8Array>(
      {
        pull() {
          pulled = true;
          throw new Error("the body must not be read");
        },
      },
      { highWaterMark: 0 },
    );
    const nonce = randomUUID();
    const response = await post(wechatNotify, body, { "content-type": "application/json", "content-length": String(BODY_LIMITS.paymentCallback + 1), "wechatpay-nonce": nonce });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ code: "FAIL", message: `body over ${BODY_LIMITS.paymentCallback} bytes, not read` });
    expect(pulled).toBe(false);
    const [row] = await db()
      .select()
      .from(paymentNotifications)
      .where(sql`JSON_UNQUOTE(JSON_EXTRACT(${paymentNotifications.rawHeaders}, '$."wechatpay-nonce"')) = ${nonce}`);
    expect(row).toMatchObject({ verified: false, outcome: "unverified", rawBody: "" });
  });

  it("stops reading a body without Content-Length once it passes 64 kB", async () => {
    let sent = 0;
    const chunk = new Uint8Array(16 * 1024).fill(120);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // An endless body: only stopping at the limit ends this test.
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await post(alipayNotify, body, { "content-type": "application/x-www-form-urlencoded" });
    expect(response.status).toBe(413);
    expect(await response.text()).toBe("fail");
    expect(sent).toBeLessThanOrEqual(BODY_LIMITS.paymentCallback + 3 * chunk.length);
  });
});
