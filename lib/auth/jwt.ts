// Session and API tokens: JWTs signed with RS256. Any service holding the published public keys can check one
// without calling us; revocation is the session registry's job (session-registry.ts).
import "server-only";
import { SignJWT, errors, jwtVerify, type JWTPayload } from "jose";
import { env } from "@/lib/config/env";
import { keyRing, type KeyRing } from "./keys";

export const TOKEN_AUDIENCE = "xuefu";
export type TokenKind = "web" | "api";

export interface TokenClaims {
  /** The user id, as a string. */
  sub: string;
  /** The session id registered in Redis. */
  sid: string;
  kind: TokenKind;
}

export const issuer = () => env().APP_URL;

/** `extra` adds non-security claims (e.g. the display name for the page header). */
export async function signToken(claims: TokenClaims, ttlSeconds: number, ring?: KeyRing, extra: Record<string, string> = {}): Promise<string> {
  const { kid, key } = (ring ?? (await keyRing())).signing;
  return new SignJWT({ ...extra, sid: claims.sid, kind: claims.kind })
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setSubject(claims.sub)
    .setIssuer(issuer())
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(key);
}

export type VerifyResult = { ok: true; claims: TokenClaims & JWTPayload } | { ok: false; reason: "expired" | "invalid" };

// Verified tokens, so the same session cookie arriving on request after request is checked by signature once
// a minute rather than every time (an RSA verification through WebCrypto is one of the costlier steps of a
// signed-in request). Only successes are kept, never past the token's expiry, and only for the configured key
// ring. Whether the session is still live is not cached: that is the session registry's check, every time.
const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX = 10_000;
const verified = new Map<string, { claims: TokenClaims & JWTPayload; until: number }>();

/** Checks signature (RS256 only: `none`, HS256 and unknown key ids are refused), issuer, audience and expiry. */
export async function verifyToken(token: string, ring?: KeyRing): Promise<VerifyResult> {
  if (ring) return verifyWith(token, ring);
  const now = Date.now();
  const hit = verified.get(token);
  if (hit && hit.until > now) return { ok: true, claims: hit.claims };
  if (hit) verified.delete(token);
  const result = await verifyWith(token, await keyRing());
  if (result.ok) {
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
    const exp = typeof result.claims.exp === "number" ? result.claims.exp * 1000 : now;
    verified.set(token, { claims: result.claims, until: Math.min(exp, now + VERIFIED_TTL_MS) });
  }
  return result;
}

async function verifyWith(token: string, keys: KeyRing): Promise<VerifyResult> {
  try {
    const { payload } = await jwtVerify(token, async (header) => {
      const key = header.kid ? keys.verifying.get(header.kid) : undefined;
      if (!key) throw new errors.JWKSNoMatchingKey();
      return key;
    }, { algorithms: ["RS256"], issuer: issuer(), audience: TOKEN_AUDIENCE });
    const { sub, sid, kind } = payload as JWTPayload & Partial<TokenClaims>;
    if (typeof sub !== "string" || typeof sid !== "string" || (kind !== "web" && kind !== "api")) return { ok: false, reason: "invalid" };
    return { ok: true, claims: { ...payload, sub, sid, kind } };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? "expired" : "invalid" };
  }
}
