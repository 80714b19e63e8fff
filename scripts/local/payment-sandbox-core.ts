// What the three provider stand-ins of the payments sandbox share: the payments and refunds they know, and the
// asynchronous notifications they owe our notify URLs, delivered and retried on each provider's published
// schedule until we answer success. Everything lives in the memory of the one sandbox process.
import { randomBytes } from "node:crypto";
import type { Reply } from "./oauth-standin-core";

export type SandboxProvider = "alipay" | "wechat" | "unionpay";

export interface SandboxRefund {
  refundNo: string;
  providerRefundNo: string;
  amountFen: number;
  reason: string;
  status: "processing" | "success";
  /** UnionPay txnTime of the refund request. */
  txnTime?: string;
  notifyUrl?: string;
  requestedAt: number;
  succeededAt?: number;
}

export interface SandboxPayment {
  provider: SandboxProvider;
  orderNo: string;
  amountFen: number;
  subject: string;
  notifyUrl: string;
  returnUrl: string;
  status: "pending" | "paid" | "closed";
  /** The provider's id: Alipay trade_no, WeChat transaction_id, UnionPay queryId (set when created or paid). */
  tradeNo: string;
  /** WeChat code_url token. */
  codeToken?: string;
  /** UnionPay txnTime (queries must repeat it). */
  txnTime?: string;
  createdAt: number;
  paidAt?: number;
  refunds: SandboxRefund[];
}

export interface Attempt {
  at: number;
  status?: number;
  answer?: string;
  error?: string;
}

export interface Delivery {
  id: string;
  provider: SandboxProvider;
  kind: "payment" | "refund";
  orderNo: string;
  refundNo?: string;
  url: string;
  /** "pending" (a retry is scheduled), "delivered" (we answered success), "dropped" (lost on purpose), "gave-up". */
  state: "pending" | "delivered" | "dropped" | "gave-up";
  attempts: Attempt[];
  nextAt?: number;
  /** The notification as last sent. */
  body: string;
  headers: Record<string, string>;
}

/** The published retry schedules (delays after each failed attempt). */
export const RETRY_SCHEDULES_MS: Record<SandboxProvider, number[]> = {
  // 4m, 10m, 10m, 1h, 2h, 6h, 15h: 8 notifications over 25 hours.
  alipay: [4, 10, 10, 60, 120, 360, 900].map((m) => m * 60_000),
  // 15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h: 16 over 24h4m.
  wechat: [15_000, 15_000, 30_000, ...[3, 10, 20, 30, 30, 30, 60, 180, 180, 180, 360, 360].map((m) => m * 60_000)],
  // UnionPay resends the back notification 5 times: after 1, 2, 4, 8 and 16 minutes.
  unionpay: [1, 2, 4, 8, 16].map((m) => m * 60_000),
};

/** Whether our answer is the success each provider wants. */
export const ACCEPTED: Record<SandboxProvider, (status: number, body: string) => boolean> = {
  alipay: (status, body) => status === 200 && body.trim() === "success",
  wechat: (status) => status === 200 || status === 204,
  unionpay: (status) => status === 200,
};

export interface Notification {
  provider: SandboxProvider;
  kind: "payment" | "refund";
  orderNo: string;
  refundNo?: string;
  url: string;
  /** Builds the request for one attempt (WeChat signs every attempt afresh, with a new timestamp). */
  build(): { body: string; headers: Record<string, string> };
}

export class Deliverer {
  readonly deliveries: Delivery[] = [];
  private readonly builders = new Map<string, Notification["build"]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly opts: { retryScale: number; now: () => number; log?: (msg: string, fields?: Record<string, unknown>) => void },
  ) {}

  /** Queues a notification; with `drop` it is recorded but never sent (a lost notification). */
  enqueue(n: Notification, drop = false): Delivery {
    const first = n.build();
    const delivery: Delivery = { id: randomBytes(8).toString("hex"), provider: n.provider, kind: n.kind, orderNo: n.orderNo, refundNo: n.refundNo, url: n.url, state: drop ? "dropped" : "pending", attempts: [], ...first };
    this.deliveries.push(delivery);
    this.builders.set(delivery.id, n.build);
    if (!drop) this.schedule(delivery, 0);
    return delivery;
  }

  /** Sends once more now, whatever its state (a manual redelivery, as the merchant portals offer). */
  async redeliver(id: string): Promise<Delivery | undefined> {
    const delivery = this.deliveries.find((d) => d.id === id);
    if (!delivery) return undefined;
    this.cancel(id);
    await this.attempt(delivery, false);
    return delivery;
  }

  /** Stops the retries of a notification, as if every further attempt were lost. */
  drop(id: string): Delivery | undefined {
    const delivery = this.deliveries.find((d) => d.id === id);
    if (delivery && delivery.state === "pending") {
      this.cancel(id);
      delivery.state = "dropped";
      delivery.nextAt = undefined;
    }
    return delivery;
  }

  close(): void {
    this.closed = true;
    for (const id of [...this.timers.keys()]) this.cancel(id);
  }

  private cancel(id: string): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
  }

  private schedule(delivery: Delivery, delayMs: number): void {
    if (this.closed) return;
    delivery.nextAt = this.opts.now() + delayMs;
    const timer = setTimeout(() => {
      this.timers.delete(delivery.id);
      void this.attempt(delivery, true);
    }, delayMs);
    timer.unref();
    this.timers.set(delivery.id, timer);
  }

  private async attempt(delivery: Delivery, retrying: boolean): Promise<void> {
    const { body, headers } = (this.builders.get(delivery.id) ?? (() => delivery))();
    Object.assign(delivery, { body, headers, nextAt: undefined });
    const attempt: Attempt = { at: this.opts.now() };
    delivery.attempts.push(attempt);
    try {
      const res = await fetch(delivery.url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(10_000) });
      attempt.status = res.status;
      attempt.answer = (await res.text()).slice(0, 500);
    } catch (error) {
      attempt.error = error instanceof Error ? error.message : String(error);
    }
    if (attempt.status !== undefined && ACCEPTED[delivery.provider](attempt.status, attempt.answer ?? "")) {
      delivery.state = "delivered";
      return;
    }
    if (!retrying && delivery.state !== "pending") return;
    const schedule = RETRY_SCHEDULES_MS[delivery.provider];
    const failures = delivery.attempts.filter((a) => !(a.status !== undefined && ACCEPTED[delivery.provider](a.status, a.answer ?? ""))).length;
    const delay = schedule[failures - 1];
    if (delay === undefined) {
      delivery.state = "gave-up";
      return;
    }
    delivery.state = "pending";
    this.schedule(delivery, Math.max(1, Math.round(delay * this.opts.retryScale)));
  }
}

export const html = (status: number, body: string): Reply => ({ status, contentType: "text/html; charset=utf-8", body });
export const redirect = (location: string): Reply => ({ status: 302, contentType: "text/plain", body: "", headers: { location } });
export const text = (status: number, body: string, contentType = "text/plain; charset=utf-8"): Reply => ({ status, contentType, body });

export interface RequestInfo {
  method: string;
  /** Path below the provider's prefix, e.g. "/gateway.do". */
  path: string;
  /** Full path and query as received (WeChat signs it). */
  rawPath: string;
  query: URLSearchParams;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** One provider played by the sandbox. */
export interface ProviderSandbox {
  id: SandboxProvider;
  prefix: string;
  handle(req: RequestInfo): Reply | Promise<Reply> | null;
  /** The learner pays (or a test says so): marks the payment paid and queues the notification. */
  pay(orderNo: string, opts?: { drop?: boolean }): SandboxPayment | undefined;
}

export class PaymentBook {
  private readonly payments = new Map<string, SandboxPayment>();
  get(provider: SandboxProvider, orderNo: string) {
    return this.payments.get(`${provider}:${orderNo}`);
  }
  put(p: SandboxPayment) {
    this.payments.set(`${p.provider}:${p.orderNo}`, p);
    return p;
  }
  all() {
    return [...this.payments.values()];
  }
  refunded(p: SandboxPayment) {
    return p.refunds.reduce((sum, r) => sum + r.amountFen, 0);
  }
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
export const digitString = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join("");
