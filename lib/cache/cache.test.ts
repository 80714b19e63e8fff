// The read-through cache against the test Redis. Several Cache objects play several web instances: they share
// nothing but Redis, as instances do.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { key, redis } from "@/lib/redis";
import { Cache, jitteredMs } from "./index";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const unique = (label: string) => `test:${label}:${randomUUID()}`;

/** A loader over a mutable "database" value that counts its calls and takes `delayMs`. */
function source<T>(initial: T, delayMs = 0) {
  const state = { value: initial, calls: 0 };
  const load = async () => {
    state.calls += 1;
    if (delayMs) await sleep(delayMs);
    return state.value;
  };
  return { state, load };
}

describe("read-through caching", () => {
  it("loads a value once and serves it from Redis to every instance afterwards", async () => {
    const name = unique("hit");
    const tag = unique("tag");
    const { state, load } = source({ title: "v1" });
    const a = new Cache({ localTtlMs: 0 });
    const b = new Cache({ localTtlMs: 0 });
    expect(await a.get(name, { tags: [tag], ttlSeconds: 60 }, load)).toEqual({ title: "v1" });
    expect(await b.get(name, { tags: [tag], ttlSeconds: 60 }, load)).toEqual({ title: "v1" });
    expect(await a.get(name, { tags: [tag], ttlSeconds: 60 }, load)).toEqual({ title: "v1" });
    expect(state.calls).toBe(1);
  });

  it("reloads everything carrying an invalidated tag, and nothing else", async () => {
    const [courses, teachers] = [unique("courses"), unique("teachers")];
    const list = source(["a"]);
    const people = source(["t"]);
    const c = new Cache({ localTtlMs: 0 });
    const read = () =>
      Promise.all([c.get(`list-${courses}`, { tags: [courses, teachers], ttlSeconds: 60 }, list.load), c.get(`people-${teachers}`, { tags: [teachers], ttlSeconds: 60 }, people.load)]);
    await read();
    list.state.value = ["a", "b"];
    await c.invalidateTags([courses]);
    expect(await read()).toEqual([["a", "b"], ["t"]]);
    expect([list.state.calls, people.state.calls]).toEqual([2, 1]);
    await c.invalidateTags([teachers]);
    await read();
    expect([list.state.calls, people.state.calls]).toEqual([3, 2]);
  });

  it("shows a change on another instance within its short in-process lifetime, well under 5 s", async () => {
    const name = unique("visible");
    const tag = unique("tag");
    const { state, load } = source("old");
    const reader = new Cache({ localTtlMs: 1_000 });
    const writer = new Cache({ localTtlMs: 1_000 });
    expect(await reader.get(name, { tags: [tag], ttlSeconds: 300 }, load)).toBe("old");
    state.value = "new";
    await writer.invalidateTags([tag]);
    const changedAt = Date.now();
    let seen = await reader.get(name, { tags: [tag], ttlSeconds: 300 }, load);
    while (seen !== "new" && Date.now() - changedAt < 5_000) {
      await sleep(100);
      seen = await reader.get(name, { tags: [tag], ttlSeconds: 300 }, load);
    }
    expect(seen).toBe("new");
    expect(Date.now() - changedAt).toBeLessThan(1_500);
    // The instance that invalidated sees its own change at once.
    state.value = "newer";
    await writer.invalidateTags([tag]);
    expect(await writer.get(name, { tags: [tag], ttlSeconds: 300 }, load)).toBe("newer");
  });
});

describe("stampede protection", () => {
  it("rebuilds a missing key once when many requests on several instances miss it together", async () => {
    const name = unique("stampede");
    const { state, load } = source({ n: 42 }, 300);
    const instances = [new Cache({ localTtlMs: 0 }), new Cache({ localTtlMs: 0 }), new Cache({ localTtlMs: 0 })];
    const results = await Promise.all(instances.flatMap((c) => Array.from({ length: 10 }, () => c.get(name, { tags: ["stampede"], ttlSeconds: 60 }, load))));
    expect(results).toHaveLength(30);
    for (const r of results) expect(r).toEqual({ n: 42 });
    expect(state.calls).toBe(1);
  });

  it("rebuilds an invalidated key once, the others waiting for the new value instead of serving the old", async () => {
    const name = unique("stampede-invalidated");
    const tag = unique("tag");
    const { state, load } = source("v1", 200);
    const instances = [new Cache({ localTtlMs: 0 }), new Cache({ localTtlMs: 0 })];
    await instances[0]!.get(name, { tags: [tag], ttlSeconds: 60 }, load);
    state.value = "v2";
    await instances[1]!.invalidateTags([tag]);
    const results = await Promise.all(instances.flatMap((c) => Array.from({ length: 8 }, () => c.get(name, { tags: [tag], ttlSeconds: 60 }, load))));
    expect(new Set(results)).toEqual(new Set(["v2"]));
    expect(state.calls).toBe(2);
  });

  it("serves an expired value while one instance rebuilds it", async () => {
    const name = unique("stale");
    const { state, load } = source("v1", 300);
    const a = new Cache({ localTtlMs: 0, jitter: 0 });
    const b = new Cache({ localTtlMs: 0, jitter: 0 });
    await a.get(name, { tags: ["stale"], ttlSeconds: 0.2, staleSeconds: 30 }, load);
    await sleep(300);
    state.value = "v2";
    const rebuilding = a.get(name, { tags: ["stale"], ttlSeconds: 60 }, load);
    await sleep(50);
    const started = Date.now();
    expect(await b.get(name, { tags: ["stale"], ttlSeconds: 60 }, load)).toBe("v1");
    expect(Date.now() - started).toBeLessThan(200);
    expect(await rebuilding).toBe("v2");
    expect(await b.get(name, { tags: ["stale"], ttlSeconds: 60 }, load)).toBe("v2");
    expect(state.calls).toBe(2);
  });
});

describe("misses and lifetimes", () => {
  it("caches a miss, for a shorter time, until a tag is invalidated", async () => {
    const name = unique("miss");
    const tag = unique("tag");
    const { state, load } = source<string | null>(null);
    const c = new Cache({ localTtlMs: 0 });
    expect(await c.get(name, { tags: [tag], ttlSeconds: 300, negativeTtlSeconds: 10, staleSeconds: 0 }, load)).toBeNull();
    expect(await c.get(name, { tags: [tag], ttlSeconds: 300, negativeTtlSeconds: 10, staleSeconds: 0 }, load)).toBeNull();
    expect(state.calls).toBe(1);
    const ttl = await redis().pttl(key("cache", "e", name));
    expect(ttl).toBeGreaterThan(7_000);
    expect(ttl).toBeLessThanOrEqual(12_000);
    state.value = "created";
    await c.invalidateTags([tag]);
    expect(await c.get(name, { tags: [tag], ttlSeconds: 300 }, load)).toBe("created");
  });

  it("jitters lifetimes so entries written together expire apart", async () => {
    expect(jitteredMs(100, 0.2, () => 0)).toBe(80_000);
    expect(jitteredMs(100, 0.2, () => 1)).toBe(120_000);
    const c = new Cache({ localTtlMs: 0 });
    const names = Array.from({ length: 12 }, () => unique("jitter"));
    await Promise.all(names.map((n) => c.get(n, { tags: ["jitter"], ttlSeconds: 100, staleSeconds: 0 }, async () => 1)));
    const ttls = await Promise.all(names.map((n) => redis().pttl(key("cache", "e", n))));
    for (const ttl of ttls) {
      expect(ttl).toBeGreaterThan(79_000);
      expect(ttl).toBeLessThanOrEqual(120_000);
    }
    expect(new Set(ttls.map((t) => Math.round(t / 1000))).size).toBeGreaterThan(3);
  });

  it("refuses an in-process lifetime that could hide a change for more than 5 s", () => {
    expect(() => new Cache({ localTtlMs: 6_000 })).toThrow(/5 s/);
  });
});
