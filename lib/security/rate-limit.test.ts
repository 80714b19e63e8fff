import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "@upstash/redis";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/http/api";
import { key, redis } from "@/lib/redis";
import { peekRateLimit, rateLimit, tooManyRequests } from "./rate-limit";

const unique = (label: string) => `${label}-${randomUUID()}`;

afterEach(() => {
  vi.useRealTimers();
});

describe("rateLimit", () => {
  it("lets `limit` requests through, then refuses with a wait no longer than the window", async () => {
    const rule = { limit: 3, windowSeconds: 60 };
    const id = unique("ip");
    const passed = [];
    for (let i = 0; i < 3; i++) passed.push(await rateLimit("test:basic", id, rule));
    expect(passed.map((r) => [r.ok, r.remaining, r.retryAfterSeconds])).toEqual([
      [true, 2, 0],
      [true, 1, 0],
      [true, 0, 0],
    ]);
    const refused = await rateLimit("test:basic", id, rule);
    expect(refused.ok).toBe(false);
    expect(refused.remaining).toBe(0);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("keeps identifiers, names and rules apart", async () => {
    const rule = { limit: 1, windowSeconds: 60 };
    const id = unique("someone");
    expect((await rateLimit("test:apart-a", id, rule)).ok).toBe(true);
    expect((await rateLimit("test:apart-a", id, rule)).ok).toBe(false);
    expect((await rateLimit("test:apart-a", unique("someone-else"), rule)).ok).toBe(true);
    expect((await rateLimit("test:apart-b", id, rule)).ok).toBe(true);
    // Same name, another rule (a daily cap next to a per-minute one): its own counter.
    expect((await rateLimit("test:apart-a", id, { limit: 5, windowSeconds: 3600 })).ok).toBe(true);
  });

  it("stores no identifier in clear in Redis key names", async () => {
    const email = `${unique("li.wei")}@example.com`;
    await rateLimit("test:privacy", email, { limit: 5, windowSeconds: 60 });
    const keys = await redis().keys(key("ratelimit", "test:privacy:*"));
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join("\n")).not.toContain("li.wei");
  });

  it("counts concurrent requests exactly: 5 of 20 parallel requests pass a limit of 5", async () => {
    const id = unique("burst");
    const results = await Promise.all(Array.from({ length: 20 }, () => rateLimit("test:burst", id, { limit: 5, windowSeconds: 60 })));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
  });

  it("with a limit of 1 is an exact cooldown, even across the edge of a window", async () => {
    // The sliding window alone would let a second request through one second later, in the next minute.
    const edge = (Math.floor(Date.now() / 60_000) + 1) * 60_000;
    const id = unique("phone");
    const rule = { limit: 1, windowSeconds: 60 };
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(edge - 500);
    expect((await rateLimit("test:cooldown", id, rule)).ok).toBe(true);
    vi.setSystemTime(edge + 500);
    const refused = await rateLimit("test:cooldown", id, rule);
    expect(refused).toMatchObject({ ok: false, retryAfterSeconds: 59 });
    vi.setSystemTime(edge + 59_400);
    expect((await rateLimit("test:cooldown", id, rule)).ok).toBe(false);
    vi.setSystemTime(edge + 59_500);
    expect((await rateLimit("test:cooldown", id, rule)).ok).toBe(true);
  });

  it("keeps its state in Redis only: another instance refuses too, and a reset in Redis takes effect at once", async () => {
    const id = unique("shared");
    const rule = { limit: 2, windowSeconds: 600 };
    await rateLimit("test:shared", id, rule);
    await rateLimit("test:shared", id, rule);
    expect((await rateLimit("test:shared", id, rule)).ok).toBe(false);

    // A fresh copy of the module stands in for another web instance, with no Ratelimit objects of its own.
    vi.resetModules();
    const other = await import("./rate-limit");
    expect((await other.rateLimit("test:shared", id, rule)).ok).toBe(false);

    // No in-process cache of blocked identifiers (ephemeralCache): once Redis forgets, both instances allow.
    const keys = await redis().keys(key("ratelimit", "test:shared:*"));
    await redis().del(...keys);
    expect((await rateLimit("test:shared", id, rule)).ok).toBe(true);
    expect((await other.rateLimit("test:shared", id, rule)).ok).toBe(true);
  });

  it("fails closed: when Redis is down or does not answer, the check throws instead of letting the request pass", async () => {
    // A "Redis" that accepts connections and never answers (the library's own timeout would let requests pass).
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    const holder = globalThis as unknown as { __xuefuRedis?: Redis };
    const real = holder.__xuefuRedis;
    const stub = (url: string) => new Redis({ url, token: "stub", retry: false, automaticDeserialization: false });
    try {
      holder.__xuefuRedis = stub("http://127.0.0.1:9");
      await expect(rateLimit(unique("test:down"), "someone", { limit: 5, windowSeconds: 60 })).rejects.toThrow();
      holder.__xuefuRedis = stub(`http://127.0.0.1:${port}`);
      await expect(rateLimit(unique("test:silent"), "someone", { limit: 5, windowSeconds: 60 })).rejects.toThrow(/did not answer/);
    } finally {
      holder.__xuefuRedis = real;
      silent.closeAllConnections();
      silent.close();
    }
  });

  it("refuses a rule that makes no sense", async () => {
    await expect(rateLimit("test:bad", "x", { limit: 0, windowSeconds: 60 })).rejects.toThrow(/positive integer/);
    await expect(rateLimit("test:bad", "x", { limit: 5, windowSeconds: 0.5 })).rejects.toThrow(/positive integer/);
  });
});

describe("tooManyRequests", () => {
  it("throws the API's 429 with a Retry-After header in whole seconds", () => {
    let thrown: unknown;
    try {
      tooManyRequests(41.2);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    const error = thrown as ApiError;
    expect(error.status).toBe(429);
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.headers).toEqual({ "Retry-After": "42" });
    expect(error.message).toBe("Too many requests. Please try again in 42 seconds.");
    expect(() => tooManyRequests(3 * 3600)).toThrow("Please try again in 3 hours.");
  });
});

describe("peekRateLimit", () => {
  it("reports the room left without using any of it", async () => {
    const rule = { limit: 2, windowSeconds: 60 };
    const id = unique("peek");
    for (let i = 0; i < 5; i++) expect(await peekRateLimit("test:peek", id, rule)).toEqual({ ok: true, remaining: 2, retryAfterSeconds: 0 });
    await rateLimit("test:peek", id, rule);
    expect((await peekRateLimit("test:peek", id, rule)).remaining).toBe(1);
    await rateLimit("test:peek", id, rule);
    const full = await peekRateLimit("test:peek", id, rule);
    expect(full.ok).toBe(false);
    expect(full.retryAfterSeconds).toBeGreaterThan(0);
    expect(full.retryAfterSeconds).toBeLessThanOrEqual(60);
  });
});
