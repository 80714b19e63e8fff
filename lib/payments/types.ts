// The one interface every payment provider module (alipay.ts, wechat.ts, unionpay.ts) implements, so the
// orders and webhook code never branches on the provider's wire format. Money is in fen throughout.
export type ProviderName = "alipay" | "wechat" | "unionpay";
export const PROVIDERS: readonly ProviderName[] = ["alipay", "wechat", "unionpay"];

export interface CreatePaymentInput {
  /** Our order number (a decimal string); the provider's out_trade_no / orderId. */
  orderNo: string;
  amountFen: number;
  /** What the learner sees on the provider's page (course titles). */
  subject: string;
  /** Where the learner's browser comes back to (Alipay return_url, UnionPay frontUrl; unused by WeChat Native). */
  returnUrl: string;
  /** Our webhook (Alipay notify_url, WeChat notify_url, UnionPay backUrl). */
  notifyUrl: string;
  clientIp: string;
  /** Default now. UnionPay needs it again to query or refund the order (txnTime): store it with the order. */
  startedAt?: Date;
  /** When the provider should stop accepting payment (default: its own default). */
  expiresAt?: Date;
}

/** How to send the learner to pay: follow a URL, auto-submit a form, or show a QR code of codeUrl. */
export type CreatePaymentResult = (
  | { kind: "redirect"; url: string }
  | { kind: "form"; action: string; fields: Record<string, string> }
  | { kind: "qr"; codeUrl: string }
) & { startedAt: Date };

export type PaymentStatus = "pending" | "paid" | "closed" | "refunded" | "failed";

export interface NotificationEvent {
  type: "payment" | "refund";
  /** Our order number. */
  orderNo: string;
  /** Our refund number, for refund events. */
  refundNo?: string;
  /** The provider's id of the payment (Alipay trade_no, WeChat transaction_id, UnionPay queryId). */
  providerTradeNo: string;
  /** Paid amount for payments, refunded amount for refunds. */
  amountFen: number;
  /** Alipay app_id, WeChat mchid/appid, UnionPay merId: already checked against ours. */
  merchantId: string;
  appId?: string;
  /** When the payment (or refund) succeeded, if it did. */
  paidAt?: Date;
  /** "success" when money moved; anything else is the provider's own state word, lower-cased. */
  status: "success" | "closed" | "failed" | string;
  /** The decoded notification (for WeChat the decrypted resource), for storing with the order. */
  raw: Record<string, unknown>;
}

export type VerifyResult =
  | { ok: true; event: NotificationEvent }
  /**
   * `signed`: the provider's signature held but the content is unusable (not JSON, a field missing or
   * malformed): stored as verified and rejected, rather than unverified, and answered as a failure.
   */
  | { ok: false; reason: string; signed?: true };

/** A refusal of a notification whose signature held: its content is malformed. */
export const malformedNotification = (reason: string): VerifyResult => ({ ok: false, reason, signed: true });

/** An amount of fen a notification may carry: a non-negative safe integer. */
export const isFenAmount = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n) && n >= 0;

/** Exactly what to answer the provider's notification with. */
export interface NotificationAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface PaymentQueryResult {
  orderNo: string;
  status: PaymentStatus;
  providerTradeNo?: string;
  amountFen?: number;
  paidAt?: Date;
  /** The provider's own state word (TRADE_SUCCESS, NOTPAY, origRespCode 00, ...). */
  providerStatus: string;
  raw: Record<string, unknown>;
}

export interface RefundInput {
  orderNo: string;
  refundNo: string;
  amountFen: number;
  totalFen: number;
  reason: string;
  /** The provider's id of the payment; UnionPay needs it (origQryId), the others accept our order number. */
  providerTradeNo?: string;
  /** Where refund notifications go (WeChat notify_url, UnionPay backUrl); Alipay uses the app's setting. */
  notifyUrl?: string;
  /** Default now; UnionPay needs it again to query the refund (txnTime). */
  requestedAt?: Date;
}

export type RefundStatus = "processing" | "success" | "failed";

export interface RefundResult {
  refundNo: string;
  status: RefundStatus;
  amountFen: number;
  providerRefundNo?: string;
  requestedAt: Date;
  raw: Record<string, unknown>;
}

export interface RefundQuery {
  refundNo: string;
  orderNo: string;
  /** UnionPay: the requestedAt the refund was made with. */
  requestedAt?: Date;
}

export interface PaymentProvider {
  readonly name: ProviderName;
  createPayment(input: CreatePaymentInput): Promise<CreatePaymentResult>;
  /** Verifies the signature over the raw body before reading anything from it. Never throws, whatever the body. */
  verifyNotification(rawBody: string | Buffer, headers: Headers): Promise<VerifyResult>;
  notificationAnswer(ok: boolean, message?: string): NotificationAnswer;
  /** `startedAt` is required by UnionPay (txnTime) and ignored by the others. */
  queryPayment(orderNo: string, opts?: { startedAt?: Date }): Promise<PaymentQueryResult>;
  refund(input: RefundInput): Promise<RefundResult>;
  queryRefund(query: RefundQuery): Promise<RefundResult>;
}

/** A provider answered with an error, or its answer failed verification. */
export class PaymentProviderError extends Error {
  constructor(
    readonly provider: ProviderName,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(`${provider}: ${code}: ${message}`);
    this.name = "PaymentProviderError";
  }
}
