// The sandbox playing the UnionPay online gateway, interface 5.1.0 (gateway.95516.com): frontTransReq opens a
// confirm screen, queryTrans and backTransReq (refunds, txnType 04) answer signed k=v text, and results go
// to backUrl as signed form posts carrying the sandbox's signing certificate in signPubKeyCert.
import { createPrivateKey, createPublicKey } from "node:crypto";
import { parseFen } from "../../lib/payments/money";
import { formatUnionpayAnswer, unionpaySign, unionpayVerify } from "../../lib/payments/unionpay-sign";
import type { Reply } from "./oauth-standin-core";
import { digitString, html, text, type Deliverer, type PaymentBook, type ProviderSandbox, type RequestInfo, type SandboxPayment } from "./payment-sandbox-core";
import type { PaymentSandboxKeys } from "./payment-sandbox-keys";
import { autoSubmitPage, confirmPage, donePage, errorPage } from "./payment-sandbox-pages";

const TITLE = "银联在线支付（本地沙箱）";
type Fields = Record<string, string>;

export function unionpaySandbox(keys: PaymentSandboxKeys["unionpay"], book: PaymentBook, deliverer: Deliverer, now: () => number): ProviderSandbox {
  const merchantKey = createPublicKey(keys.merchantPublicKey);
  const unionpayKey = createPrivateKey(keys.unionpayPrivateKey);
  const prefix = "/unionpay";

  const signed = (fields: Fields): Fields => {
    const f = { ...fields, signPubKeyCert: keys.unionpayCert };
    return { ...f, signature: unionpaySign(f, unionpayKey) };
  };
  const answer = (fields: Fields): Reply => text(200, formatUnionpayAnswer(signed({ version: "5.1.0", encoding: "UTF-8", signMethod: "01", ...fields })), "text/plain;charset=UTF-8");

  /** [respCode, respMsg] when a request fails the gateway's checks. */
  const check = (f: Fields): [string, string] | null => {
    if (f.version !== "5.1.0" || f.encoding !== "UTF-8" || f.signMethod !== "01") return ["10", "报文格式错误：version 5.1.0、encoding UTF-8、signMethod 01"];
    if (f.certId !== keys.certId) return ["11", "验证签名失败：certId 未登记"];
    if (!unionpayVerify(f, merchantKey)) return ["11", "验证签名失败"];
    if (f.merId !== keys.merId) return ["12", "商户号不存在"];
    if (!/^\d{14}$/.test(f.txnTime ?? "")) return ["10", "txnTime 格式错误"];
    if (!/^[0-9A-Za-z]{8,40}$/.test(f.orderId ?? "")) return ["10", "orderId 应为 8-40 位字母或数字"];
    return null;
  };

  const result = (p: SandboxPayment, extra: Fields = {}): Fields => ({
    version: "5.1.0",
    encoding: "UTF-8",
    signMethod: "01",
    bizType: "000201",
    txnType: "01",
    txnSubType: "01",
    accessType: "0",
    merId: keys.merId,
    orderId: p.orderNo,
    txnTime: p.txnTime ?? "",
    txnAmt: String(p.amountFen),
    currencyCode: "156",
    queryId: p.tradeNo,
    traceNo: p.tradeNo.slice(-6),
    traceTime: p.txnTime?.slice(4) ?? "",
    settleDate: p.txnTime?.slice(4, 8) ?? "",
    settleAmt: String(p.amountFen),
    settleCurrencyCode: "156",
    accNo: "6216***********0018",
    payType: "0001",
    respCode: "00",
    respMsg: "成功[0000000]",
    ...extra,
  });

  const pay = (orderNo: string, opts?: { drop?: boolean }) => {
    const p = book.get("unionpay", orderNo);
    if (!p || p.status !== "pending") return p;
    Object.assign(p, { status: "paid", paidAt: now(), tradeNo: `${p.txnTime ?? ""}${digitString(7)}` });
    const body = new URLSearchParams(signed(result(p))).toString();
    deliverer.enqueue({ provider: "unionpay", kind: "payment", orderNo, url: p.notifyUrl, build: () => ({ body, headers: { "content-type": "application/x-www-form-urlencoded; charset=UTF-8" } }) }, opts?.drop);
    return p;
  };

  const front = (f: Fields): Reply => {
    const problem = check(f);
    if (problem) return html(400, errorPage(TITLE, problem[0], problem[1]));
    const amountFen = parseFen(f.txnAmt ?? "");
    const wanted = { txnType: "01", txnSubType: "01", bizType: "000201", channelType: "07", accessType: "0", currencyCode: "156" } as Fields;
    const wrong = Object.keys(wanted).find((k) => f[k] !== wanted[k]);
    if (wrong) return html(400, errorPage(TITLE, "10", `${wrong} 应为 ${wanted[wrong]}`));
    if (amountFen === null || amountFen < 1 || !/^https?:\/\//.test(f.backUrl ?? "") || !/^https?:\/\//.test(f.frontUrl ?? "")) return html(400, errorPage(TITLE, "10", "txnAmt、frontUrl 或 backUrl 无效"));
    const orderNo = f.orderId!;
    const existing = book.get("unionpay", orderNo);
    if (existing && (existing.status !== "pending" || existing.txnTime !== f.txnTime || existing.amountFen !== amountFen)) return html(400, errorPage(TITLE, "12", "重复交易"));
    const p = existing ?? book.put({ provider: "unionpay", orderNo, amountFen, subject: `订单 ${orderNo}`, notifyUrl: f.backUrl!, returnUrl: f.frontUrl!, status: "pending", tradeNo: "", txnTime: f.txnTime, createdAt: now(), refunds: [] });
    return html(200, confirmPage({ title: TITLE, merchant: `商户号 ${keys.merId}`, amountFen, subject: p.subject, orderNo, action: `${prefix}/pay`, hidden: { orderId: orderNo } }));
  };

  const confirm = (form: URLSearchParams): Reply => {
    const p = book.get("unionpay", form.get("orderId") ?? "");
    if (!p) return html(404, errorPage(TITLE, "34", "查无此交易"));
    if (form.get("decision") !== "pay") return html(200, donePage("已取消支付", "你取消了这次支付。", new URL(p.returnUrl).origin));
    if (p.status !== "pending") return html(400, errorPage(TITLE, "12", "重复交易"));
    pay(p.orderNo);
    return html(200, autoSubmitPage(p.returnUrl, signed(result(p))));
  };

  const query = (f: Fields): Reply => {
    const p = book.get("unionpay", f.orderId ?? "");
    if (p && p.txnTime === f.txnTime) {
      if (p.status === "pending") return answer({ merId: keys.merId, orderId: p.orderNo, txnTime: p.txnTime ?? "", respCode: "00", respMsg: "成功", origRespCode: "05", origRespMsg: "交易处理中" });
      return answer({ ...result(p), respCode: "00", respMsg: "成功[0000000]", origRespCode: p.status === "paid" ? "00" : "01", origRespMsg: p.status === "paid" ? "成功[0000000]" : "交易失败" });
    }
    for (const q of book.all()) {
      const r = q.provider === "unionpay" ? q.refunds.find((x) => x.refundNo === f.orderId && x.txnTime === f.txnTime) : undefined;
      if (r) return answer({ merId: keys.merId, orderId: r.refundNo, txnTime: r.txnTime ?? "", txnType: "04", txnAmt: String(r.amountFen), queryId: r.providerRefundNo, origQryId: q.tradeNo, respCode: "00", respMsg: "成功", origRespCode: "00", origRespMsg: "成功[0000000]" });
    }
    return answer({ merId: keys.merId, orderId: f.orderId ?? "", txnTime: f.txnTime ?? "", respCode: "34", respMsg: "查无此交易" });
  };

  const refund = (f: Fields): Reply => {
    const base = { merId: keys.merId, orderId: f.orderId ?? "", txnTime: f.txnTime ?? "", txnType: "04", txnSubType: "00", bizType: "000201", accessType: "0" };
    if (f.txnType !== "04") return answer({ ...base, respCode: "10", respMsg: "此接口在沙箱中只支持退货 (txnType 04)" });
    const p = book.all().find((x) => x.provider === "unionpay" && x.tradeNo && x.tradeNo === f.origQryId);
    if (!p || p.status !== "paid") return answer({ ...base, respCode: "35", respMsg: "原交易不存在或状态不正确" });
    const amountFen = parseFen(f.txnAmt ?? "");
    if (amountFen === null || amountFen < 1 || book.refunded(p) + amountFen > p.amountFen) return answer({ ...base, respCode: "10", respMsg: "退货金额超限" });
    if (p.refunds.some((r) => r.refundNo === f.orderId)) return answer({ ...base, respCode: "12", respMsg: "重复交易" });
    const r = { refundNo: f.orderId!, providerRefundNo: `${f.txnTime}${digitString(7)}`, amountFen, reason: "", status: "success" as const, txnTime: f.txnTime, notifyUrl: f.backUrl, requestedAt: now(), succeededAt: now() };
    p.refunds.push(r);
    if (r.notifyUrl) {
      const fields = { ...base, txnAmt: String(amountFen), currencyCode: "156", queryId: r.providerRefundNo, origQryId: p.tradeNo, ...(f.reqReserved ? { reqReserved: f.reqReserved } : {}), respCode: "00", respMsg: "成功[0000000]", version: "5.1.0", encoding: "UTF-8", signMethod: "01" };
      const body = new URLSearchParams(signed(fields)).toString();
      deliverer.enqueue({ provider: "unionpay", kind: "refund", orderNo: p.orderNo, refundNo: r.refundNo, url: r.notifyUrl, build: () => ({ body, headers: { "content-type": "application/x-www-form-urlencoded; charset=UTF-8" } }) });
    }
    return answer({ ...base, txnAmt: String(amountFen), queryId: r.providerRefundNo, origQryId: p.tradeNo, ...(f.reqReserved ? { reqReserved: f.reqReserved } : {}), respCode: "00", respMsg: "成功[0000000]" });
  };

  return {
    id: "unionpay",
    prefix,
    pay,
    handle(req: RequestInfo): Reply | null {
      if (req.method !== "POST") return null;
      const f: Fields = Object.fromEntries(new URLSearchParams(req.body));
      if (req.path === "/pay") return confirm(new URLSearchParams(req.body));
      if (req.path === "/gateway/api/frontTransReq.do") return front(f);
      if (req.path !== "/gateway/api/queryTrans.do" && req.path !== "/gateway/api/backTransReq.do") return null;
      const problem = check(f);
      if (problem) return answer({ merId: f.merId ?? "", orderId: f.orderId ?? "", txnTime: f.txnTime ?? "", respCode: problem[0], respMsg: problem[1] });
      return req.path === "/gateway/api/queryTrans.do" ? query(f) : refund(f);
    },
  };
}
