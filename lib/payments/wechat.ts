// WeChat Pay API v3, Native payment (a QR code the learner scans). Requests are signed with the merchant's API
// key; answers and notifications are verified with WeChat Pay's public key (or platform certificate) over the
// exact bytes received, and notification resources are decrypted with the APIv3 key. node:crypto only: the
// protocol is small and fully published, and no SDK for Node is kept by WeChat Pay itself.
import "server-only";
import type { WechatConfig } from "./config";
import { wechatAuthorization, decryptResource, wechatNonce, wechatRequestMessage, wechatResponseMessage, wechatSign, wechatVerify, type EncryptedResource } from "./wechat-sign";
import {
  PaymentProviderError,
  isFenAmount,
  malformedNotification,
  type NotificationAnswer,
  type NotificationEvent,
  type PaymentProvider,
  type PaymentQueryResult,
  type PaymentStatus,
  type RefundResult,
  type RefundStatus,
  type VerifyResult,
} from "./types";

/** WeChat's deliberate probes carry signatures starting with this; they must be refused. */
export const WECHAT_PROBE_PREFIX = "WECHATPAY/SIGNTEST/";

const TRADE_STATE: Record<string, PaymentStatus> = {
  SUCCESS: "paid",
  REFUND: "refunded",
  NOTPAY: "pending",
  USERPAYING: "pending",
  CLOSED: "closed",
  REVOKED: "closed",
  PAYERROR: "failed",
};
const REFUND_STATUS: Record<string, RefundStatus> = { SUCCESS: "success", PROCESSING: "processing", CLOSED: "failed", ABNORMAL: "failed" };

/** RFC 3339 in China time, as WeChat writes times: 2018-06-08T10:34:56+08:00. */
export const wechatTime = (d: Date) => `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;

/** A time WeChat wrote, when it is one a database can hold. */
function date(text: unknown): Date | undefined {
  if (typeof text !== "string") return undefined;
  const d = new Date(text);
  const year = d.getUTCFullYear();
  return Number.isNaN(d.getTime()) || year < 2000 || year > 9999 ? undefined : d;
}

type Json = Record<string, unknown>;

const isJson = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** A JSON object parsed from text, or null for anything else (not JSON, an array, a number, null). */
function jsonObject(text: string): Json | null {
  try {
    const value: unknown = JSON.parse(text);
    return isJson(value) ? value : null;
  } catch {
    return null;
  }
}

const isEncryptedResource = (value: unknown): value is EncryptedResource =>
  isJson(value) &&
  typeof value.algorithm === "string" &&
  typeof value.ciphertext === "string" &&
  typeof value.nonce === "string" &&
  (value.associated_data === undefined || typeof value.associated_data === "string");

/** Checks a signed answer or notification from WeChat Pay: key id, clock and signature over the raw body. */
export function checkWechatSignature(config: WechatConfig, headers: Headers, body: string, now = Date.now()): string | null {
  const timestamp = headers.get("wechatpay-timestamp") ?? "";
  const nonce = headers.get("wechatpay-nonce") ?? "";
  const signature = headers.get("wechatpay-signature") ?? "";
  const serial = headers.get("wechatpay-serial") ?? "";
  if (!timestamp || !nonce || !signature || !serial) return "missing Wechatpay-* signature headers";
  if (signature.startsWith(WECHAT_PROBE_PREFIX)) return "probe signature (WECHATPAY/SIGNTEST/)";
  if (serial !== config.platformKeyId) return `signed with an unknown key ${serial}`;
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now - Number(timestamp) * 1000) > config.maxSkewMs) return "stale or future timestamp";
  if (!wechatVerify(wechatResponseMessage(timestamp, nonce, body), signature, config.platformPublicKey)) return "bad signature";
  return null;
}

export function wechatProvider(config: WechatConfig): PaymentProvider {
  const request = async (method: "GET" | "POST", path: string, body?: Json): Promise<{ status: number; data: Json }> => {
    const url = new URL(config.baseUrl + path);
    const bodyText = body ? JSON.stringify(body) : "";
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = wechatNonce();
    const signature = wechatSign(wechatRequestMessage(method, url.pathname + url.search, timestamp, nonce, bodyText), config.privateKey);
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: {
          authorization: wechatAuthorization({ mchid: config.mchId, serialNo: config.certSerial, nonce, timestamp, signature }),
          accept: "application/json",
          ...(body ? { "content-type": "application/json" } : {}),
          "user-agent": "xuefu-payments",
        },
        body: body ? bodyText : undefined,
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new PaymentProviderError("wechat", "request_failed", error instanceof Error ? error.message : String(error), { path });
    }
    const text = await res.text();
    const data = text ? (JSON.parse(text) as Json) : {};
    if (!res.ok) throw new PaymentProviderError("wechat", String(data.code ?? res.status), String(data.message ?? res.statusText), { path, status: res.status });
    // Only a 2xx answer carries the business result, so only it has to be proven WeChat's.
    const problem = checkWechatSignature(config, res.headers, text);
    if (problem) throw new PaymentProviderError("wechat", "answer_not_verified", problem, { path });
    return { status: res.status, data };
  };

  const refundResult = (data: Json, refundNo: string, requestedAt: Date): RefundResult => ({
    refundNo,
    status: REFUND_STATUS[String(data.status)] ?? "processing",
    amountFen: Number((data.amount as Json | undefined)?.refund ?? 0),
    providerRefundNo: typeof data.refund_id === "string" ? data.refund_id : undefined,
    requestedAt,
    raw: data,
  });

  return {
    name: "wechat",

    async createPayment(input) {
      const startedAt = input.startedAt ?? new Date();
      const { data } = await request("POST", "/v3/pay/transactions/native", {
        appid: config.appId,
        mchid: config.mchId,
        description: input.subject.slice(0, 127),
        out_trade_no: input.orderNo,
        notify_url: input.notifyUrl,
        amount: { total: input.amountFen, currency: "CNY" },
        scene_info: { payer_client_ip: input.clientIp },
        ...(input.expiresAt ? { time_expire: wechatTime(input.expiresAt) } : {}),
      });
      if (typeof data.code_url !== "string") throw new PaymentProviderError("wechat", "no_code_url", "the answer has no code_url", data);
      return { kind: "qr", codeUrl: data.code_url, startedAt };
    },

    async verifyNotification(rawBody, headers): Promise<VerifyResult> {
      const body = typeof rawBody === "string" ? rawBody : rawBody.toString("utf8");
      const problem = checkWechatSignature(config, headers, body);
      if (problem) return { ok: false, reason: problem };
      // WeChat Pay signed these bytes: from here on, what can be wrong is their content.
      const envelope = jsonObject(body);
      if (!envelope) return malformedNotification("body is not a JSON object");
      if (!isEncryptedResource(envelope.resource)) return malformedNotification("no encrypted resource");
      const plain = decryptResource(envelope.resource, config.apiV3Key);
      if (plain === null) return malformedNotification("resource does not decrypt with our APIv3 key");
      const r = jsonObject(plain);
      if (!r) return malformedNotification("decrypted resource is not a JSON object");
      if (r.mchid !== config.mchId) return { ok: false, reason: `mchid ${String(r.mchid)} is not ours` };
      const amount = isJson(r.amount) ? r.amount : {};
      const eventType = typeof envelope.event_type === "string" ? envelope.event_type : "";
      if (eventType.startsWith("REFUND.")) {
        // Refund resources carry no appid; the mchid and the APIv3 key already tie them to us.
        const refund = amount.refund;
        if (!isFenAmount(refund) || typeof r.out_refund_no !== "string") return malformedNotification("malformed refund resource");
        const event: NotificationEvent = {
          type: "refund",
          orderNo: String(r.out_trade_no ?? ""),
          refundNo: r.out_refund_no,
          providerTradeNo: String(r.transaction_id ?? ""),
          amountFen: refund,
          merchantId: config.mchId,
          paidAt: date(r.success_time),
          status: r.refund_status === "SUCCESS" ? "success" : String(r.refund_status ?? "").toLowerCase(),
          raw: r,
        };
        return { ok: true, event };
      }
      if (r.appid !== config.appId) return { ok: false, reason: `appid ${String(r.appid)} is not ours` };
      const total = amount.total;
      if (!isFenAmount(total) || typeof r.out_trade_no !== "string" || typeof r.transaction_id !== "string") return malformedNotification("malformed transaction resource");
      const event: NotificationEvent = {
        type: "payment",
        orderNo: r.out_trade_no,
        providerTradeNo: r.transaction_id,
        amountFen: total,
        merchantId: config.mchId,
        appId: config.appId,
        paidAt: date(r.success_time),
        status: r.trade_state === "SUCCESS" ? "success" : String(r.trade_state ?? "").toLowerCase(),
        raw: r,
      };
      return { ok: true, event };
    },

    notificationAnswer(ok, message): NotificationAnswer {
      if (ok) return { status: 204, headers: {}, body: "" };
      return { status: 400, headers: { "content-type": "application/json" }, body: JSON.stringify({ code: "FAIL", message: message ?? "失败" }) };
    },

    async queryPayment(orderNo): Promise<PaymentQueryResult> {
      let data: Json;
      try {
        ({ data } = await request("GET", `/v3/pay/transactions/out-trade-no/${encodeURIComponent(orderNo)}?mchid=${config.mchId}`));
      } catch (error) {
        if (error instanceof PaymentProviderError && error.code === "ORDER_NOT_EXIST") return { orderNo, status: "pending", providerStatus: "ORDER_NOT_EXIST", raw: {} };
        throw error;
      }
      const state = String(data.trade_state ?? "");
      return {
        orderNo,
        status: TRADE_STATE[state] ?? "pending",
        providerTradeNo: typeof data.transaction_id === "string" ? data.transaction_id : undefined,
        amountFen: typeof (data.amount as Json | undefined)?.total === "number" ? ((data.amount as Json).total as number) : undefined,
        paidAt: date(data.success_time),
        providerStatus: state,
        raw: data,
      };
    },

    async refund(input) {
      const requestedAt = input.requestedAt ?? new Date();
      const { data } = await request("POST", "/v3/refund/domestic/refunds", {
        ...(input.providerTradeNo ? { transaction_id: input.providerTradeNo } : { out_trade_no: input.orderNo }),
        out_refund_no: input.refundNo,
        reason: input.reason.slice(0, 80),
        ...(input.notifyUrl ? { notify_url: input.notifyUrl } : {}),
        amount: { refund: input.amountFen, total: input.totalFen, currency: "CNY" },
      });
      return refundResult(data, input.refundNo, requestedAt);
    },

    async queryRefund(query) {
      const { data } = await request("GET", `/v3/refund/domestic/refunds/${encodeURIComponent(query.refundNo)}`);
      return refundResult(data, query.refundNo, query.requestedAt ?? new Date());
    },
  };
}
