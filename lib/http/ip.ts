// IP addresses as they arrive in sockets and X-Forwarded-For: parsing to one canonical text per address (so
// "::ffff:10.0.0.1" and "10.0.0.1", or "2001:DB8:0::1" and "2001:db8::1", count as the same client), lists of
// trusted proxies (addresses and CIDR ranges, IPv4 and IPv6), and picking the client out of a forwarding
// chain. Pure and free of server state: lib/config/env.ts validates TRUSTED_PROXIES with it.
import { BlockList, isIP } from "node:net";

/** An address in canonical form: dotted IPv4, or RFC 5952 IPv6 (lower case, zeros compressed), no port or zone. */
export type Ip = string & { readonly __ip: unique symbol };

const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/;
const BRACKETED_V6 = /^\[([^\]]+)\](?::\d{1,5})?$/;
const MAPPED_V4_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;

/**
 * The canonical form of one address, or null when `raw` is not one. Accepts what sockets and proxies write:
 * "1.2.3.4", "1.2.3.4:5678", "2001:db8::1", "[2001:db8::1]:443", "fe80::1%eth0", "::ffff:1.2.3.4" (→ 1.2.3.4).
 */
export function parseIp(raw: string | null | undefined): Ip | null {
  if (typeof raw !== "string") return null;
  let text = raw.trim();
  if (text.length === 0 || text.length > 64) return null;
  const bracketed = BRACKETED_V6.exec(text);
  if (bracketed) text = bracketed[1]!;
  else {
    const withPort = IPV4_WITH_PORT.exec(text);
    if (withPort) text = withPort[1]!;
  }
  const zone = text.indexOf("%");
  if (zone > 0) text = text.slice(0, zone);
  const version = isIP(text);
  if (version === 4) return text as Ip;
  if (version !== 6) return null;
  // The URL parser writes IPv6 hosts in RFC 5952 form (and IPv4-mapped ones as ::ffff:hhhh:hhhh).
  const canonical = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  const mapped = MAPPED_V4_HEX.exec(canonical);
  if (mapped) {
    const high = parseInt(mapped[1]!, 16);
    const low = parseInt(mapped[2]!, 16);
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}` as Ip;
  }
  return canonical as Ip;
}

export const ipVersion = (ip: Ip): "ipv4" | "ipv6" => (ip.includes(":") ? "ipv6" : "ipv4");

/** One entry of a proxy list: an address or a range. */
export interface ProxyRange {
  address: Ip;
  /** Prefix length; 32 or 128 for a single address. */
  prefix: number;
}

/**
 * Parses "10.0.0.1, 10.1.0.0/16, 2001:db8::/32": comma-separated addresses and CIDR ranges. Returns the
 * entries, or the entries that are not valid (so a configuration error can name them).
 */
export function parseProxyList(raw: string): { ok: true; ranges: ProxyRange[] } | { ok: false; invalid: string[] } {
  const ranges: ProxyRange[] = [];
  const invalid: string[] = [];
  for (const part of raw.split(",")) {
    const entry = part.trim();
    if (!entry) continue;
    const slash = entry.indexOf("/");
    const address = parseIp(slash < 0 ? entry : entry.slice(0, slash));
    const bits = address ? (ipVersion(address) === "ipv4" ? 32 : 128) : 0;
    const prefixText = slash < 0 ? String(bits) : entry.slice(slash + 1);
    const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    // A range must be written in its own family: "::ffff:10.0.0.0/104" is refused rather than guessed at.
    const sameFamily = slash < 0 || !entry.slice(0, slash).includes(":") || address?.includes(":");
    if (!address || !(prefix >= 0 && prefix <= bits) || !sameFamily) invalid.push(entry);
    else ranges.push({ address, prefix });
  }
  return invalid.length ? { ok: false, invalid } : { ok: true, ranges };
}

/** A test for "is this address one of these ranges". */
export function proxyMatcher(ranges: readonly ProxyRange[]): (ip: Ip) => boolean {
  if (ranges.length === 0) return () => false;
  const list = new BlockList();
  for (const r of ranges) list.addSubnet(r.address, r.prefix, ipVersion(r.address));
  return (ip) => list.check(ip, ipVersion(ip));
}

/** X-Forwarded-For chains longer than this are read from the right only this far. */
const MAX_HOPS = 32;

/**
 * The client's address, given the address of the socket's peer and the request's X-Forwarded-For.
 *
 * Forwarding headers are believed only when the peer is a trusted proxy: then the chain is read from the
 * right (each proxy appends the address it received the request from), skipping trusted proxies, and the
 * first address that is not one is the client. Everything to its left was written by the client and is
 * ignored. An entry that is not an address stops the walk at the last address a trusted proxy vouched for;
 * a chain of trusted proxies only ends at its left-most one. Without a usable peer address: null.
 */
export function selectClientIp(peer: string | null | undefined, forwardedFor: string | null | undefined, isTrusted: (ip: Ip) => boolean): Ip | null {
  const peerIp = parseIp(peer);
  if (!peerIp) return null;
  if (!forwardedFor || !isTrusted(peerIp)) return peerIp;
  const hops = forwardedFor.split(",");
  let client = peerIp;
  for (let i = hops.length - 1; i >= Math.max(0, hops.length - MAX_HOPS); i--) {
    const hop = parseIp(hops[i]);
    if (!hop) return client;
    client = hop;
    if (!isTrusted(hop)) return hop;
  }
  return client;
}

/**
 * The part of an address that identifies one client for rate limits: an IPv4 address, or an IPv6 /64 (one
 * subscriber's network; a single host there can use any of 2^64 addresses).
 */
export function rateLimitSubject(ip: string): string {
  const parsed = parseIp(ip);
  if (!parsed) return ip;
  if (ipVersion(parsed) === "ipv4") return parsed;
  const full = expandIpv6(parsed);
  return `${full.slice(0, 4).join(":")}::/64`;
}

function expandIpv6(ip: Ip): string[] {
  const [head, tail = ""] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = ip.includes("::") && tail ? tail.split(":") : [];
  const middle = ip.includes("::") ? Array(8 - left.length - right.length).fill("0") : [];
  return [...left, ...middle, ...right].map((h) => h.replace(/^0+(?=.)/, ""));
}
