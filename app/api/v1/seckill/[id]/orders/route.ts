import { signedApiCaller } from "@/lib/auth/api-user";
import { signedOut } from "@/lib/auth/bearer";
import { isSessionActive } from "@/lib/auth/session-registry";
import { ApiError, apiRoute, clientIp } from "@/lib/http/api";
import { rateLimitAddress } from "@/lib/http/client-ip";
import { tooManyRequests } from "@/lib/security/rate-limit";
import { admit } from "@/lib/seckill/admission";
import { saleIdFrom } from "@/lib/seckill/api";
import { findSaleCached } from "@/lib/seckill/sales";
import { isGrabTokenValid } from "@/lib/seckill/token";

export const dynamic = "force-dynamic";

const MESSAGES = {
  SOLD_OUT: "All seats are taken.",
  ALREADY_PURCHASED: "You already have a seat in this flash sale.",
  NOT_STARTED: "This flash sale has not started yet.",
  ENDED: "This flash sale has ended.",
} as const;

/**
 * POST (header `X-Seckill-Token: <token from GET …/token>`) → 201 {"orderNo", "payBefore"}: a seat is yours;
 * pay the order at /orders/{orderNo}/pay before payBefore. 409 SOLD_OUT | ALREADY_PURCHASED | NOT_STARTED |
 * ENDED, 403 TOKEN_REQUIRED, 429 RATE_LIMITED, 401 when not signed in, 404 for an unknown sale.
 * The hot path: the token's signature, an HMAC check, and one Redis script, which also checks that the
 * caller's session is live (the round trip authentication would otherwise spend on its own); no MySQL.
 */
export const POST = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const { userId, sid } = await signedApiCaller(request);
  const saleId = saleIdFrom((await params).id);
  if (!isGrabTokenValid(request.headers.get("x-seckill-token"), saleId, userId)) {
    if (!(await isSessionActive(sid))) throw signedOut();
    // No token (yet): say why plainly when the sale is not open, otherwise ask for the token.
    const sale = await findSaleCached(saleId);
    const now = new Date();
    if (!sale) throw new ApiError(404, "NOT_FOUND", "There is no such flash sale.");
    if (sale.status !== "active" || now >= sale.endsAt) throw new ApiError(409, "ENDED", MESSAGES.ENDED);
    if (now < sale.startsAt) throw new ApiError(409, "NOT_STARTED", MESSAGES.NOT_STARTED, { startsAt: sale.startsAt.toISOString() });
    throw new ApiError(403, "TOKEN_REQUIRED", "Fetch this sale's grab token (GET /api/v1/seckill/{id}/token, once it has started) and send it as X-Seckill-Token.");
  }
  // Counted per address as rate limits count one (an IPv6 client by its /64), never by a forwarding header.
  const outcome = await admit({ saleId, userId, sid, ip: rateLimitAddress(clientIp(request)) });
  if (outcome.ok) {
    return Response.json({ orderNo: outcome.orderNo, payBefore: outcome.payBefore.toISOString() }, { status: 201, headers: { "cache-control": "no-store" } });
  }
  switch (outcome.code) {
    case "RATE_LIMITED":
      return tooManyRequests(outcome.retryAfterSeconds ?? 1);
    case "NOT_FOUND":
      throw new ApiError(404, "NOT_FOUND", "There is no such flash sale.");
    case "SIGNED_OUT":
      throw signedOut();
    case "NOT_STARTED":
      throw new ApiError(409, "NOT_STARTED", MESSAGES.NOT_STARTED, outcome.startsAt ? { startsAt: outcome.startsAt.toISOString() } : undefined);
    default:
      throw new ApiError(409, outcome.code, MESSAGES[outcome.code]);
  }
});
