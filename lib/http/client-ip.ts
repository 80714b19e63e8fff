// Who is asking: the client's address for rate limits, session lists and audit entries.
//
// A client can write any X-Forwarded-For it likes, so that header is believed only when the socket's peer is
// one of TRUSTED_PROXIES (the load balancers in front of the instances); otherwise the peer itself is the
// client. The hard part is learning the peer: Next.js hands route handlers, server actions and middleware a
// copy of the headers only, and fills in `x-forwarded-for` with the socket's address only when the client
// sent none, so the app cannot tell "the peer is 10.0.0.5" from "a client claims to be 10.0.0.5".
//
// So the Node.js HTTP server itself writes the peer into the request (lib/http/server-hook.ts, installed by
// instrumentation.ts before Next.js handles the first request): the internal header `x-xuefu-peer` holds
// `<process token> <socket address>` and is overwritten on every request, whatever the client sent. The token
// is random per process and never leaves it, so a request that reached the app without passing the hook (one
// accepted during start-up, a forged copy) does not carry it: such a request's address is "unknown", never
// one taken from a client-written header.
import "server-only";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/log";
import { parseProxyList, proxyMatcher, rateLimitSubject, selectClientIp, type Ip } from "./ip";
import { PEER_HEADER, peerToken } from "./peer";

export { PEER_HEADER };

let matcher: { source: string; test: (ip: Ip) => boolean } | undefined;

function isTrustedProxy(ip: Ip): boolean {
  const source = env().TRUSTED_PROXIES;
  if (matcher?.source !== source) {
    const parsed = parseProxyList(source);
    // env() has validated the list; an invalid one cannot get here.
    matcher = { source, test: proxyMatcher(parsed.ok ? parsed.ranges : []) };
  }
  return matcher.test(ip);
}

let warnedMissingHook = false;

/** The peer address the server hook wrote, or null when the request did not come through it. */
export function peerAddress(headers: Headers): string | null {
  const value = headers.get(PEER_HEADER);
  const token = peerToken(false);
  if (!token) {
    if (!warnedMissingHook && process.env.NODE_ENV === "production") {
      warnedMissingHook = true;
      logger.error("the HTTP server hook is not installed (instrumentation.ts): every client address reads as unknown");
    }
    return null;
  }
  if (!value) return null;
  const space = value.indexOf(" ");
  // The token is compared in full; a timing difference would only tell a client what it cannot send anyway.
  if (space < 0 || value.slice(0, space) !== token) return null;
  return value.slice(space + 1);
}

/** The client's address (canonical form), or null when it cannot be known. */
export function clientAddress(headers: Headers): Ip | null {
  return selectClientIp(peerAddress(headers), headers.get("x-forwarded-for"), isTrustedProxy);
}

/** The client's address, or "unknown": for logs, session lists and audit entries. */
export function clientIpFromHeaders(headers: Headers): string {
  return clientAddress(headers) ?? "unknown";
}

/** The client as rate limits count it: its IPv4 address or IPv6 /64, or "unknown". */
export function rateLimitAddress(ip: string): string {
  return ip === "unknown" ? ip : rateLimitSubject(ip);
}

/**
 * The header a request would carry had it arrived from `address` through this process's server hook: for
 * tests that call route handlers directly, and for internal requests that act for a known client.
 */
export function peerHeaderValue(address: string): string {
  return `${peerToken(true)!} ${address}`;
}
