// Rate limits shared by every web instance: @upstash/ratelimit on our Redis (sliding window). Used for
// verification codes, sign-in attempts, token requests: anything a client could repeat to abuse us.
//
//   const r = await rateLimit("sign-in:ip", ip, { limit: 10, windowSeconds: 600 });
//   if (!r.ok) tooManyRequests(r.retryAfterSeconds);
import "server-only";
import { createHmac } from "node:crypto";
import { Ratelimit, type Duration } from "@upstash/ratelimit";
import { env } from "@/lib/config/env";
import { ApiError } from "@/lib/http/api";
import { key, redis } from "@/lib/redis";

export interface RateRule {
  /** Requests allowed per window (a positive integer). */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  ok: boolean;
  remaining: number;
  /** 0 when ok; otherwise whole seconds (at least 1) until a request may pass again. */
  retryAfterSeconds: number;
}

// One Ratelimit per name and rule for the life of the process. They hold no state of their own:
//  - ephemeralCache is OFF. Left on, each instance remembers identifiers it saw blocked and refuses them
//    locally until the window's reset, without asking Redis. Across several web instances that cache is
//    stale by construction: a counter reset elsewhere (e.g. after a successful sign-in) or the sliding
//    window letting a request through before `reset` would still be refused on this instance only. The
//    saving (one Redis call per already-blocked request) is not worth decisions that depend on which
//    instance a request lands on.
//  - When Redis has not answered within the timeout the library lets the request PASS (reason "timeout").
//    For abuse protection we fail closed instead: rateLimit throws, like it does on a Redis error.
const limiters = new Map<string, Ratelimit>();
const CHECK_TIMEOUT_MS = 3_000;

function limiter(name: string, rule: RateRule): Ratelimit {
  if (!Number.isInteger(rule.limit) || rule.limit < 1 || !Number.isInteger(rule.windowSeconds) || rule.windowSeconds < 1) {
    throw new Error(`Rate limit "${name}" needs a positive integer limit and windowSeconds`);
  }
  const id = `${name}:${rule.limit}/${rule.windowSeconds}s`;
  let instance = limiters.get(id);
  if (!instance) {
    const window: Duration = `${rule.windowSeconds} s`;
    instance = new Ratelimit({
      redis: redis(),
      // The rule is part of the prefix: two rules under one name (per minute, per day) keep separate counters.
      prefix: key("ratelimit", id),
      // With a limit of 1 the sliding window degenerates into a fixed one (it floors the previous window's
      // weighted count, which is then 0), so two requests a second apart on either side of a window edge
      // would both pass. A bucket of one token refilled once per window is an exact cooldown instead.
      limiter: rule.limit === 1 ? Ratelimit.tokenBucket(1, window, 1) : Ratelimit.slidingWindow(rule.limit, window),
      ephemeralCache: false,
      timeout: CHECK_TIMEOUT_MS,
      analytics: false,
    });
    limiters.set(id, instance);
  }
  return instance;
}

/**
 * Counts one request by `identifier` (an IP, an email, a user id) against the rule; `name` says what is
 * limited. The identifier is stored only as a keyed hash, so Redis key names hold no addresses or numbers.
 */
export async function rateLimit(name: string, identifier: string, rule: RateRule): Promise<RateLimitResult> {
  const result = await limiter(name, rule).limit(hashIdentifier(identifier));
  if (result.reason === "timeout") throw new Error(`Rate limit "${name}": Redis did not answer within ${CHECK_TIMEOUT_MS} ms`);
  if (result.success) return { ok: true, remaining: result.remaining, retryAfterSeconds: 0 };
  // `reset` is the end of the current window (the next refill for a bucket): by then a request passes again.
  return { ok: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((result.reset - Date.now()) / 1000)) };
}

/**
 * Whether `identifier` still has room under the rule, without counting a request: for limits that count
 * only failures (sign-in attempts), checked before the attempt and counted with rateLimit() when it fails.
 */
export async function peekRateLimit(name: string, identifier: string, rule: RateRule): Promise<RateLimitResult> {
  const result = await limiter(name, rule).getRemaining(hashIdentifier(identifier));
  if (result.remaining > 0) return { ok: true, remaining: result.remaining, retryAfterSeconds: 0 };
  return { ok: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((result.reset - Date.now()) / 1000)) };
}

function hashIdentifier(identifier: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`ratelimit|${identifier}`).digest("base64url");
}

/** Throws the API's 429 answer with a Retry-After header. */
export function tooManyRequests(retryAfterSeconds: number): never {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  throw new ApiError(429, "RATE_LIMITED", `Too many requests. Please try again in ${readableWait(seconds)}.`, undefined, {
    "Retry-After": String(seconds),
  });
}

function readableWait(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (seconds < 90) return plural(seconds, "second");
  if (seconds < 90 * 60) return plural(Math.ceil(seconds / 60), "minute");
  return plural(Math.ceil(seconds / 3600), "hour");
}
