// The worker side of admissions: reads the Redis stream in the consumer group "writers", writes each
// admission to MySQL (writer.ts), and only after the commit acknowledges and deletes the message. A message
// whose consumer died before acknowledging stays pending and is claimed by another consumer once it has been
// idle for `claimIdleMs` (XAUTOCLAIM); writing it again is harmless (the seat's admission id is unique).
// An admission the database refuses (sold out in MySQL, or the learner already holds a seat: Redis lost data)
// gets its outcome recorded for the learner's order page, and the sale's Redis counts are repaired.
import "server-only";
import os from "node:os";
import { randomBytes } from "node:crypto";
import type { Redis as RestRedis } from "@upstash/redis";
import type { Redis as IORedis } from "ioredis";
import { logger } from "@/lib/log";
import { redis } from "@/lib/redis";
import { createTcpRedis } from "@/lib/redis/tcp";
import { repairRedis } from "./consistency";
import { STREAM_GROUP, seckillKeys } from "./keys";
import { writeAdmission, type Admission, type WriteResult } from "./writer";

const log = logger.child({ component: "seckill-consumer" });
const OUTCOME_TTL_SECONDS = 24 * 3600;

export interface ConsumerOptions {
  /** A TCP connection of its own (blocking reads); default: a new one to REDIS_URL. */
  connection?: IORedis;
  /** The REST client for repairs; default lib/redis. */
  rest?: RestRedis;
  name?: string;
  /** How long a message may sit unacknowledged with another consumer before this one takes it over. */
  claimIdleMs?: number;
  blockMs?: number;
  batch?: number;
  /** Tests: called after the MySQL commit and before the acknowledgement (to simulate a crash there). */
  afterWrite?: (admission: Admission, result: WriteResult) => Promise<void>;
}

export interface SeckillConsumer {
  readonly name: string;
  /** One round: takes over stale messages, then reads new ones (blocking up to blockMs). Returns messages handled. */
  step(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

type Entry = [id: string, fields: string[]];

function parse(fields: string[]): Admission | null {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i]!, fields[i + 1]!);
  const saleId = Number(map.get("sale"));
  const userId = Number(map.get("user"));
  const orderNo = map.get("orderNo") ?? "";
  const payBefore = Number(map.get("payBefore"));
  if (!Number.isSafeInteger(saleId) || !Number.isSafeInteger(userId) || !/^\d{1,20}$/.test(orderNo) || !Number.isFinite(payBefore)) return null;
  return { saleId, userId, orderNo, payBefore: new Date(payBefore) };
}

export async function ensureGroup(connection: IORedis): Promise<void> {
  try {
    // From the start of the stream: admissions queued before the first worker ever ran are not skipped.
    await connection.xgroup("CREATE", seckillKeys.stream(), STREAM_GROUP, "0", "MKSTREAM");
  } catch (error) {
    if (!(error instanceof Error && error.message.includes("BUSYGROUP"))) throw error;
  }
}

export function createSeckillConsumer(opts: ConsumerOptions = {}): SeckillConsumer {
  const connection = opts.connection ?? createTcpRedis({ connectionName: "xuefu-seckill-consumer" });
  const ownsConnection = !opts.connection;
  const name = opts.name ?? `${os.hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
  const claimIdleMs = opts.claimIdleMs ?? 30_000;
  const blockMs = opts.blockMs ?? 2_000;
  const batch = opts.batch ?? 50;
  const stream = seckillKeys.stream();
  let groupReady = false;
  let running = false;
  let loop: Promise<void> | undefined;

  async function handle(entry: Entry): Promise<void> {
    const [id, fields] = entry;
    const admission = parse(fields ?? []);
    if (!admission) {
      log.error({ id, fields }, "malformed flash-sale admission message; dropped");
    } else {
      const result = await writeAdmission(admission);
      await opts.afterWrite?.(admission, result);
      if (result.outcome === "rejected") {
        log.warn({ sale: admission.saleId, user: admission.userId, orderNo: admission.orderNo, reason: result.reason }, "the database refused a flash-sale admission");
        await connection.set(seckillKeys.outcome(admission.orderNo), result.reason, "EX", OUTCOME_TTL_SECONDS);
      }
    }
    // Acknowledge only now, after the commit; then drop the entry so the stream holds only work in flight.
    await connection.multi().xack(stream, STREAM_GROUP, id).xdel(stream, id).exec();
    if (admission && (await connection.get(seckillKeys.outcome(admission.orderNo)))) {
      await repairRedis(admission.saleId, { repair: true }, opts.rest ?? redis()).catch((error: unknown) => log.error({ err: error, sale: admission.saleId }, "flash-sale repair after a refusal failed"));
    }
  }

  async function step(): Promise<number> {
    if (!groupReady) {
      await ensureGroup(connection);
      groupReady = true;
    }
    let handled = 0;
    let failure: unknown = null;
    // One message that cannot be written (yet) must not hold up the others: it stays pending and is tried
    // again next round, and the round reports the failure once the rest are done.
    const attempt = async (entry: Entry) => {
      try {
        await handle(entry);
        handled += 1;
      } catch (error) {
        failure ??= error;
        log.error({ err: error, id: entry[0] }, "writing a flash-sale admission failed; it stays pending and is retried");
      }
    };
    // Messages another consumer took and never acknowledged (it crashed, or hangs).
    const claimed = (await connection.xautoclaim(stream, STREAM_GROUP, name, claimIdleMs, "0-0", "COUNT", batch)) as [string, Array<Entry | null>, string[]];
    for (const entry of claimed[1] ?? []) if (entry) await attempt(entry);
    // Our own pending messages first (a restart under the same name), then new ones.
    for (const from of ["0", ">"] as const) {
      const reply = (await (from === ">"
        ? connection.xreadgroup("GROUP", STREAM_GROUP, name, "COUNT", batch, "BLOCK", handled > 0 || failure ? 1 : blockMs, "STREAMS", stream, ">")
        : connection.xreadgroup("GROUP", STREAM_GROUP, name, "COUNT", batch, "STREAMS", stream, "0"))) as Array<[string, Entry[]]> | null;
      for (const entry of reply?.[0]?.[1] ?? []) {
        if (!entry[1]) {
          await connection.xack(stream, STREAM_GROUP, entry[0]);
          continue;
        }
        await attempt(entry);
      }
    }
    if (failure) throw failure;
    return handled;
  }

  return {
    name,
    step,
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          try {
            await step();
          } catch (error) {
            log.error({ err: error }, "flash-sale consumer round failed; retrying");
            await new Promise((resolve) => setTimeout(resolve, 1_000));
          }
        }
      })();
    },
    async stop() {
      running = false;
      await loop;
      if (ownsConnection) await connection.quit().catch(() => undefined);
    },
  };
}
