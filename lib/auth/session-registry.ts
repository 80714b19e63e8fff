// Every session (browser sign-in or API token) is registered in Redis until it expires. A token is honoured
// only while its session id is registered, so signing out, "sign out everywhere", a password change or an
// admin disabling the account takes effect on every instance at once. Checking costs one EXISTS.
//   sess:<sid>       JSON SessionInfo, expiring with the token
//   user-sess:<uid>  sorted set of the user's session ids, scored by expiry (ms)
import "server-only";
import { randomBytes } from "node:crypto";
import { key, redis } from "@/lib/redis";
import type { TokenKind } from "./jwt";

export interface SessionInfo {
  sid: string;
  userId: number;
  kind: TokenKind;
  userAgent: string;
  ip: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** The Redis key that exists while a session is live (a Lua script may check it in the same round trip). */
export const sessionKey = (sid: string) => key("sess", sid);
const userKey = (userId: number) => key("user-sess", userId);

export async function registerSession(userId: number, kind: TokenKind, meta: { userAgent: string; ip: string }, ttlSeconds: number): Promise<SessionInfo> {
  const sid = randomBytes(16).toString("base64url");
  const now = new Date();
  const expires = new Date(now.getTime() + ttlSeconds * 1000);
  const info: SessionInfo = {
    sid,
    userId,
    kind,
    userAgent: meta.userAgent.slice(0, 200),
    ip: meta.ip,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: expires.toISOString(),
  };
  const tx = redis().multi();
  tx.set(sessionKey(sid), JSON.stringify(info), { ex: ttlSeconds });
  tx.zadd(userKey(userId), { score: expires.getTime(), member: sid });
  tx.zremrangebyscore(userKey(userId), 0, now.getTime());
  tx.pexpireat(userKey(userId), expires.getTime() + 60_000);
  await tx.exec();
  return info;
}

export async function isSessionActive(sid: string): Promise<boolean> {
  return (await redis().exists(sessionKey(sid))) === 1;
}

export async function getSession(sid: string): Promise<SessionInfo | null> {
  return parseSession(await redis().get<string>(sessionKey(sid)));
}

/** A session record as read from Redis (null when the key is gone: signed out or expired). */
export function parseSession(raw: unknown): SessionInfo | null {
  return typeof raw === "string" && raw ? (JSON.parse(raw) as SessionInfo) : null;
}

/** How stale "last seen" may get before a request refreshes it (writes stay rare). */
export const LAST_SEEN_GRANULARITY_MS = 5 * 60 * 1000;

/** Records activity on a session, keeping its expiry; a no-op for a session revoked meanwhile. */
export async function touchSession(info: SessionInfo, now = new Date()): Promise<void> {
  await redis().set(sessionKey(info.sid), JSON.stringify({ ...info, lastSeenAt: now.toISOString() }), { keepTtl: true, xx: true });
}

export function needsTouch(info: SessionInfo, now = new Date()): boolean {
  return now.getTime() - Date.parse(info.lastSeenAt) > LAST_SEEN_GRANULARITY_MS;
}

export async function revokeSession(sid: string): Promise<void> {
  const info = await getSession(sid);
  const tx = redis().multi();
  tx.del(sessionKey(sid));
  if (info) tx.zrem(userKey(info.userId), sid);
  await tx.exec();
}

/** Ends every session and token of the user; answers how many were active. */
export async function revokeAllSessions(userId: number): Promise<number> {
  const sids = await redis().zrange<string[]>(userKey(userId), 0, -1);
  if (sids.length === 0) return 0;
  const tx = redis().multi();
  tx.del(...sids.map(sessionKey));
  tx.del(userKey(userId));
  const [removed] = (await tx.exec()) as [number, number];
  return removed;
}

export async function listSessions(userId: number): Promise<SessionInfo[]> {
  const sids = await redis().zrange<string[]>(userKey(userId), 0, -1);
  if (sids.length === 0) return [];
  const raws = await redis().mget<(string | null)[]>(...sids.map(sessionKey));
  return raws.filter((raw): raw is string => raw !== null).map((raw) => JSON.parse(raw) as SessionInfo);
}
