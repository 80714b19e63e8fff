// A read-through cache in Redis for hot reads (course lists, course pages, the category tree).
//
// - Invalidation by tag: each tag has a version counter in Redis; an entry remembers the versions of its tags
//   when it was built, and `invalidateTags` bumps the counters, so every entry of a tag goes stale at once on
//   every instance. One pipelined round trip reads the entry and its tags' current versions.
// - Stampedes: a miss takes a short Redis lock (SET NX PX) so one instance rebuilds a key at a time; the
//   others wait briefly for the new entry (or, when the entry merely expired, serve it stale meanwhile). Within
//   one process, concurrent reads of a key share one promise.
// - Misses are cached too (a loader's null), for a shorter time; callers reject impossible ids before calling.
// - Lifetimes are jittered so entries written together do not expire together.
// - A small in-process layer holds entries for at most LOCAL_TTL_MS (1 s), so a change reaches every instance
//   within about a second; `invalidateTags` also empties it in the calling process at once.
// If Redis is down the loader runs directly: the site stays up on MySQL alone.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/log";
import { key, redis } from "@/lib/redis";

export interface CacheOptions {
  /** Tags whose invalidation makes this entry stale, e.g. ["courses", "course:42"]. */
  tags: string[];
  /** How long a value stays fresh, before jitter. */
  ttlSeconds: number;
  /** How long a miss (the loader's null) stays cached, before jitter. Default 30 s. */
  negativeTtlSeconds?: number;
  /** After expiry (not after invalidation) the old value may be served this long while one instance rebuilds. */
  staleSeconds?: number;
}

export interface CacheConfig {
  /** In-process lifetime of an entry; at most 5 s so changes reach every instance in time. 0 disables it. */
  localTtlMs: number;
  localMaxEntries: number;
  /** The rebuild lock's lifetime: a crashed holder blocks others at most this long. */
  lockMs: number;
  /** How long a reader waits for another instance's rebuild before loading by itself. */
  waitMs: number;
  /** ± fraction by which lifetimes are jittered. */
  jitter: number;
}

export const DEFAULT_CACHE_CONFIG: CacheConfig = { localTtlMs: 1_000, localMaxEntries: 2_000, lockMs: 5_000, waitMs: 2_500, jitter: 0.2 };

interface Entry {
  /** The tags' versions when the value was built. */
  v: string[];
  /** Fresh until this time (ms since the epoch). */
  f: number;
  d: unknown;
}

const RELEASE_LOCK = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const log = logger.child({ component: "cache" });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `base` seconds ± `ratio`, in milliseconds; `random` is injectable for tests. */
export function jitteredMs(baseSeconds: number, ratio: number, random: () => number = Math.random): number {
  return Math.max(1, Math.round(baseSeconds * 1000 * (1 - ratio + 2 * ratio * random())));
}

const tagKey = (tag: string) => key("cache", "tag", tag);
const tagChangedKey = (tag: string) => key("cache", "tag-changed", tag);

/**
 * The Redis keys of tags' version counters (or, with "changed", of when each was last invalidated, ms since the
 * epoch): the page cache (lib/page-cache) builds on the same tags.
 */
export function cacheTagKeys(tags: string[], kind: "version" | "changed" = "version"): string[] {
  return tags.map(kind === "version" ? tagKey : tagChangedKey);
}
/** Entry names may hold user input (a search query): long ones are hashed to keep keys short and safe. */
const safeName = (name: string) => (name.length <= 100 && /^[\w:.,=|-]*$/.test(name) ? name : `h:${createHash("sha256").update(name).digest("hex")}`);

export class Cache {
  private readonly local = new Map<string, { until: number; value: unknown }>();
  private readonly inflight = new Map<string, Promise<unknown>>();
  readonly config: CacheConfig;

  constructor(config: Partial<CacheConfig> = {}) {
    this.config = { ...DEFAULT_CACHE_CONFIG, ...config };
    if (this.config.localTtlMs > 5_000) throw new Error("The in-process cache must hold entries for at most 5 s.");
  }

  /** The value of `name`, from the cache or from `load` (once across instances). null is cached as a miss. */
  async get<T>(name: string, options: CacheOptions, load: () => Promise<T | null>): Promise<T | null> {
    const id = safeName(name);
    const hit = this.local.get(id);
    if (hit && hit.until > Date.now()) return hit.value as T | null;
    const running = this.inflight.get(id);
    if (running) return running as Promise<T | null>;
    const work = this.readThrough(id, options, load).finally(() => this.inflight.delete(id));
    this.inflight.set(id, work);
    return work;
  }

  /** Makes every entry carrying any of the tags stale, on every instance. */
  async invalidateTags(tags: string[]): Promise<void> {
    this.local.clear();
    if (tags.length === 0) return;
    const p = redis().pipeline();
    const now = Date.now();
    for (const tag of new Set(tags)) {
      p.incr(tagKey(tag));
      p.set(tagChangedKey(tag), now);
    }
    await p.exec();
  }

  /** Forgets the in-process layer (tests use it to play a second instance). */
  clearLocal(): void {
    this.local.clear();
  }

  private remember(id: string, value: unknown): void {
    if (this.config.localTtlMs <= 0) return;
    if (this.local.size >= this.config.localMaxEntries) {
      const oldest = this.local.keys().next().value;
      if (oldest !== undefined) this.local.delete(oldest);
    }
    this.local.set(id, { until: Date.now() + this.config.localTtlMs, value });
  }

  private async read(id: string, tags: string[]): Promise<{ versions: string[]; entry: Entry | null }> {
    const p = redis().pipeline();
    if (tags.length) p.mget(...tags.map(tagKey));
    p.get(key("cache", "e", id));
    const results = (await p.exec()) as unknown[];
    const versions = tags.length ? ((results[0] as Array<string | number | null>) ?? []).map((v) => String(v ?? 0)) : [];
    const raw = results[results.length - 1];
    let entry: Entry | null = null;
    if (typeof raw === "string") {
      try {
        entry = JSON.parse(raw) as Entry;
      } catch {
        entry = null;
      }
    }
    return { versions, entry };
  }

  private async readThrough<T>(id: string, options: CacheOptions, load: () => Promise<T | null>): Promise<T | null> {
    let state: Awaited<ReturnType<Cache["read"]>>;
    try {
      state = await this.read(id, options.tags);
    } catch (error) {
      log.warn({ err: error, key: id }, "cache unavailable; reading from the source");
      return load();
    }
    const { versions, entry } = state;
    const current = entry !== null && sameVersions(entry.v, versions);
    if (entry && current && entry.f > Date.now()) {
      this.remember(id, entry.d);
      return entry.d as T | null;
    }

    const lockKey = key("cache", "lock", id);
    const token = randomUUID();
    const locked = await redis()
      .set(lockKey, token, { nx: true, px: this.config.lockMs })
      .catch(() => null);
    if (locked === "OK") {
      try {
        const value = await load();
        await this.write(id, versions, value, options);
        this.remember(id, value);
        return value;
      } finally {
        await redis()
          .eval(RELEASE_LOCK, [lockKey], [token])
          .catch((error: unknown) => log.warn({ err: error, key: id }, "releasing a cache lock failed"));
      }
    }
    // Someone else is rebuilding. A value that only outlived its time may still be served meanwhile; one
    // that was invalidated may not, so wait for the new one.
    if (entry && current) return entry.d as T | null;
    const deadline = Date.now() + this.config.waitMs;
    while (Date.now() < deadline) {
      await sleep(30 + Math.random() * 30);
      const again = await this.read(id, options.tags).catch(() => null);
      if (again?.entry && sameVersions(again.entry.v, again.versions) && again.entry.f > Date.now()) {
        this.remember(id, again.entry.d);
        return again.entry.d as T | null;
      }
    }
    log.warn({ key: id }, "gave up waiting for another instance's rebuild; loading");
    return load();
  }

  private async write(id: string, versions: string[], value: unknown, options: CacheOptions): Promise<void> {
    const freshMs = jitteredMs(value === null ? (options.negativeTtlSeconds ?? 30) : options.ttlSeconds, this.config.jitter);
    const entry: Entry = { v: versions, f: Date.now() + freshMs, d: value };
    const keepMs = freshMs + (options.staleSeconds ?? 60) * 1000;
    await redis()
      .set(key("cache", "e", id), JSON.stringify(entry), { px: keepMs })
      .catch((error: unknown) => log.warn({ err: error, key: id }, "writing a cache entry failed"));
  }
}

function sameVersions(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

const holder = globalThis as unknown as { __xuefuCache?: Cache };

/** The process's cache. */
export function cache(): Cache {
  holder.__xuefuCache ??= new Cache();
  return holder.__xuefuCache;
}

/** Read-through `cache().get`; with CATALOGUE_CACHE=off every read goes to the loader. */
export function cached<T>(name: string, options: CacheOptions, load: () => Promise<T | null>): Promise<T | null> {
  if (env().CATALOGUE_CACHE === "off") return load();
  return cache().get(name, options, load);
}

/** For the authoring code: makes every cached read carrying one of these tags stale on every instance. */
export function invalidateTags(tags: string[]): Promise<void> {
  return cache().invalidateTags(tags);
}
