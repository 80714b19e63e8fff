// Rate limits shared by every web instance: @upstash/ratelimit on our Redis (sliding window). Used for
// verification codes, token requests, payment attempts: anything a client could repeat to abuse us. Failures
// that must be counted exactly (sign-in attempts) use the sliding logs at the end of this file.
//
//   const r = await rateLimit("sign-in:ip", ip, { limit: 10, windowSeconds: 600 });
//   if (!r.ok) tooManyRequests(r.retryAfterSeconds);
import "server-only";
import { createHmac, randomUUID } from "node:crypto";
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

function checkRule(name: string, rule: RateRule): void {
  if (!Number.isInteger(rule.limit) || rule.limit < 1 || !Number.isInteger(rule.windowSeconds) || rule.windowSeconds < 1) {
    throw new Error(`Rate limit "${name}" needs a positive integer limit and windowSeconds`);
  }
}

function limiter(name: string, rule: RateRule): Ratelimit {
  checkRule(name, rule);
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

// Exact sliding windows for counting failures (sign-in attempts). @upstash/ratelimit's sliding window is an
// estimate from two fixed windows, weighting the previous one by how much of it is still in range: failures
// bunched at the end of one window count for less as the next goes on, so around a window edge about twice
// the limit fits into one window's length. Here each failure is a member of a sorted set scored by its time;
// a count is of the members within the last window, exactly. The set keeps at most `limit` members, the
// newest, so an identifier's memory is bounded however many failures it piles up, and each new failure past
// the limit pushes the end of the block further out.
const RECORD_SCRIPT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
redis.call("ZREMRANGEBYSCORE", KEYS[1], "-inf", now - window)
redis.call("ZADD", KEYS[1], now, ARGV[4])
local n = redis.call("ZCARD", KEYS[1])
if n > limit then
  redis.call("ZREMRANGEBYRANK", KEYS[1], 0, n - limit - 1)
  n = limit
end
redis.call("PEXPIRE", KEYS[1], window)
local oldest = redis.call("ZRANGE", KEYS[1], 0, 0, "WITHSCORES")
return {n, tonumber(oldest[2] or now)}
`;

const PEEK_SCRIPT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call("ZREMRANGEBYSCORE", KEYS[1], "-inf", now - window)
local n = redis.call("ZCARD", KEYS[1])
local oldest = redis.call("ZRANGE", KEYS[1], 0, 0, "WITHSCORES")
return {n, tonumber(oldest[2] or now)}
`;

type Script = ReturnType<typeof createLogScript>;
const createLogScript = (source: string) => redis().createScript<[number, number]>(source);
let recordScript: Script | undefined;
let peekScript: Script | undefined;

const logKey = (name: string, identifier: string, rule: RateRule) => key("ratelimit", `${name}:log:${rule.limit}/${rule.windowSeconds}s`, hashIdentifier(identifier));

function logResult(rule: RateRule, count: number, oldest: number, now: number): RateLimitResult {
  if (count < rule.limit) return { ok: true, remaining: rule.limit - count, retryAfterSeconds: 0 };
  // The log holds the newest `limit` events: room opens when the oldest of them leaves the window.
  return { ok: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((oldest + rule.windowSeconds * 1000 - now) / 1000)) };
}

/**
 * Records one event (a failed sign-in) for `identifier` in an exact sliding window. The result says whether
 * there is still room under the limit after it (ok: fewer than `limit` events in the last window).
 */
export async function recordEvent(name: string, identifier: string, rule: RateRule, now: number = Date.now()): Promise<RateLimitResult> {
  checkRule(name, rule);
  recordScript ??= createLogScript(RECORD_SCRIPT);
  const member = `${now}:${randomUUID()}`;
  const [count, oldest] = await recordScript.exec([logKey(name, identifier, rule)], [String(now), String(rule.windowSeconds * 1000), String(rule.limit), member]);
  return logResult(rule, Number(count), Number(oldest), now);
}

/** Whether `identifier` is still under the limit of recorded events in the last window, without recording one. */
export async function peekEvents(name: string, identifier: string, rule: RateRule, now: number = Date.now()): Promise<RateLimitResult> {
  checkRule(name, rule);
  peekScript ??= createLogScript(PEEK_SCRIPT);
  const [count, oldest] = await peekScript.exec([logKey(name, identifier, rule)], [String(now), String(rule.windowSeconds * 1000)]);
  return logResult(rule, Number(count), Number(oldest), now);
}

/** Forgets the recorded events of `identifier` (after it proved itself, e.g. a successful sign-in). */
export async function clearEvents(name: string, identifier: string, rule: RateRule): Promise<void> {
  await redis().del(logKey(name, identifier, rule));
}
