// Alipay computer-website payment (alipay.trade.page.pay) with RSA2 keys, through the official alipay-sdk
// for request signing and answer verification against the configured gateway. Notifications are verified
// here over the raw form body (the SDK's checkNotifySign also accepts a signature over sign_type, which the
// published rule for asynchronous notifications leaves out).
import "server-only";
import { AlipaySdk } from "alipay-sdk";
import { alipaySignContent, rsa2Verify } from "./alipay-sign";
import type { AlipayConfig } from "./config";
import { privatePem, publicPem } from "./keys";
import { chinaDateTime, fenToYuan, parseChinaTime, yuanToFen } from "./money";
import { PaymentProviderError, malformedNotification, type NotificationEvent, type PaymentProvider, type PaymentQueryResult, type PaymentStatus, type RefundResult, type VerifyResult } from "./types";

const TRADE_STATUS: Record<string, PaymentStatus> = {
  WAIT_BUYER_PAY: "pending",
  TRADE_SUCCESS: "paid",
  TRADE_FINISHED: "paid",
  TRADE_CLOSED: "closed",
};

type Answer = Record<string, unknown> & { code?: string; msg?: string; sub_code?: string; sub_msg?: string };

export function alipayProvider(config: AlipayConfig): PaymentProvider {
  const sdk = new AlipaySdk({
    appId: config.appId,
    privateKey: privatePem(config.privateKey),
    alipayPublicKey: publicPem(config.alipayPublicKey),
    keyType: "PKCS8",
    signType: "RSA2",
    gateway: config.gatewayUrl,
    camelcase: false,
    timeout: 10_000,
  });

  const call = async (method: string, bizContent: Record<string, unknown>): Promise<Answer> => {
    let answer: Answer;
    try {
      answer = (await sdk.exec(method, { bizContent }, { validateSign: true })) as Answer;
    } catch (error) {
      throw new PaymentProviderError("alipay", "request_failed", error instanceof Error ? error.message : String(error), { method });
    }
    return answer;
  };
  const failure = (answer: Answer, method: string) =>
    new PaymentProviderError("alipay", answer.sub_code ?? answer.code ?? "unknown", answer.sub_msg ?? answer.msg ?? "no message", { method, answer });

  return {
    name: "alipay",

    async createPayment(input) {
      const startedAt = input.startedAt ?? new Date();
      const url = sdk.pageExecute("alipay.trade.page.pay", "GET", {
        bizContent: {
          out_trade_no: input.orderNo,
          product_code: "FAST_INSTANT_TRADE_PAY",
          total_amount: fenToYuan(input.amountFen),
          subject: input.subject.slice(0, 256),
          ...(input.expiresAt ? { time_expire: chinaDateTime(input.expiresAt) } : {}),
        },
        returnUrl: input.returnUrl,
        notifyUrl: input.notifyUrl,
      });
      return { kind: "redirect", url, startedAt };
    },

    async verifyNotification(rawBody): Promise<VerifyResult> {
      const params = Object.fromEntries(new URLSearchParams(typeof rawBody === "string" ? rawBody : rawBody.toString("utf8")));
      if (!params.sign) return { ok: false, reason: "no signature" };
      if (params.sign_type !== "RSA2") return { ok: false, reason: `unsupported sign_type ${params.sign_type ?? "(none)"}` };
      if (!rsa2Verify(alipaySignContent(params, "notification"), params.sign, config.alipayPublicKey)) return { ok: false, reason: "bad signature" };
      // Signed by Alipay; now is it for us?
      if (params.app_id !== config.appId) return { ok: false, reason: `app_id ${params.app_id} is not ours` };
      if (params.seller_id !== undefined && params.seller_id !== config.sellerId) return { ok: false, reason: `seller_id ${params.seller_id} is not ours` };
      if (!params.out_trade_no || !params.trade_no) return malformedNotification("no out_trade_no or trade_no");
      const isRefund = Boolean(params.out_biz_no) && params.refund_fee !== undefined;
      const amountFen = yuanToFen((isRefund ? params.refund_fee : params.total_amount) ?? "");
      if (amountFen === null) return malformedNotification("malformed amount");
      const tradeStatus = params.trade_status ?? "";
      const event: NotificationEvent = {
        type: isRefund ? "refund" : "payment",
        orderNo: params.out_trade_no,
        ...(isRefund ? { refundNo: params.out_biz_no } : {}),
        providerTradeNo: params.trade_no,
        // For refunds: refund_fee is what has been refunded on the trade so far, in total.
        amountFen,
        merchantId: config.sellerId,
        appId: params.app_id,
        paidAt: parseChinaTime(isRefund ? params.gmt_refund : params.gmt_payment),
        status: isRefund || tradeStatus === "TRADE_SUCCESS" || tradeStatus === "TRADE_FINISHED" ? "success" : tradeStatus === "TRADE_CLOSED" ? "closed" : tradeStatus.toLowerCase(),
        raw: params,
      };
      return { ok: true, event };
    },

    notificationAnswer(ok) {
      return { status: 200, headers: { "content-type": "text/plain; charset=utf-8" }, body: ok ? "success" : "fail" };
    },

    async queryPayment(orderNo): Promise<PaymentQueryResult> {
      const answer = await call("alipay.trade.query", { out_trade_no: orderNo });
      if (answer.code !== "10000") {
        // The trade exists at Alipay only once the learner has opened the cashier page and logged in.
        if (answer.sub_code === "ACQ.TRADE_NOT_EXIST") return { orderNo, status: "pending", providerStatus: "TRADE_NOT_EXIST", raw: answer };
        throw failure(answer, "alipay.trade.query");
      }
      const tradeStatus = String(answer.trade_status ?? "");
      return {
        orderNo,
        status: TRADE_STATUS[tradeStatus] ?? "pending",
        providerTradeNo: typeof answer.trade_no === "string" ? answer.trade_no : undefined,
        amountFen: yuanToFen(String(answer.total_amount ?? "")) ?? undefined,
        paidAt: parseChinaTime(answer.send_pay_date as string | undefined),
        providerStatus: tradeStatus,
        raw: answer,
      };
    },

    async refund(input): Promise<RefundResult> {
      const requestedAt = input.requestedAt ?? new Date();
      const answer = await call("alipay.trade.refund", {
        out_trade_no: input.orderNo,
        refund_amount: fenToYuan(input.amountFen),
        out_request_no: input.refundNo,
        refund_reason: input.reason.slice(0, 256),
      });
      if (answer.code !== "10000") throw failure(answer, "alipay.trade.refund");
      // fund_change "N" answers a repeated request: the money moved (or not) the first time; ask to be sure.
      return { refundNo: input.refundNo, status: answer.fund_change === "Y" ? "success" : "processing", amountFen: input.amountFen, providerRefundNo: String(answer.trade_no ?? ""), requestedAt, raw: answer };
    },

    async queryRefund(query): Promise<RefundResult> {
      const answer = await call("alipay.trade.fastpay.refund.query", { out_trade_no: query.orderNo, out_request_no: query.refundNo, query_options: ["gmt_refund_pay"] });
      if (answer.code !== "10000") throw failure(answer, "alipay.trade.fastpay.refund.query");
      const amountFen = yuanToFen(String(answer.refund_amount ?? "")) ?? 0;
      // An empty answer (no refund_amount) means no such refund was made.
      const status = answer.refund_status === "REFUND_SUCCESS" ? "success" : answer.refund_amount === undefined ? "failed" : "processing";
      return { refundNo: query.refundNo, status, amountFen, providerRefundNo: String(answer.trade_no ?? ""), requestedAt: query.requestedAt ?? new Date(), raw: answer };
    },
  };
}

