// The payment providers' asynchronous notifications (POST /api/payments/{provider}/notify). The signature is
// verified over the raw body before anything in it is read; every notification is stored with its
// verification result and outcome, verified or not; and the provider gets exactly the answer it expects:
// success only when the event has been applied (or was already), so a failed or refused one is retried.
import "server-only";
import { db } from "@/db";
import { paymentNotifications } from "@/db/schema";
import { logger } from "@/lib/log";
import { paymentProvider, type NotificationEvent, type ProviderName } from "@/lib/payments";
import { applyEvent, type SettleResult } from "./settle";
import { sendRefund } from "./refunds";

const log = logger.child({ component: "payment-notify" });

/** Headers worth keeping with the raw body (the signature ones among them); never cookies. */
const KEPT_HEADERS = /^(content-type|user-agent|x-forwarded-for|wechatpay-.*|request-id|x-request-id)$/i;

export type StoredOutcome = "applied" | "duplicate" | "rejected" | "unverified" | "ignored" | "error";

export async function handleNotification(providerName: ProviderName, request: Request): Promise<Response> {
  const receivedAt = new Date();
  const raw = Buffer.from(await request.arrayBuffer());
  const rawHeaders: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    if (KEPT_HEADERS.test(name)) rawHeaders[name] = value.slice(0, 1024);
  });
  let provider;
  try {
    provider = paymentProvider(providerName);
  } catch {
    return new Response("not configured", { status: 404 });
  }
  const verified = await provider.verifyNotification(raw, request.headers);
  const store = (outcome: StoredOutcome, event: NotificationEvent | null, reason?: string) =>
    db()
      .insert(paymentNotifications)
      .values({
        provider: providerName,
        kind: event?.type ?? "unknown",
        verified: verified.ok,
        outcome,
        reason: reason?.slice(0, 255) ?? null,
        orderNo: event?.orderNo?.slice(0, 32) ?? null,
        refundNo: event?.refundNo?.slice(0, 32) ?? null,
        providerTradeNo: event?.providerTradeNo?.slice(0, 64) ?? null,
        amountFen: event?.amountFen ?? null,
        rawBody: raw.toString("utf8").slice(0, 1_000_000),
        rawHeaders,
        receivedAt,
      });
  const answer = (ok: boolean, message?: string) => {
    const a = provider.notificationAnswer(ok, message);
    return new Response(a.body || null, { status: a.status, headers: a.headers });
  };

  if (!verified.ok) {
    log.warn({ provider: providerName, reason: verified.reason }, "notification failed verification");
    await store("unverified", null, verified.reason).catch((error: unknown) => log.error({ err: error }, "could not store a notification"));
    return answer(false, verified.reason);
  }
  const event = verified.event;
  let result: SettleResult;
  try {
    result = await applyEvent(providerName, event);
  } catch (error) {
    log.error({ err: error, provider: providerName, orderNo: event.orderNo }, "notification processing failed");
    await store("error", event, error instanceof Error ? error.message : String(error)).catch(() => undefined);
    return answer(false, "temporary failure, retry");
  }
  await store(result.outcome, event, result.reason);
  if (result.refundId !== undefined) void sendRefund(result.refundId).catch((error: unknown) => log.error({ err: error }, "automatic refund failed to start"));
  const ok = result.outcome !== "rejected";
  return answer(ok, ok ? undefined : result.reason);
}
