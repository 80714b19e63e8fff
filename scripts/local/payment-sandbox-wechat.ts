// The sandbox playing WeChat Pay API v3 (api.mch.weixin.qq.com) for Native payment: it checks the merchant's
// WECHATPAY2-SHA256-RSA2048 Authorization on every call, answers JSON signed with the sandbox's WeChat Pay
// key (Wechatpay-* headers), shows a scan page for each code_url, and sends encrypted, signed notifications.
import { createPrivateKey, createPublicKey, randomBytes, randomUUID } from "node:crypto";
import { encryptResource, parseWechatAuthorization, wechatNonce, wechatRequestMessage, wechatResponseMessage, wechatSign, wechatVerify } from "../../lib/payments/wechat-sign";
import type { Reply } from "./oauth-standin-core";
import { digitString, html, type Deliverer, type PaymentBook, type ProviderSandbox, type RequestInfo, type SandboxPayment } from "./payment-sandbox-core";
import type { PaymentSandboxKeys } from "./payment-sandbox-keys";
import { donePage, errorPage, scanPage } from "./payment-sandbox-pages";

type Json = Record<string, unknown>;
const MAX_SKEW_MS = 5 * 60_000;
const wechatTime = (ms: number) => `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;

export function wechatSandbox(keys: PaymentSandboxKeys["wechat"], book: PaymentBook, deliverer: Deliverer, now: () => number): ProviderSandbox {
  const merchantKey = createPublicKey(keys.merchantPublicKey);
  const platformKey = createPrivateKey(keys.platformPrivateKey);
  const prefix = "/wechatpay";
  const openids = new Map<string, string>();

  /** Headers that prove a body came from WeChat Pay, fresh for each answer or delivery attempt. */
  const signatureHeaders = (body: string): Record<string, string> => {
    const timestamp = String(Math.floor(now() / 1000));
    const nonce = wechatNonce();
    return {
      "wechatpay-timestamp": timestamp,
      "wechatpay-nonce": nonce,
      "wechatpay-signature": wechatSign(wechatResponseMessage(timestamp, nonce, body), platformKey),
      "wechatpay-serial": keys.platformKeyId,
      "request-id": randomUUID(),
    };
  };
  const reply = (status: number, data?: Json): Reply => {
    const body = data ? JSON.stringify(data) : "";
    return { status, contentType: "application/json", body, headers: signatureHeaders(body) };
  };
  const error = (status: number, code: string, message: string): Reply => ({ status, contentType: "application/json", body: JSON.stringify({ code, message }) });

  const authorize = (req: RequestInfo): Reply | null => {
    const header = req.headers.authorization;
    const auth = parseWechatAuthorization(typeof header === "string" ? header : "");
    if (!auth) return error(401, "SIGN_ERROR", "Authorization 不合法：缺少 WECHATPAY2-SHA256-RSA2048 签名");
    if (auth.mchid !== keys.mchId) return error(401, "SIGN_ERROR", "商户号不存在或与证书不匹配");
    if (auth.serial_no !== keys.merchantCertSerial) return error(401, "SIGN_ERROR", "商户证书序列号有误");
    if (!/^\d+$/.test(auth.timestamp) || Math.abs(now() - Number(auth.timestamp) * 1000) > MAX_SKEW_MS) return error(401, "SIGN_ERROR", "请求时间戳与当前时间相差过大");
    const message = wechatRequestMessage(req.method, req.rawPath, auth.timestamp, auth.nonce_str, req.body);
    if (!wechatVerify(message, auth.signature, merchantKey)) return error(401, "SIGN_ERROR", "签名错误，请检查签名串与商户私钥");
    return null;
  };

  const transaction = (p: SandboxPayment): Json => {
    const refunded = book.refunded(p);
    const state = p.status === "pending" ? "NOTPAY" : p.status === "closed" ? "CLOSED" : refunded > 0 ? "REFUND" : "SUCCESS";
    const desc: Record<string, string> = { NOTPAY: "未支付", CLOSED: "订单已关闭", REFUND: "转入退款", SUCCESS: "支付成功" };
    const paid = p.status === "paid";
    return {
      appid: keys.appId,
      mchid: keys.mchId,
      out_trade_no: p.orderNo,
      ...(paid ? { transaction_id: p.tradeNo, bank_type: "OTHERS", success_time: wechatTime(p.paidAt ?? now()), payer: { openid: openids.get(p.orderNo) } } : {}),
      trade_type: "NATIVE",
      trade_state: state,
      trade_state_desc: desc[state],
      attach: "",
      amount: { total: p.amountFen, ...(paid ? { payer_total: p.amountFen } : {}), currency: "CNY", payer_currency: "CNY" },
    };
  };

  const notify = (kind: "payment" | "refund", p: SandboxPayment, url: string, resource: Json, refundNo?: string, drop = false) => {
    const isRefund = kind === "refund";
    const body = JSON.stringify({
      id: randomUUID(),
      create_time: wechatTime(now()),
      resource_type: "encrypt-resource",
      event_type: isRefund ? "REFUND.SUCCESS" : "TRANSACTION.SUCCESS",
      summary: isRefund ? "退款成功" : "支付成功",
      resource: encryptResource(JSON.stringify(resource), keys.apiV3Key, isRefund ? "refund" : "transaction", isRefund ? "refund" : "transaction"),
    });
    deliverer.enqueue({ provider: "wechat", kind, orderNo: p.orderNo, refundNo, url, build: () => ({ body, headers: { "content-type": "application/json", ...signatureHeaders(body) } }) }, drop);
  };

  const pay = (orderNo: string, opts?: { drop?: boolean }) => {
    const p = book.get("wechat", orderNo);
    if (!p || p.status !== "pending") return p;
    Object.assign(p, { status: "paid", paidAt: now(), tradeNo: `4200${digitString(24)}` });
    openids.set(p.orderNo, `o${randomBytes(20).toString("base64url").slice(0, 27)}`);
    notify("payment", p, p.notifyUrl, transaction(p), undefined, opts?.drop);
    return p;
  };

  const parseBody = (req: RequestInfo): Json | null => {
    try {
      const parsed = JSON.parse(req.body) as unknown;
      return parsed && typeof parsed === "object" ? (parsed as Json) : null;
    } catch {
      return null;
    }
  };

  const native = (req: RequestInfo): Reply => {
    const b = parseBody(req);
    if (!b) return error(400, "PARAM_ERROR", "请求体不是合法的 JSON");
    if (b.mchid !== keys.mchId) return error(400, "MCH_NOT_EXISTS", "商户号不存在");
    if (b.appid !== keys.appId) return error(400, "APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配");
    const amount = b.amount as Json | undefined;
    const total = amount?.total;
    const orderNo = typeof b.out_trade_no === "string" ? b.out_trade_no : "";
    if (!/^[0-9A-Za-z_*-]{6,32}$/.test(orderNo)) return error(400, "PARAM_ERROR", "out_trade_no 应为 6-32 位字母、数字或 _-*");
    if (typeof total !== "number" || !Number.isSafeInteger(total) || total < 1) return error(400, "PARAM_ERROR", "amount.total 应为正整数（分）");
    if (typeof b.description !== "string" || !b.description) return error(400, "PARAM_ERROR", "缺少 description");
    if (typeof b.notify_url !== "string" || !/^https?:\/\//.test(b.notify_url)) return error(400, "PARAM_ERROR", "notify_url 应为 http(s) URL");
    const existing = book.get("wechat", orderNo);
    if (existing?.status === "paid") return error(400, "ORDERPAID", "该订单已支付");
    if (existing?.status === "closed") return error(400, "ORDER_CLOSED", "订单已关闭");
    if (existing && existing.amountFen !== total) return error(400, "INVALID_REQUEST", "201 商户订单号重复");
    const p =
      existing ??
      book.put({ provider: "wechat", orderNo, amountFen: total, subject: b.description, notifyUrl: b.notify_url, returnUrl: "", status: "pending", tradeNo: "", codeToken: randomBytes(12).toString("base64url"), createdAt: now(), refunds: [] });
    return reply(200, { code_url: `weixin://wxpay/bizpayurl?pr=${p.codeToken}` });
  };

  const refundJson = (p: SandboxPayment, r: SandboxPayment["refunds"][number], status: string): Json => ({
    refund_id: r.providerRefundNo,
    out_refund_no: r.refundNo,
    transaction_id: p.tradeNo,
    out_trade_no: p.orderNo,
    channel: "ORIGINAL",
    user_received_account: "支付用户零钱",
    ...(status === "SUCCESS" ? { success_time: wechatTime(r.succeededAt ?? now()) } : {}),
    create_time: wechatTime(r.requestedAt),
    status,
    funds_account: "AVAILABLE",
    amount: { total: p.amountFen, refund: r.amountFen, payer_total: p.amountFen, payer_refund: r.amountFen, settlement_refund: r.amountFen, settlement_total: p.amountFen, discount_refund: 0, currency: "CNY" },
  });

  const refund = (req: RequestInfo): Reply => {
    const b = parseBody(req);
    if (!b) return error(400, "PARAM_ERROR", "请求体不是合法的 JSON");
    const p =
      typeof b.out_trade_no === "string" ? book.get("wechat", b.out_trade_no) : book.all().find((x) => x.provider === "wechat" && x.tradeNo && x.tradeNo === b.transaction_id);
    if (!p) return error(404, "RESOURCE_NOT_EXISTS", "订单不存在");
    if (p.status !== "paid") return error(400, "INVALID_REQUEST", "订单未支付或已关闭，不能退款");
    const amount = (b.amount ?? {}) as Json;
    const refundNo = typeof b.out_refund_no === "string" ? b.out_refund_no : "";
    if (!/^[0-9A-Za-z_*@|-]{1,64}$/.test(refundNo)) return error(400, "PARAM_ERROR", "out_refund_no 不合法");
    if (amount.total !== p.amountFen) return error(400, "INVALID_REQUEST", "订单金额与原订单不一致");
    const value = amount.refund;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) return error(400, "PARAM_ERROR", "amount.refund 应为正整数（分）");
    const again = p.refunds.find((r) => r.refundNo === refundNo);
    if (again) return again.amountFen === value ? reply(200, refundJson(p, again, "PROCESSING")) : error(400, "INVALID_REQUEST", "同一退款单号的金额不一致");
    if (book.refunded(p) + value > p.amountFen) return error(400, "INVALID_REQUEST", "退款金额超过订单可退金额");
    const r = { refundNo, providerRefundNo: `50${digitString(28)}`, amountFen: value, reason: String(b.reason ?? ""), status: "success" as const, notifyUrl: typeof b.notify_url === "string" ? b.notify_url : undefined, requestedAt: now(), succeededAt: now() };
    p.refunds.push(r);
    // WeChat answers PROCESSING and settles shortly after; the sandbox settles at once and says so by notification.
    if (r.notifyUrl) {
      const { amount: a, ...rest } = refundJson(p, r, "SUCCESS");
      const resource = { mchid: keys.mchId, ...rest, refund_status: "SUCCESS", amount: { total: (a as Json).total, refund: r.amountFen, payer_total: p.amountFen, payer_refund: r.amountFen } };
      notify("refund", p, r.notifyUrl, resource, refundNo);
    }
    return reply(200, refundJson(p, r, "PROCESSING"));
  };

  const scan = (req: RequestInfo, token: string): Reply => {
    const p = book.all().find((x) => x.provider === "wechat" && x.codeToken === token);
    if (!p) return html(404, errorPage("微信支付", "ORDER_NOT_EXIST", "二维码无效或已过期"));
    if (req.method === "POST") {
      if (p.status !== "pending") return html(400, errorPage("微信支付", "ORDERPAID", "该订单已支付或已关闭"));
      pay(p.orderNo);
      return html(200, donePage("支付成功", `已向 ${keys.mchId} 支付，回到商户页面即可看到结果。`));
    }
    return html(200, scanPage({ merchant: `商户号 ${keys.mchId}`, amountFen: p.amountFen, subject: p.subject, orderNo: p.orderNo, codeUrl: `weixin://wxpay/bizpayurl?pr=${token}`, action: `${prefix}/scan/${token}`, status: p.status }));
  };

  return {
    id: "wechat",
    prefix,
    pay,
    handle(req) {
      const scanMatch = /^\/scan\/([\w-]+)$/.exec(req.path);
      if (scanMatch) return scan(req, scanMatch[1]!);
      if (!req.path.startsWith("/v3/")) return null;
      const denied = authorize(req);
      if (denied) return denied;
      if (req.method === "POST" && req.path === "/v3/pay/transactions/native") return native(req);
      const byOrder = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)(\/close)?$/.exec(req.path);
      if (byOrder) {
        if (req.method === "GET" && !byOrder[2] && req.query.get("mchid") !== keys.mchId) return error(400, "PARAM_ERROR", "mchid 与请求的商户号不一致");
        const p = book.get("wechat", decodeURIComponent(byOrder[1]!));
        if (!p) return error(404, "ORDER_NOT_EXIST", "订单不存在");
        if (req.method === "GET" && !byOrder[2]) return reply(200, transaction(p));
        if (req.method === "POST" && byOrder[2]) {
          if (p.status === "paid") return error(400, "ORDERPAID", "订单已支付");
          p.status = "closed";
          return reply(204);
        }
      }
      if (req.method === "POST" && req.path === "/v3/refund/domestic/refunds") return refund(req);
      const refundMatch = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(req.path);
      if (refundMatch && req.method === "GET") {
        const refundNo = decodeURIComponent(refundMatch[1]!);
        const p = book.all().find((x) => x.provider === "wechat" && x.refunds.some((r) => r.refundNo === refundNo));
        const r = p?.refunds.find((x) => x.refundNo === refundNo);
        return p && r ? reply(200, refundJson(p, r, "SUCCESS")) : error(404, "RESOURCE_NOT_EXISTS", "退款单不存在");
      }
      return error(404, "NOT_FOUND", `${req.method} ${req.path} 不存在`);
    },
  };
}
