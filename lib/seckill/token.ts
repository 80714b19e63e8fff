// The per-sale grab token: an HMAC of the sale and the learner under the server secret. The token endpoint
// issues it only once the sale has started, so a script cannot prepare grabs in advance; checking it costs a
// few microseconds and no Redis or MySQL round trip.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/config/env";

export function grabToken(saleId: number, userId: number): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`seckill-grab|${saleId}|${userId}`).digest("base64url").slice(0, 32);
}

export function isGrabTokenValid(token: string | null | undefined, saleId: number, userId: number): boolean {
  if (!token || token.length !== 32) return false;
  const expected = Buffer.from(grabToken(saleId, userId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
