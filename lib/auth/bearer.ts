// Authenticates an API request by its `Authorization: Bearer <jwt>` header: a valid RS256 signature and a
// session still registered in Redis. Route handlers call this themselves; the middleware is not the only gate.
import "server-only";
import { ApiError } from "@/lib/http/api";
import { verifyToken, type TokenClaims } from "./jwt";
import { isSessionActive } from "./session-registry";

const unauthorized = (message: string) =>
  new ApiError(401, "UNAUTHORIZED", message, undefined, { "WWW-Authenticate": 'Bearer realm="xuefu", error="invalid_token"' });

export const signedOut = () => unauthorized("This session has been signed out.");

/**
 * The bearer token's claims once its signature, issuer, audience and expiry check out — without asking Redis
 * whether its session is still live. Callers that do not check liveness themselves use requireBearer.
 */
export async function verifiedBearer(request: Request): Promise<TokenClaims & { userId: number }> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/.exec(header.trim());
  if (!match) throw unauthorized("Sign in first: send an access token as `Authorization: Bearer <token>`.");
  const result = await verifyToken(match[1]!);
  if (!result.ok) throw unauthorized(result.reason === "expired" ? "The access token has expired." : "The access token is not valid.");
  return { sub: result.claims.sub, sid: result.claims.sid, kind: result.claims.kind, userId: Number(result.claims.sub) };
}

export async function requireBearer(request: Request): Promise<TokenClaims & { userId: number }> {
  const claims = await verifiedBearer(request);
  if (!(await isSessionActive(claims.sid))) throw signedOut();
  return claims;
}
