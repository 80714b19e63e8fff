// Server actions and admin guards read the request through next/headers (cookies, the request id) and call
// next/cache. Outside Next.js there is no request, so tests replace those two framework modules with this
// one and sign in for real: `signInAs(userId)` registers a session in the test Redis and puts its signed
// RS256 cookie on the "request", which Auth.js then decodes and checks like on any instance.
//
//   vi.mock("next/headers", () => import("@/test/request-context"));
//   vi.mock("next/cache", () => import("@/test/request-context"));
import { registerSession } from "@/lib/auth/session-registry";
import { signToken } from "@/lib/auth/jwt";
import { PEER_HEADER, peerHeaderValue } from "@/lib/http/client-ip";

let current = new Headers({ host: "localhost:3000", "x-forwarded-proto": "http", "x-request-id": "vitest-request", [PEER_HEADER]: peerHeaderValue("203.0.113.7"), "user-agent": "Vitest" });
export const revalidated: string[] = [];

export async function signInAs(userId: number): Promise<{ sid: string; token: string }> {
  const session = await registerSession(userId, "web", { userAgent: "Vitest", ip: "203.0.113.7" }, 3600);
  const token = await signToken({ sub: String(userId), sid: session.sid, kind: "web" }, 3600, undefined, { name: "" });
  current = new Headers(current);
  current.set("cookie", `authjs.session-token=${token}`);
  return { sid: session.sid, token };
}

export function signOutOfRequest(): void {
  current = new Headers(current);
  current.delete("cookie");
}

function parseCookies(): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of (current.get("cookie") ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) map.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return map;
}

// next/headers
export async function headers(): Promise<Headers> {
  return current;
}
export async function cookies() {
  const map = parseCookies();
  return {
    get: (name: string) => (map.has(name) ? { name, value: map.get(name)! } : undefined),
    getAll: () => [...map].map(([name, value]) => ({ name, value })),
    has: (name: string) => map.has(name),
    set: () => undefined,
    delete: () => undefined,
  };
}
export async function draftMode() {
  return { isEnabled: false, enable: () => undefined, disable: () => undefined };
}

// next/cache
export function revalidatePath(path: string): void {
  revalidated.push(path);
}
export function revalidateTag(tag: string): void {
  revalidated.push(`tag:${tag}`);
}
export function updateTag(tag: string): void {
  revalidated.push(`tag:${tag}`);
}
export function refresh(): void {}
