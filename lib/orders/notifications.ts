// The payment providers' asynchronous notifications (POST /api/payments/{provider}/notify). The signature is
// verified over the raw body before anything in it is read; every notification is stored with its
// verification result and outcome, verified or not, malformed or too large (64 kB at most, not read beyond);
// and the provider gets exactly the answer it expects: success only when the event has been applied (or was
// already), so a failed or refused one is retried.
import "server-only";
import { db } from "@/db";
import { paymentNotifications } from "@/db/schema";
import { logger } from "@/lib/log";
import { ApiError, readBody } from "@/lib/http/api";
import { BODY_LIMITS } from "@/lib/http/routes";
import { paymentProvider, type NotificationEvent, type ProviderName } from "@/lib/payments";
import { isFenAmount, type VerifyResult } from "@/lib/payments/types";
import { applyEvent, type SettleResult } from "./settle";
import { sendRefund } from "./refunds";

const log = logger.child({ component: "payment-notify" });

/** Headers worth keeping with the raw body (the signature ones among them); never cookies. */
const KEPT_HEADERS = /^(content-type|user-agent|x-forwarded-for|wechatpay-.*|request-id|x-request-id)$/i;

export type StoredOutcome = "applied" | "duplicate" | "rejected" | "unverified" | "ignored" | "error";

export async function handleNotification(providerName: ProviderName, request: Request): Promise<Response> {
  const receivedAt = new Date();
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
  const answer = (ok: boolean, message?: string, status?: number) => {
    const a = provider.notificationAnswer(ok, message);
    return new Response(a.body || null, { status: status ?? a.status, headers: a.headers });
  };
  let raw: Buffer | null = null;
  let tooLarge = false;
  let verified: VerifyResult;
  try {
    raw = Buffer.from(await readBody(request, { limit: BODY_LIMITS.paymentCallback }));
    verified = await provider.verifyNotification(raw, request.headers);
  } catch (error) {
    // A body over the limit is not read at all; a provider module that throws on a strange body must not
    // turn into a 500 without a trace either (verifyNotification promises not to throw).
    tooLarge = error instanceof ApiError && error.status === 413;
    const reason = tooLarge ? `body over ${BODY_LIMITS.paymentCallback} bytes, not read` : `could not be read: ${error instanceof Error ? error.message : String(error)}`;
    if (!tooLarge) log.error({ err: error, provider: providerName }, "reading a notification failed");
    verified = { ok: false, reason };
  }
  const signatureHeld = verified.ok || verified.signed === true;
  const store = (outcome: StoredOutcome, event: NotificationEvent | null, reason?: string) =>
    db()
      .insert(paymentNotifications)
      .values({
        provider: providerName,
        kind: event?.type ?? "unknown",
        verified: signatureHeld,
        outcome,
        reason: reason?.slice(0, 255) ?? null,
        orderNo: event?.orderNo?.slice(0, 32) ?? null,
        refundNo: event?.refundNo?.slice(0, 32) ?? null,
        providerTradeNo: event?.providerTradeNo?.slice(0, 64) ?? null,
        amountFen: isFenAmount(event?.amountFen) ? event.amountFen : null,
        rawBody: raw === null ? "" : raw.toString("utf8").slice(0, 1_000_000),
        rawHeaders,
        receivedAt,
      })
      .then(
        () => undefined,
        (error: unknown) => log.error({ err: error, provider: providerName, outcome }, "could not store a notification"),
      );

  if (!verified.ok) {
    // Signed but unusable (not JSON, fields missing): refused like an unsigned one, but stored as the
    // provider's and rejected, with the reason.
    const outcome = verified.signed ? "rejected" : "unverified";
    log.warn({ provider: providerName, reason: verified.reason, outcome }, "notification refused");
    await store(outcome, null, verified.reason);
    return answer(false, verified.reason, tooLarge ? 413 : undefined);
  }
  const event = verified.event;
  let result: SettleResult;
  try {
    result = await applyEvent(providerName, event);
  } catch (error) {
    log.error({ err: error, provider: providerName, orderNo: event.orderNo }, "notification processing failed");
    await store("error", event, error instanceof Error ? error.message : String(error));
    return answer(false, "temporary failure, retry");
  }
  await store(result.outcome, event, result.reason);
  if (result.refundId !== undefined) void sendRefund(result.refundId).catch((error: unknown) => log.error({ err: error }, "automatic refund failed to start"));
  const ok = result.outcome !== "rejected";
  return answer(ok, ok ? undefined : result.reason);
}
