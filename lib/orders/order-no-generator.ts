// Issues order numbers (order-no.ts) on any number of web instances and workers at once. Each process leases
// a generator id (0–1023) in Redis: `SET key owner NX PX` on a free slot, renewed while the process lives,
// so two live processes never share an id. Within a process a sequence counts ids within one millisecond;
// past 4,096 in a millisecond, or if the clock steps back, it waits for the next millisecond it has not used.
import "server-only";
import { randomUUID } from "node:crypto";
import { logger } from "@/lib/log";
import { key, redis } from "@/lib/redis";
import { MAX_SEQUENCE, MAX_WORKER_ID, formatOrderNo } from "./order-no";

const LEASE_MS = 60_000;
const RENEW_EVERY_MS = 20_000;
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const log = logger.child({ component: "order-no" });

export interface OrderNoGenerator {
  next(): Promise<string>;
  readonly workerId: number;
  /** Gives the lease back (tests, graceful shutdown). */
  release(): Promise<void>;
}

const slotKey = (id: number) => key("order-no", "generator", id);

/** Takes a free generator id, trying slots from a random start so starting processes rarely collide. */
export async function leaseGeneratorId(owner: string): Promise<number> {
  const start = Math.floor(Math.random() * (MAX_WORKER_ID + 1));
  for (let i = 0; i <= MAX_WORKER_ID; i++) {
    const id = (start + i) % (MAX_WORKER_ID + 1);
    if ((await redis().set(slotKey(id), owner, { nx: true, px: LEASE_MS })) === "OK") return id;
  }
  throw new Error("All 1,024 order number generator ids are leased: too many processes, or leases are not expiring.");
}

export async function createOrderNoGenerator(now: () => number = Date.now): Promise<OrderNoGenerator> {
  const owner = randomUUID();
  let workerId = await leaseGeneratorId(owner);
  let lastMs = -1;
  let sequence = 0;
  let released = false;

  const renew = async () => {
    const renewed = Number(await redis().eval(RENEW, [slotKey(workerId)], [owner, String(LEASE_MS)]));
    if (renewed !== 1) {
      // The lease lapsed (Redis lost it, or this process stalled past a minute): someone may hold the id now.
      const previous = workerId;
      workerId = await leaseGeneratorId(owner);
      log.warn({ previous, workerId }, "order number generator id lease lost; took a new one");
    }
  };
  const timer = setInterval(() => void renew().catch((error: unknown) => log.error({ err: error }, "order number lease renewal failed")), RENEW_EVERY_MS);
  timer.unref();

  return {
    get workerId() {
      return workerId;
    },
    async next() {
      if (released) throw new Error("order number generator released");
      let t = now();
      if (t === lastMs) {
        sequence += 1;
        if (sequence > MAX_SEQUENCE) {
          while ((t = now()) <= lastMs) await new Promise((resolve) => setTimeout(resolve, 1));
          sequence = 0;
        }
      } else if (t < lastMs) {
        // The clock stepped back: keep counting in the last millisecond used, then wait it out.
        sequence += 1;
        t = lastMs;
        if (sequence > MAX_SEQUENCE) {
          while ((t = now()) <= lastMs) await new Promise((resolve) => setTimeout(resolve, 1));
          sequence = 0;
        }
      } else {
        sequence = 0;
      }
      lastMs = t;
      return formatOrderNo(t, workerId, sequence);
    },
    async release() {
      released = true;
      clearInterval(timer);
      await redis().eval(`if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`, [slotKey(workerId)], [owner]);
    },
  };
}

const holder = globalThis as unknown as { __xuefuOrderNo?: Promise<OrderNoGenerator> };

/** The next order number from this process's generator. */
export async function nextOrderNo(): Promise<string> {
  holder.__xuefuOrderNo ??= createOrderNoGenerator().catch((error: unknown) => {
    holder.__xuefuOrderNo = undefined;
    throw error;
  });
  return (await holder.__xuefuOrderNo).next();
}
