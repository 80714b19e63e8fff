// The sandbox playing Alipay's open platform gateway (gateway.do): alipay.trade.page.pay opens a cashier
// confirm screen, alipay.trade.query / refund / fastpay.refund.query answer as JSON signed with the sandbox's
// Alipay key. Every request must carry a valid RSA2 signature by the merchant key; the errors are Alipay's.
import { createPrivateKey, createPublicKey } from "node:crypto";
import { alipaySignContent, rsa2Sign, rsa2Verify } from "../../lib/payments/alipay-sign";
import { chinaDateTime, fenToYuan, yuanToFen } from "../../lib/payments/money";
import type { Reply } from "./oauth-standin-core";
import { digitString, html, redirect, type Deliverer, type PaymentBook, type ProviderSandbox, type RequestInfo, type SandboxPayment } from "./payment-sandbox-core";
import type { PaymentSandboxKeys } from "./payment-sandbox-keys";
import { confirmPage, donePage, errorPage } from "./payment-sandbox-pages";

type Biz = Record<string, unknown>;
const TITLE = "支付宝 · 电脑网站支付（本地沙箱）";

export function alipaySandbox(keys: PaymentSandboxKeys["alipay"], book: PaymentBook, deliverer: Deliverer, now: () => number): ProviderSandbox {
  const merchantKey = createPublicKey(keys.merchantPublicKey);
  const alipayKey = createPrivateKey(keys.alipayPrivateKey);
  const prefix = "/alipay";

  const signed = (fields: Record<string, string>) => ({ ...fields, sign: rsa2Sign(alipaySignContent(fields, "notification"), alipayKey) });
  const answer = (method: string, inner: Biz): Reply => {
    const json = JSON.stringify(inner);
    return {
      status: 200,
      contentType: "text/html;charset=utf-8",
      body: `{"${method.replaceAll(".", "_")}_response":${json},"sign":"${rsa2Sign(json, alipayKey)}"}`,
    };
  };
  const fail = (method: string, code: string, subCode: string, subMsg: string) =>
    answer(method, { code, msg: code === "40002" ? "Invalid Arguments" : code === "40004" ? "Business Failed" : "Service Currently Unavailable", sub_code: subCode, sub_msg: subMsg });

  /** Checks the public request parameters; an error (code, sub_code, sub_msg) or null. */
  const check = (params: Record<string, string>): [string, string, string] | null => {
    if (params.app_id !== keys.appId) return ["40002", "isv.invalid-app-id", "无效的AppID参数"];
    if (params.sign_type !== "RSA2") return ["40002", "isv.invalid-signature-type", "无效的签名类型"];
    if (!params.sign || !rsa2Verify(alipaySignContent(params, "request"), params.sign, merchantKey)) {
      return ["40002", "isv.invalid-signature", `验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：${alipaySignContent(params, "request")}`];
    }
    if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(params.timestamp ?? "")) return ["40002", "isv.invalid-timestamp", "非法的时间戳参数"];
    return null;
  };

  const biz = (params: Record<string, string>): Biz | null => {
    try {
      const parsed = JSON.parse(params.biz_content ?? "") as unknown;
      return parsed && typeof parsed === "object" ? (parsed as Biz) : null;
    } catch {
      return null;
    }
  };

  const tradeNo = () => `${chinaDateTime(new Date(now())).slice(0, 10).replace(/-/g, "")}22001${digitString(15)}`;
  const buyer = { buyer_id: `2088${digitString(12)}`, buyer_logon_id: "xue***@example.com" };

  const pagePay = (params: Record<string, string>): Reply => {
    const problem = check(params);
    if (problem) return html(400, errorPage(TITLE, problem[1], problem[2]));
    const b = biz(params);
    const amountFen = yuanToFen(String(b?.total_amount ?? ""));
    const orderNo = String(b?.out_trade_no ?? "");
    if (!b || !orderNo || orderNo.length > 64 || amountFen === null || amountFen < 1 || !b.subject || b.product_code !== "FAST_INSTANT_TRADE_PAY") {
      return html(400, errorPage(TITLE, "isv.invalid-parameter", "biz_content 参数无效：需要 out_trade_no、total_amount、subject，product_code 为 FAST_INSTANT_TRADE_PAY"));
    }
    const existing = book.get("alipay", orderNo);
    if (existing && existing.status !== "pending") return html(400, errorPage(TITLE, existing.status === "paid" ? "ACQ.TRADE_HAS_SUCCESS" : "ACQ.TRADE_HAS_CLOSE", "交易已支付或已关闭"));
    if (existing && existing.amountFen !== amountFen) return html(400, errorPage(TITLE, "ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改：同一订单号的金额不同"));
    const payment =
      existing ??
      book.put({ provider: "alipay", orderNo, amountFen, subject: String(b.subject), notifyUrl: params.notify_url ?? "", returnUrl: params.return_url ?? "", status: "pending", tradeNo: tradeNo(), createdAt: now(), refunds: [] });
    return html(200, confirmPage({ title: TITLE, merchant: `${keys.sellerId}（应用 ${keys.appId}）`, amountFen, subject: payment.subject, orderNo, action: `${prefix}/cashier`, hidden: { out_trade_no: orderNo } }));
  };

  const notifyPayment = (p: SandboxPayment, drop = false) => {
    if (!p.notifyUrl) return;
    const paidAt = chinaDateTime(new Date(p.paidAt ?? now()));
    const amount = fenToYuan(p.amountFen);
    const body = new URLSearchParams(
      signed({
        gmt_create: chinaDateTime(new Date(p.createdAt)),
        charset: "utf-8",
        gmt_payment: paidAt,
        notify_time: chinaDateTime(new Date(now())),
        subject: p.subject,
        buyer_id: buyer.buyer_id,
        invoice_amount: amount,
        version: "1.0",
        notify_id: `2024${digitString(28)}`,
        notify_type: "trade_status_sync",
        out_trade_no: p.orderNo,
        total_amount: amount,
        trade_status: "TRADE_SUCCESS",
        trade_no: p.tradeNo,
        auth_app_id: keys.appId,
        receipt_amount: amount,
        point_amount: "0.00",
        buyer_pay_amount: amount,
        app_id: keys.appId,
        sign_type: "RSA2",
        seller_id: keys.sellerId,
      }),
    ).toString();
    deliverer.enqueue({ provider: "alipay", kind: "payment", orderNo: p.orderNo, url: p.notifyUrl, build: () => ({ body, headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" } }) }, drop);
  };

  const pay = (orderNo: string, opts?: { drop?: boolean }) => {
    const p = book.get("alipay", orderNo);
    if (!p || p.status !== "pending") return p;
    p.status = "paid";
    p.paidAt = now();
    notifyPayment(p, opts?.drop);
    return p;
  };

  const cashier = (form: URLSearchParams): Reply => {
    const p = book.get("alipay", form.get("out_trade_no") ?? "");
    if (!p) return html(404, errorPage(TITLE, "ACQ.TRADE_NOT_EXIST", "交易不存在"));
    if (form.get("decision") !== "pay") return html(200, donePage("已取消付款", "你取消了这次付款，可以回到商户重新发起。", p.returnUrl ? new URL(p.returnUrl).origin : undefined));
    if (p.status !== "pending") return html(400, errorPage(TITLE, "ACQ.TRADE_STATUS_ERROR", "交易状态不合法"));
    pay(p.orderNo);
    if (!p.returnUrl) return html(200, donePage("付款成功", "付款成功。"));
    const back = new URL(p.returnUrl);
    const ret = signed({
      charset: "utf-8",
      out_trade_no: p.orderNo,
      method: "alipay.trade.page.pay.return",
      total_amount: fenToYuan(p.amountFen),
      trade_no: p.tradeNo,
      auth_app_id: keys.appId,
      version: "1.0",
      app_id: keys.appId,
      sign_type: "RSA2",
      seller_id: keys.sellerId,
      timestamp: chinaDateTime(new Date(now())),
    });
    for (const [k, v] of Object.entries(ret)) back.searchParams.set(k, v);
    return redirect(back.toString());
  };

  const find = (b: Biz) => {
    const byOurs = typeof b.out_trade_no === "string" ? book.get("alipay", b.out_trade_no) : undefined;
    return byOurs ?? (typeof b.trade_no === "string" ? book.all().find((p) => p.provider === "alipay" && p.tradeNo === b.trade_no) : undefined);
  };

  const api = (method: string, params: Record<string, string>): Reply => {
    const b = biz(params);
    if (!b) return fail(method, "40002", "isv.invalid-parameter", "biz_content 无效");
    const p = find(b);
    if (method === "alipay.trade.query") {
      if (!p) return fail(method, "40004", "ACQ.TRADE_NOT_EXIST", "交易不存在");
      const refunded = book.refunded(p);
      const status = p.status === "pending" ? "WAIT_BUYER_PAY" : p.status === "closed" || (refunded > 0 && refunded === p.amountFen) ? "TRADE_CLOSED" : "TRADE_SUCCESS";
      return answer(method, {
        code: "10000",
        msg: "Success",
        ...buyer,
        out_trade_no: p.orderNo,
        trade_no: p.tradeNo,
        trade_status: status,
        total_amount: fenToYuan(p.amountFen),
        ...(p.paidAt ? { buyer_pay_amount: fenToYuan(p.amountFen), send_pay_date: chinaDateTime(new Date(p.paidAt)) } : {}),
      });
    }
    if (method === "alipay.trade.refund") {
      if (!p) return fail(method, "40004", "ACQ.TRADE_NOT_EXIST", "交易不存在");
      if (p.status !== "paid") return fail(method, "40004", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
      const refundNo = String(b.out_request_no ?? p.orderNo);
      const amountFen = yuanToFen(String(b.refund_amount ?? ""));
      if (amountFen === null || amountFen < 1) return fail(method, "40002", "isv.invalid-parameter", "refund_amount 无效");
      const again = p.refunds.find((r) => r.refundNo === refundNo);
      if (again && again.amountFen !== amountFen) return fail(method, "40004", "ACQ.REQUEST_AMOUNT_EXCEED", "同一退款请求号的金额不一致");
      if (!again && book.refunded(p) + amountFen > p.amountFen) return fail(method, "40004", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
      if (!again) {
        p.refunds.push({ refundNo, providerRefundNo: p.tradeNo, amountFen, reason: String(b.refund_reason ?? ""), status: "success", requestedAt: now(), succeededAt: now() });
        notifyRefund(p, refundNo);
      }
      return answer(method, { code: "10000", msg: "Success", ...buyer, out_trade_no: p.orderNo, trade_no: p.tradeNo, fund_change: again ? "N" : "Y", refund_fee: fenToYuan(book.refunded(p)), gmt_refund_pay: chinaDateTime(new Date(now())) });
    }
    if (method === "alipay.trade.fastpay.refund.query") {
      if (!p) return fail(method, "40004", "ACQ.TRADE_NOT_EXIST", "交易不存在");
      const r = p.refunds.find((x) => x.refundNo === String(b.out_request_no ?? ""));
      if (!r) return answer(method, { code: "10000", msg: "Success", out_trade_no: p.orderNo, trade_no: p.tradeNo });
      return answer(method, {
        code: "10000",
        msg: "Success",
        out_trade_no: p.orderNo,
        trade_no: p.tradeNo,
        out_request_no: r.refundNo,
        total_amount: fenToYuan(p.amountFen),
        refund_amount: fenToYuan(r.amountFen),
        refund_status: "REFUND_SUCCESS",
        gmt_refund_pay: chinaDateTime(new Date(r.succeededAt ?? now())),
      });
    }
    return fail(method, "40002", "isv.invalid-method", "不存在的方法名");
  };

  function notifyRefund(p: SandboxPayment, refundNo: string) {
    if (!p.notifyUrl) return;
    const total = book.refunded(p);
    const body = new URLSearchParams(
      signed({
        notify_time: chinaDateTime(new Date(now())),
        notify_type: "trade_status_sync",
        notify_id: `2024${digitString(28)}`,
        charset: "utf-8",
        version: "1.0",
        app_id: keys.appId,
        auth_app_id: keys.appId,
        seller_id: keys.sellerId,
        sign_type: "RSA2",
        out_trade_no: p.orderNo,
        trade_no: p.tradeNo,
        out_biz_no: refundNo,
        trade_status: total === p.amountFen ? "TRADE_CLOSED" : "TRADE_SUCCESS",
        total_amount: fenToYuan(p.amountFen),
        refund_fee: fenToYuan(total),
        gmt_refund: chinaDateTime(new Date(now())),
      }),
    ).toString();
    deliverer.enqueue({ provider: "alipay", kind: "refund", orderNo: p.orderNo, refundNo, url: p.notifyUrl, build: () => ({ body, headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" } }) });
  }

  return {
    id: "alipay",
    prefix,
    pay,
    handle(req: RequestInfo): Reply | null {
      const form = new URLSearchParams(req.method === "POST" ? req.body : "");
      if (req.path === "/cashier" && req.method === "POST") return cashier(form);
      if (req.path !== "/gateway.do") return null;
      const params: Record<string, string> = Object.fromEntries(req.query);
      for (const [k, v] of form) if (!(k in params)) params[k] = v;
      const method = params.method ?? "";
      if (method === "alipay.trade.page.pay") return pagePay(params);
      const problem = check(params);
      if (problem) return fail(method || "error", problem[0], problem[1], problem[2]);
      return api(method, params);
    },
  };
}
