// The ways a notification leaves the platform; lib/notify/config.ts picks one. The worker calls them from the
// `notifications:send` job, so a sender that throws is retried by BullMQ with backoff.
import "server-only";
import { createHmac } from "node:crypto";
import { logger } from "@/lib/log";
import { notifyConfig } from "./config";
import { putInMailbox } from "./mailbox";
import type { Message } from "./message";

export interface Delivery {
  /** Stable across retries of one job, so a gateway can drop duplicates (delivery is at least once). */
  id: string;
}

export interface Sender {
  readonly name: string;
  send(message: Message, delivery: Delivery): Promise<void>;
}

const log = logger.child({ component: "notify" });

/** Development only: the message, code and all, goes to the log and the /dev/mailbox page. Nothing is sent. */
export function logSender(): Sender {
  return {
    name: "log",
    async send(message, delivery) {
      log.info({ delivery: delivery.id, notification: message }, "notification (development sender: not delivered)");
      await putInMailbox(message);
    },
  };
}

export const WEBHOOK_SIGNATURE_HEADER = "x-xuefu-signature";
export const WEBHOOK_TIMESTAMP_HEADER = "x-xuefu-timestamp";
export const WEBHOOK_DELIVERY_HEADER = "x-xuefu-delivery";

/** `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`; the timestamp lets the gateway refuse replays. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** POSTs the message as JSON to an SMS/email gateway. Anything but a 2xx answer in time throws. */
export function webhookSender(opts: { url: string; secret: string; timeoutMs?: number }): Sender {
  const timeoutMs = opts.timeoutMs ?? 8_000;
  return {
    name: "webhook",
    async send(message, delivery) {
      const body = JSON.stringify(message);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const response = await fetch(opts.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [WEBHOOK_TIMESTAMP_HEADER]: timestamp,
          [WEBHOOK_SIGNATURE_HEADER]: webhookSignature(opts.secret, timestamp, body),
          [WEBHOOK_DELIVERY_HEADER]: delivery.id,
        },
        body,
        redirect: "error",
        signal: AbortSignal.timeout(timeoutMs),
      });
      // The answer's body is not read into the error: a gateway might echo the message, and with it the code.
      await response.body?.cancel();
      if (!response.ok) throw new Error(`Notification gateway answered HTTP ${response.status} for delivery ${delivery.id}`);
      log.info({ delivery: delivery.id, channel: message.channel }, "notification handed to the gateway");
    },
  };
}

let configured: Sender | undefined;

/** The sender this process is configured with (NOTIFY_SENDER). */
export function notificationSender(): Sender {
  if (!configured) {
    const config = notifyConfig();
    configured = config.sender === "webhook" ? webhookSender({ url: config.webhookUrl, secret: config.webhookSecret }) : logSender();
  }
  return configured;
}
