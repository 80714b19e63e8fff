// Who is opening a socket: the same check the middleware makes of a page request (middleware.ts), made once
// before the upgrade — an RS256 session token from the browser's session cookie, signed with the app's keys
// (issuer and audience pinned, lib/auth/jwt.ts), of kind "web", whose session is still registered in Redis —
// plus the page's origin, so another site cannot open a socket with the learner's cookie.
import "server-only";
import http, { type IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Redis as IORedis } from "ioredis";
import { verifyToken } from "@/lib/auth/jwt";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie";
import { parseSession, sessionKey } from "@/lib/auth/session-registry";

export type UpgradeCheck = { ok: true; userId: number; sid: string } | { ok: false; status: 401 | 403 | 503; reason: string };

/** Answers an upgrade with a plain HTTP status: no WebSocket ever exists for a refused request. */
export function refuse(socket: Duplex, status: number, reason: string): void {
  const text = http.STATUS_CODES[status] ?? "Error";
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`);
}

/** The session cookie's value from a Cookie header (either of its names), or null. */
export function sessionCookie(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if ((SESSION_COOKIE_NAMES as readonly string[]).includes(name)) {
      const value = part.slice(eq + 1).trim();
      return value || null;
    }
  }
  return null;
}

export async function checkUpgrade(request: IncomingMessage, allowedOrigins: readonly string[], tcp: IORedis): Promise<UpgradeCheck> {
  const origin = request.headers.origin;
  if (!origin || !allowedOrigins.includes(origin)) return { ok: false, status: 403, reason: "origin not allowed" };
  const token = sessionCookie(request.headers.cookie);
  if (!token) return { ok: false, status: 401, reason: "no session" };
  const verified = await verifyToken(token);
  if (!verified.ok || verified.claims.kind !== "web") return { ok: false, status: 401, reason: "invalid token" };
  const userId = Number(verified.claims.sub);
  if (!Number.isSafeInteger(userId) || userId <= 0) return { ok: false, status: 401, reason: "invalid token" };
  let raw: string | null;
  try {
    raw = await tcp.get(sessionKey(verified.claims.sid));
  } catch {
    return { ok: false, status: 503, reason: "sessions cannot be checked" };
  }
  const session = parseSession(raw);
  if (!session || session.userId !== userId) return { ok: false, status: 401, reason: "session ended" };
  return { ok: true, userId, sid: verified.claims.sid };
}
