// The full-page cache: the finished HTML of anonymous catalogue pages (lib/page-cache/rules.ts says which),
// kept in Redis and served by middleware.ts before Next.js renders anything. A page render costs tens of
// milliseconds of CPU; a hit costs one Redis read, and at most one per second per page and instance.
//
// - Shared: entries live in Redis (keyed by build, locale and address), so every instance serves what any
//   instance filled. A 1-second in-process layer spares Redis the hot pages' bodies; nothing else is local.
// - Invalidation: an entry remembers the versions of the catalogue's cache tags (lib/cache) when it was built;
//   `invalidateTags` bumps them, so after an admin's change every instance stops serving the old HTML within
//   the in-process layer's second. Entries also age out (60 s, jittered) like the data under them.
// - Filling: a miss renders normally for the visitor and, in the background, one instance (a Redis lock per
//   entry) asks its own server for the page with a secret header and no session, and stores a 200 HTML answer
//   (never a 404, an error, a redirect or anything that sets a cookie). Because the data cache's in-process
//   layer may hold pre-change values for a second after an invalidation, a fill that soon after a change waits
//   for that second to pass before rendering.
// - Anonymous only: signed-in visitors see their name, admin link and enrolment on these pages, so they are
//   always rendered for them; the cache never stores a signed-in render (fills carry no session at all).
// - CATALOGUE_CACHE=off, development, and a Redis outage all mean "render every time".
import "server-only";
import { createHash, createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { cacheTagKeys, DEFAULT_CACHE_CONFIG, jitteredMs } from "@/lib/cache";
import { CATALOGUE_TAGS } from "@/lib/catalogue/tags";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/log";
import { key, redis } from "@/lib/redis";
import { PAGE_CACHE_HEADER, PAGE_FILL_HEADER, type CacheablePage } from "./rules";

export { cacheablePage, PAGE_CACHE_HEADER, PAGE_FILL_HEADER, type CacheablePage } from "./rules";

/** Every catalogue page shows courses, category names (the footer too) and teachers. */
const TAGS = [CATALOGUE_TAGS.courses, CATALOGUE_TAGS.categories, CATALOGUE_TAGS.teachers];
const FRESH_SECONDS = 60;
/** After aging out (not after invalidation) an entry is still served this long while one instance refills it. */
const STALE_SECONDS = 60;
const LOCAL_TTL_MS = 1_000;
const LOCAL_MAX_ENTRIES = 100;
const LOCK_MS = 15_000;
const FILL_TIMEOUT_MS = 10_000;
/** A search page is stored once it was missed twice within this window. */
const SEEN_WINDOW_MS = 60_000;
/** The answer headers worth keeping with the body (the rest are per request or recomputed). */
const KEPT_HEADERS = ["content-type", "cache-control", "vary", "link", "content-language"];

const log = logger.child({ component: "page-cache" });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface StoredPage {
  /** Tag versions when built. */
  v: string[];
  /** Fresh until (ms since the epoch). */
  f: number;
  h: Array<[string, string]>;
  b: string;
}

/** A page ready to answer with: the body encoded once, not per answer. */
export interface ServablePage {
  state: "hit" | "stale";
  headers: Array<[string, string]>;
  bytes: Uint8Array<ArrayBuffer>;
  /** Whether a refill was already asked for (stale entries), so each second asks once, not per request. */
  refillAsked?: boolean;
}

export type Lookup = { state: "miss" } | { state: "hit" | "stale"; page: ServablePage };

interface ProcessState {
  local: Map<string, { until: number; page: ServablePage }>;
  /** Entries this process is filling now (spares the lock's round trip to concurrent misses). */
  filling: Set<string>;
  buildId?: string;
}
const holder = globalThis as unknown as { __xuefuPageCache?: ProcessState };
const state: ProcessState = (holder.__xuefuPageCache ??= { local: new Map(), filling: new Set() });

/** Whether the page cache is on in this process. */
export function pageCacheEnabled(): boolean {
  return process.env.NODE_ENV === "production" && env().CATALOGUE_CACHE !== "off";
}

/** The build's id: HTML names the build's chunks, so a new deployment never serves an older build's pages. */
function buildId(): string {
  if (state.buildId === undefined) {
    try {
      state.buildId = fs.readFileSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"), "utf8").trim();
    } catch {
      state.buildId = "unknown";
    }
  }
  return state.buildId;
}

const entryKey = (page: CacheablePage) => key("page", buildId(), createHash("sha256").update(page.name).digest("base64url"));

let secret: Buffer | undefined;
/** The fill requests' header value: only this process's siblings know AUTH_SECRET. */
export function fillSecret(): string {
  secret ??= createHmac("sha256", env().AUTH_SECRET).update("xuefu page-cache fill").digest();
  return secret.toString("base64url");
}

/** Whether a request carries the fill header with the right secret (it is then rendered, never served cached). */
export function isFillRequest(value: string | null): boolean {
  if (!value) return false;
  const expected = Buffer.from(fillSecret());
  const given = Buffer.from(value);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const sameVersions = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** The cached page for a request, if a current one exists. Throws when Redis is unreachable. */
export async function lookupPage(page: CacheablePage): Promise<Lookup> {
  const local = state.local.get(page.name);
  if (local && local.until > Date.now()) return { state: local.page.state, page: local.page };
  const p = redis().pipeline();
  p.mget(...cacheTagKeys(TAGS));
  p.get(entryKey(page));
  const [versionsRaw, raw] = (await p.exec()) as [Array<string | number | null>, string | null];
  if (typeof raw !== "string") return { state: "miss" };
  let stored: StoredPage;
  try {
    stored = JSON.parse(raw) as StoredPage;
  } catch {
    return { state: "miss" };
  }
  if (!sameVersions(stored.v, versionsRaw.map((v) => String(v ?? 0)))) return { state: "miss" };
  // An aged entry (not an invalidated one) is still served, briefly, while it is refilled.
  const servable: ServablePage = { state: stored.f > Date.now() ? "hit" : "stale", headers: stored.h, bytes: new TextEncoder().encode(stored.b) };
  if (state.local.size >= LOCAL_MAX_ENTRIES) {
    const oldest = state.local.keys().next().value;
    if (oldest !== undefined) state.local.delete(oldest);
  }
  state.local.set(page.name, { until: Date.now() + LOCAL_TTL_MS, page: servable });
  return { state: servable.state, page: servable };
}

/** Whether a stale page should trigger a refill now (once per in-process entry, not on every request). */
export function shouldRefill(page: ServablePage): boolean {
  if (page.state !== "stale" || page.refillAsked) return false;
  page.refillAsked = true;
  return true;
}

/** The address this server answers itself on (next start sets PORT), or null when unknown. */
function selfOrigin(): string | null {
  const port = process.env.PORT;
  return port && /^\d+$/.test(port) ? `http://127.0.0.1:${port}` : null;
}

/**
 * Renders the page through this server, as an anonymous visitor in the page's locale, and stores the answer
 * if it may be shared. At most one fill per entry at a time across instances; never throws.
 */
export async function fillPage(page: CacheablePage): Promise<void> {
  const origin = selfOrigin();
  if (!origin || state.filling.has(page.name)) return;
  state.filling.add(page.name);
  const id = createHash("sha256").update(page.name).digest("base64url");
  const lockKey = key("page", "lock", buildId(), id);
  const token = randomUUID();
  try {
    // A flood of made-up searches would otherwise cost two renders each (the visitor's and the fill's).
    if (page.search) {
      const seenKey = key("page", "seen", buildId(), id);
      const p = redis().pipeline();
      p.incr(seenKey);
      p.pexpire(seenKey, SEEN_WINDOW_MS);
      const [seen] = (await p.exec()) as [number, number];
      if (seen < 2) return;
    }
    if ((await redis().set(lockKey, token, { nx: true, px: LOCK_MS })) !== "OK") return;
    try {
      let tags = await tagState();
      // Another process may still serve pre-change data from its in-process layer: let that expire first.
      const settle = tags.changedAt + DEFAULT_CACHE_CONFIG.localTtlMs + 500 - Date.now();
      if (settle > 0) {
        await sleep(Math.min(settle, 3_000));
        tags = await tagState();
      }
      const response = await fetch(origin + page.url, {
        headers: { accept: "text/html", cookie: `NEXT_LOCALE=${page.locale}`, [PAGE_FILL_HEADER]: fillSecret() },
        redirect: "manual",
        cache: "no-store",
        signal: AbortSignal.timeout(FILL_TIMEOUT_MS),
      });
      const body = await response.text();
      const type = response.headers.get("content-type") ?? "";
      if (response.status !== 200 || !type.startsWith("text/html") || response.headers.has("set-cookie")) return;
      const freshMs = jitteredMs(FRESH_SECONDS, DEFAULT_CACHE_CONFIG.jitter);
      const stored: StoredPage = {
        v: tags.versions,
        f: Date.now() + freshMs,
        h: KEPT_HEADERS.flatMap((name) => {
          const value = response.headers.get(name);
          return value === null ? [] : [[name, value] as [string, string]];
        }),
        b: body,
      };
      await redis().set(entryKey(page), JSON.stringify(stored), { px: freshMs + STALE_SECONDS * 1000 });
    } finally {
      await redis()
        .eval(`if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`, [lockKey], [token])
        .catch(() => undefined);
    }
  } catch (error) {
    log.warn({ err: error, page: page.url }, "filling the page cache failed");
  } finally {
    state.filling.delete(page.name);
  }
}

/** The catalogue tags' versions, and when any of them last changed (ms since the epoch, 0 if never). */
async function tagState(): Promise<{ versions: string[]; changedAt: number }> {
  const p = redis().pipeline();
  p.mget(...cacheTagKeys(TAGS));
  p.mget(...cacheTagKeys(TAGS, "changed"));
  const [versions, times] = (await p.exec()) as [Array<string | number | null>, Array<string | number | null>];
  return { versions: versions.map((v) => String(v ?? 0)), changedAt: Math.max(0, ...times.map((t) => Number(t ?? 0) || 0)) };
}

/**
 * The body and headers for a cached page. (Next drops Content-Encoding from middleware answers and compresses
 * them itself for browsers that accept gzip, so the body cannot be stored pre-compressed.)
 */
export function cachedResponseInit(page: ServablePage): { body: Uint8Array<ArrayBuffer>; headers: Headers } {
  const headers = new Headers(page.headers);
  headers.set(PAGE_CACHE_HEADER, page.state);
  return { body: page.bytes, headers };
}
