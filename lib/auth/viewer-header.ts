// The middleware checks a browser session once per request (the token's signature, then the session's
// registration in Redis) and hands the outcome to the page it lets through in one request header, so the
// layouts, the header's account menu, guards and actions do not verify the same token again and ask Redis
// again. The header is sealed with an HMAC under a key derived from AUTH_SECRET and bound to the request id,
// and the middleware removes any copy a client sends: a value the page cannot open is treated as no session
// at all (fail closed), never as "check it some other way".
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/config/env";

export const VIEWER_HEADER = "x-xuefu-viewer";

export interface ForwardedViewer {
  userId: number;
  sessionId: string;
  name: string;
  /** Whether /admin opens for them, when the middleware knew it without asking MySQL (null: not known). */
  admin: boolean | null;
}

let derived: { secret: string; key: Buffer } | undefined;
function sealingKey(): Buffer {
  const secret = env().AUTH_SECRET;
  if (derived?.secret !== secret) derived = { secret, key: createHmac("sha256", secret).update("xuefu:viewer-header:v1").digest() };
  return derived.key;
}

const mac = (payload: string, requestId: string) => createHmac("sha256", sealingKey()).update(`${requestId}\n${payload}`).digest("base64url");

export function sealViewer(viewer: ForwardedViewer, requestId: string): string {
  const payload = Buffer.from(JSON.stringify([viewer.userId, viewer.sessionId, viewer.name, viewer.admin])).toString("base64url");
  return `${payload}.${mac(payload, requestId)}`;
}

/** The viewer a sealed header names, or null when it is not one this deployment sealed for this request. */
export function openViewer(value: string, requestId: string): ForwardedViewer | null {
  const dot = value.indexOf(".");
  if (dot <= 0 || !requestId) return null;
  const payload = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(mac(payload, requestId));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const [userId, sessionId, name, admin] = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as [unknown, unknown, unknown, unknown];
    if (typeof userId !== "number" || !Number.isSafeInteger(userId) || userId <= 0 || typeof sessionId !== "string" || typeof name !== "string") return null;
    return { userId, sessionId, name, admin: typeof admin === "boolean" ? admin : null };
  } catch {
    return null;
  }
}
