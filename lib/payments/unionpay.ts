// UnionPay online gateway payment (网关支付), interface version 5.1.0, signMethod 01 (RSA with SHA-256 over the
// SHA-256 hex of the sorted fields). The learner's browser posts our signed form to frontTransReq; UnionPay
// posts the result to backUrl; queries and refunds are server-to-server posts answered with signed k=v text.
// UnionPay signs with the certificate it sends in signPubKeyCert; we accept only the configured certificate
// (production deployments put the current one in UNIONPAY_VERIFY_CERT when UnionPay announces a change).
// No SDK for Node is published by UnionPay, so this follows the published specification.
import "server-only";
import { X509Certificate } from "node:crypto";
import type { UnionpayConfig } from "./config";
import { chinaCompact, parseFen } from "./money";
import { parseUnionpayAnswer, unionpaySign, unionpayVerify } from "./unionpay-sign";
import { PaymentProviderError, malformedNotification, type PaymentProvider, type PaymentQueryResult, type RefundResult, type VerifyResult } from "./types";

const SUCCESS = new Set(["00", "A6"]);
/** Still being processed at UnionPay: ask again later. */
const PROCESSING = new Set(["03", "04", "05"]);
const COMMON = { version: "5.1.0", encoding: "UTF-8", signMethod: "01", accessType: "0" } as const;

export function unionpayProvider(config: UnionpayConfig): PaymentProvider {
  const trusted = new X509Certificate(config.verifyCert);

  const sign = (fields: Record<string, string>) => {
    const signed = { ...fields, certId: config.certId };
    return { ...signed, signature: unionpaySign(signed, config.privateKey) };
  };

  /** Signature check of anything UnionPay sent; null when it holds. */
  const checkSignature = (fields: Record<string, string>): string | null => {
    if (!fields.signature) return "no signature";
    if (fields.signMethod !== "01") return `unsupported signMethod ${fields.signMethod ?? "(none)"}`;
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(fields.signPubKeyCert ?? "");
    } catch {
      return "no readable signPubKeyCert";
    }
    if (cert.fingerprint256 !== trusted.fingerprint256) return "signed with a certificate that is not UnionPay's configured one";
    return unionpayVerify(fields, trusted.publicKey) ? null : "bad signature";
  };

  const post = async (path: string, fields: Record<string, string>): Promise<Record<string, string>> => {
    let text: string;
    try {
      const res = await fetch(config.gatewayUrl + path, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded; charset=UTF-8" },
        body: new URLSearchParams(sign(fields)),
        signal: AbortSignal.timeout(10_000),
      });
      text = await res.text();
      if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
    } catch (error) {
      throw new PaymentProviderError("unionpay", "request_failed", error instanceof Error ? error.message : String(error), { path });
    }
    const answer = parseUnionpayAnswer(text);
    const problem = checkSignature(answer);
    if (problem) throw new PaymentProviderError("unionpay", "answer_not_verified", problem, { path, respCode: answer.respCode, respMsg: answer.respMsg });
    return answer;
  };

  const query = (orderId: string, txnTime: Date) =>
    post("/gateway/api/queryTrans.do", { ...COMMON, txnType: "00", txnSubType: "00", bizType: "000000", merId: config.merId, orderId, txnTime: chinaCompact(txnTime) });

  const refundStatus = (answer: Record<string, string>) =>
    SUCCESS.has(answer.origRespCode ?? "") ? "success" : PROCESSING.has(answer.origRespCode ?? "") ? "processing" : "failed";

  return {
    name: "unionpay",

    async createPayment(input) {
      const startedAt = input.startedAt ?? new Date();
      const fields = sign({
        ...COMMON,
        txnType: "01",
        txnSubType: "01",
        bizType: "000201",
        channelType: "07",
        currencyCode: "156",
        merId: config.merId,
        orderId: input.orderNo,
        txnTime: chinaCompact(startedAt),
        txnAmt: String(input.amountFen),
        frontUrl: input.returnUrl,
        backUrl: input.notifyUrl,
        ...(input.expiresAt ? { payTimeout: chinaCompact(input.expiresAt) } : {}),
      });
      return { kind: "form", action: `${config.gatewayUrl}/gateway/api/frontTransReq.do`, fields, startedAt };
    },

    async verifyNotification(rawBody): Promise<VerifyResult> {
      const fields = Object.fromEntries(new URLSearchParams(typeof rawBody === "string" ? rawBody : rawBody.toString("utf8")));
      const problem = checkSignature(fields);
      if (problem) return { ok: false, reason: problem };
      if (fields.merId !== config.merId) return { ok: false, reason: `merId ${fields.merId} is not ours` };
      const amountFen = parseFen(fields.txnAmt ?? "");
      if (amountFen === null || !fields.orderId || !fields.queryId) return malformedNotification("no txnAmt, orderId or queryId");
      const status = SUCCESS.has(fields.respCode ?? "") ? "success" : "failed";
      // UnionPay states no payment time with a year in it; the notification's arrival stands for it.
      const paidAt = status === "success" ? new Date() : undefined;
      if (fields.txnType === "04") {
        // Refunds: orderId is our refund number, reqReserved carries our order number (refund() sets it).
        return { ok: true, event: { type: "refund", orderNo: fields.reqReserved ?? "", refundNo: fields.orderId, providerTradeNo: fields.origQryId ?? "", amountFen, merchantId: fields.merId, paidAt, status, raw: fields } };
      }
      if (fields.txnType !== "01") return malformedNotification(`unexpected txnType ${fields.txnType ?? "(none)"}`);
      return { ok: true, event: { type: "payment", orderNo: fields.orderId, providerTradeNo: fields.queryId, amountFen, merchantId: fields.merId, paidAt, status, raw: fields } };
    },

    notificationAnswer(ok) {
      return ok ? { status: 200, headers: { "content-type": "text/plain" }, body: "ok" } : { status: 400, headers: { "content-type": "text/plain" }, body: "fail" };
    },

    async queryPayment(orderNo, opts): Promise<PaymentQueryResult> {
      if (!opts?.startedAt) throw new Error("UnionPay queries need the payment's startedAt (its txnTime)");
      const answer = await query(orderNo, opts.startedAt);
      if (answer.respCode === "34") return { orderNo, status: "pending", providerStatus: "34", raw: answer }; // no such transaction
      if (answer.respCode !== "00") throw new PaymentProviderError("unionpay", answer.respCode ?? "unknown", answer.respMsg ?? "", answer);
      const orig = answer.origRespCode ?? "";
      return {
        orderNo,
        status: SUCCESS.has(orig) ? "paid" : PROCESSING.has(orig) ? "pending" : "failed",
        providerTradeNo: answer.queryId,
        amountFen: parseFen(answer.txnAmt ?? "") ?? undefined,
        providerStatus: orig,
        raw: answer,
      };
    },

    async refund(input): Promise<RefundResult> {
      if (!input.providerTradeNo) throw new Error("UnionPay refunds need the payment's queryId (providerTradeNo)");
      if (!input.notifyUrl) throw new Error("UnionPay refunds need a notifyUrl (backUrl)");
      const requestedAt = input.requestedAt ?? new Date();
      const answer = await post("/gateway/api/backTransReq.do", {
        ...COMMON,
        txnType: "04",
        txnSubType: "00",
        bizType: "000201",
        channelType: "07",
        merId: config.merId,
        orderId: input.refundNo,
        origQryId: input.providerTradeNo,
        txnTime: chinaCompact(requestedAt),
        txnAmt: String(input.amountFen),
        backUrl: input.notifyUrl,
        reqReserved: input.orderNo,
      });
      if (!SUCCESS.has(answer.respCode ?? "")) throw new PaymentProviderError("unionpay", answer.respCode ?? "unknown", answer.respMsg ?? "", answer);
      // Accepted; the outcome arrives at backUrl or through queryRefund.
      return { refundNo: input.refundNo, status: "processing", amountFen: input.amountFen, providerRefundNo: answer.queryId, requestedAt, raw: answer };
    },

    async queryRefund(q): Promise<RefundResult> {
      if (!q.requestedAt) throw new Error("UnionPay refund queries need the refund's requestedAt (its txnTime)");
      const answer = await query(q.refundNo, q.requestedAt);
      if (answer.respCode === "34") return { refundNo: q.refundNo, status: "failed", amountFen: 0, requestedAt: q.requestedAt, raw: answer };
      if (answer.respCode !== "00") throw new PaymentProviderError("unionpay", answer.respCode ?? "unknown", answer.respMsg ?? "", answer);
      return { refundNo: q.refundNo, status: refundStatus(answer), amountFen: parseFen(answer.txnAmt ?? "") ?? 0, providerRefundNo: answer.queryId, requestedAt: q.requestedAt, raw: answer };
    },
  };
}
