// Admission to a flash sale: one atomic Lua script in Redis (scripts.ts ADMIT) checks the window, the buyers
// and the seats, takes a seat, records the buyer and queues the order for the worker, and counts the attempt.
// The learner's order number is issued here (an in-process snowflake), so the answer can name the order
// before the worker has written it.
//
// Once a sale is sold out (or ended) this process remembers it for a moment and rejects without a Redis round
// trip; the memory is short because seats come back when unpaid ones are released. Those local rejections
// are still counted for the dashboard's funnel, in one HINCRBY per sale per second.
import "server-only";
import type { Redis } from "@upstash/redis";
import { logger } from "@/lib/log";
import { nextOrderNo } from "@/lib/orders/order-no-generator";
import { sessionKey } from "@/lib/auth/session-registry";
import { redis } from "@/lib/redis";
import { seckillConfig } from "./config";
import { seckillKeys, utcDay } from "./keys";
import { runScript } from "./redis-scripts";
import { loadSale } from "./sales";
import { ADMIT } from "./scripts";

export type AdmitRejection = "SOLD_OUT" | "ALREADY_PURCHASED" | "NOT_STARTED" | "ENDED" | "RATE_LIMITED" | "NOT_FOUND" | "SIGNED_OUT";
export type AdmitOutcome =
  | { ok: true; orderNo: string; payBefore: Date; seatsLeft: number }
  | { ok: false; code: AdmitRejection; retryAfterSeconds?: number; startsAt?: Date };

/** How long a process trusts that a sale is sold out (or over) without asking Redis again. */
export const CLOSED_MEMORY_MS = 1_000;
const FUNNEL_TTL_SECONDS = 40 * 24 * 3600;
const log = logger.child({ component: "seckill-admission" });

const closed = new Map<number, { code: "SOLD_OUT" | "ENDED"; until: number }>();
const localAttempts = new Map<number, number>();
let flushTimer: NodeJS.Timeout | undefined;

function countLocally(saleId: number, client: Redis): void {
  localAttempts.set(saleId, (localAttempts.get(saleId) ?? 0) + 1);
  flushTimer ??= setTimeout(() => {
    flushTimer = undefined;
    void flushFunnel(client);
  }, 1_000);
  flushTimer.unref?.();
}

/** Adds the attempts rejected in-process to the funnel hash (also called by tests and at shutdown). */
export async function flushFunnel(client: Redis = redis()): Promise<void> {
  if (localAttempts.size === 0) return;
  const batch = [...localAttempts];
  localAttempts.clear();
  const day = seckillKeys.funnel(utcDay());
  try {
    const p = client.pipeline();
    for (const [saleId, n] of batch) p.hincrby(day, String(saleId), n);
    p.expire(day, FUNNEL_TTL_SECONDS);
    await p.exec();
  } catch (error) {
    log.warn({ err: error }, "could not add local rejections to the flash-sale funnel");
  }
}

/** Forgets the in-process sold-out memory (tests; and after an admin adds seats on this instance). */
export function forgetClosed(saleId?: number): void {
  if (saleId === undefined) closed.clear();
  else closed.delete(saleId);
}

/**
 * `sid` is the caller's session, whose token signature the route has checked; the script checks that the
 * session is still live. A sale this process knows to be closed is answered from memory without that check:
 * a signed-out token learns only that the sale is over or sold out, which GET /api/v1/seckill/{id} says to
 * anyone.
 */
export async function admit(input: { saleId: number; userId: number; sid: string; ip: string }, client: Redis = redis()): Promise<AdmitOutcome> {
  const { saleId, userId } = input;
  const memory = closed.get(saleId);
  if (memory && memory.until > Date.now()) {
    countLocally(saleId, client);
    return { ok: false, code: memory.code };
  }
  const config = seckillConfig();
  const orderNo = await nextOrderNo();
  const keys = [
    seckillKeys.sale(saleId),
    seckillKeys.buyers(saleId),
    seckillKeys.stream(),
    seckillKeys.funnel(utcDay()),
    seckillKeys.userRate(saleId, userId),
    seckillKeys.ipRate(input.ip),
    sessionKey(input.sid),
  ];
  const args = [saleId, userId, orderNo, config.SECKILL_PAY_WINDOW_SECONDS * 1000, config.SECKILL_USER_LIMIT, config.SECKILL_IP_LIMIT, config.SECKILL_RATE_WINDOW_SECONDS, FUNNEL_TTL_SECONDS];
  let reply = await runScript<string[]>(ADMIT, keys, args, client);
  if (reply[0] === "NOT_LOADED") {
    // Not in Redis yet (saved moments ago, or Redis lost it): load from MySQL and try once more.
    if ((await loadSale(saleId, client)) === null) return { ok: false, code: "NOT_FOUND" };
    reply = await runScript<string[]>(ADMIT, keys, args, client);
  }
  const [code, a, b] = reply;
  switch (code) {
    case "OK":
      return { ok: true, orderNo, payBefore: new Date(Number(a)), seatsLeft: Number(b) };
    case "SOLD_OUT":
    case "ENDED":
      closed.set(saleId, { code, until: Date.now() + CLOSED_MEMORY_MS });
      return { ok: false, code };
    case "ALREADY_PURCHASED":
    case "SIGNED_OUT":
      return { ok: false, code };
    case "NOT_STARTED":
      return { ok: false, code, startsAt: new Date(Number(a)) };
    case "RATE_LIMITED":
      return { ok: false, code, retryAfterSeconds: Math.max(1, Number(a)) };
    case "NOT_LOADED":
      return { ok: false, code: "NOT_FOUND" };
    default:
      throw new Error(`unexpected admission reply ${JSON.stringify(reply)}`);
  }
}
