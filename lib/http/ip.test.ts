// Picking the client out of X-Forwarded-For: only a trusted peer's header is read, from the right, and what
// a client wrote to the left of the first untrusted hop never counts.
import { describe, expect, it } from "vitest";
import { parseIp, parseProxyList, proxyMatcher, rateLimitSubject, selectClientIp } from "./ip";

const trusting = (list: string) => {
  const parsed = parseProxyList(list);
  if (!parsed.ok) throw new Error(`bad list: ${parsed.invalid.join(", ")}`);
  return proxyMatcher(parsed.ranges);
};

describe("parseIp", () => {
  it.each([
    ["203.0.113.9", "203.0.113.9"],
    [" 203.0.113.9 ", "203.0.113.9"],
    ["203.0.113.9:51234", "203.0.113.9"],
    ["::ffff:203.0.113.9", "203.0.113.9"],
    ["::FFFF:cb00:7109", "203.0.113.9"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["[2001:db8::1]", "2001:db8::1"],
    ["fe80::1%eth0", "fe80::1"],
    ["::1", "::1"],
  ])("reads %s as %s", (raw, expected) => expect(parseIp(raw)).toBe(expected));

  it.each(["", "unknown", "_hidden", "203.0.113", "203.0.113.256", "203.0.113.09", "0x7f.1", "1.2.3.4.5", "2001:db8::1::2", "[::1", "a".repeat(80), "203.0.113.9, 1.2.3.4"])(
    "refuses %j",
    (raw) => expect(parseIp(raw)).toBeNull(),
  );
});

describe("parseProxyList", () => {
  it("accepts addresses and CIDR ranges of both families, with spaces and empty entries", () => {
    const parsed = parseProxyList(" 10.0.0.1, 10.1.0.0/16 ,,2001:db8::/32, ::1, 192.168.0.0/24");
    expect(parsed).toEqual({
      ok: true,
      ranges: [
        { address: "10.0.0.1", prefix: 32 },
        { address: "10.1.0.0", prefix: 16 },
        { address: "2001:db8::", prefix: 32 },
        { address: "::1", prefix: 128 },
        { address: "192.168.0.0", prefix: 24 },
      ],
    });
    expect(parseProxyList("")).toEqual({ ok: true, ranges: [] });
  });

  it("names every entry that is not an address or range", () => {
    expect(parseProxyList("10.0.0.1, nginx, 10.0.0.0/33, 2001:db8::/129, 10.0.0.0/, /8, ::ffff:10.0.0.0/104, 10.0.0.0/8")).toEqual({
      ok: false,
      invalid: ["nginx", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/", "/8", "::ffff:10.0.0.0/104"],
    });
  });

  it("matches ranges across notations, mapped IPv4 included", () => {
    const trusted = trusting("10.0.0.0/8, 2001:db8:1::/48");
    for (const ip of ["10.0.0.1", "10.255.255.255", "::ffff:10.2.3.4", "2001:db8:1::5", "2001:DB8:1:ffff::1"]) expect(trusted(parseIp(ip)!), ip).toBe(true);
    for (const ip of ["11.0.0.1", "9.255.255.255", "2001:db8:2::1", "::1"]) expect(trusted(parseIp(ip)!), ip).toBe(false);
  });
});

describe("selectClientIp", () => {
  const proxies = trusting("10.0.0.0/8, fd00::/8");
  const none = trusting("");

  it("takes the socket's peer when it is not a trusted proxy, whatever the headers say", () => {
    expect(selectClientIp("198.51.100.7", "203.0.113.1", proxies)).toBe("198.51.100.7");
    expect(selectClientIp("::ffff:198.51.100.7", "10.0.0.1, 203.0.113.1", proxies)).toBe("198.51.100.7");
    // Nothing configured: no header is believed, not even from a private address.
    expect(selectClientIp("10.0.0.5", "203.0.113.1", none)).toBe("10.0.0.5");
  });

  it("takes the right-most address that is not a trusted proxy", () => {
    // The client wrote "1.1.1.1, 2.2.2.2"; our proxies appended the real client and then themselves.
    expect(selectClientIp("10.0.0.5", "1.1.1.1, 2.2.2.2, 198.51.100.7, 10.0.0.9", proxies)).toBe("198.51.100.7");
    expect(selectClientIp("10.0.0.5", "198.51.100.7", proxies)).toBe("198.51.100.7");
    expect(selectClientIp("fd00::5", "2001:db8::77, fd00::9", proxies)).toBe("2001:db8::77");
    expect(selectClientIp("10.0.0.5", "[2001:db8::77]:5000", proxies)).toBe("2001:db8::77");
    expect(selectClientIp("10.0.0.5", "::ffff:198.51.100.7", proxies)).toBe("198.51.100.7");
  });

  it("ends a chain of trusted proxies at its left-most one, and stops at an entry that is not an address", () => {
    expect(selectClientIp("10.0.0.5", "10.0.0.2, 10.0.0.9", proxies)).toBe("10.0.0.2");
    expect(selectClientIp("10.0.0.5", "", proxies)).toBe("10.0.0.5");
    // Garbage: the last address a trusted proxy vouched for, never the garbage or anything left of it.
    expect(selectClientIp("10.0.0.5", "198.51.100.7, unknown, 10.0.0.9", proxies)).toBe("10.0.0.9");
    expect(selectClientIp("10.0.0.5", "198.51.100.7, , 10.0.0.9", proxies)).toBe("10.0.0.9");
    expect(selectClientIp("10.0.0.5", "nonsense", proxies)).toBe("10.0.0.5");
    // Garbage to the left of the first untrusted hop is irrelevant.
    expect(selectClientIp("10.0.0.5", "<script>, 198.51.100.7", proxies)).toBe("198.51.100.7");
  });

  it("reads at most 32 hops from the right of a very long chain", () => {
    const chain = ["198.51.100.7", ...Array.from({ length: 40 }, (_, i) => `10.0.${i}.1`)].join(", ");
    expect(selectClientIp("10.0.0.5", chain, proxies)).toBe("10.0.8.1");
  });

  it("knows no client without a peer address", () => {
    expect(selectClientIp(null, "198.51.100.7", proxies)).toBeNull();
    expect(selectClientIp("", "198.51.100.7", proxies)).toBeNull();
    expect(selectClientIp("garbage", "198.51.100.7", proxies)).toBeNull();
  });
});

describe("rateLimitSubject", () => {
  it("counts an IPv6 client by its /64 and an IPv4 client by its address", () => {
    expect(rateLimitSubject("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(rateLimitSubject("2001:db8:1:2::9")).toBe("2001:db8:1:2::/64");
    expect(rateLimitSubject("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(rateLimitSubject("::1")).toBe("0:0:0:0::/64");
    expect(rateLimitSubject("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(rateLimitSubject("203.0.113.9")).toBe("203.0.113.9");
  });
});
