// Order numbers: snowflake-style 64-bit ids written in decimal. 41 bits of milliseconds since 2024-01-01 UTC,
// 10 bits of generator (worker) id, 12 bits of sequence within the millisecond. They sort by time, never
// collide between generators with distinct ids, and exceed 2^53, so they always travel as strings.
export const ORDER_NO_EPOCH_MS = Date.UTC(2024, 0, 1);
const WORKER_BITS = 10n;
const SEQUENCE_BITS = 12n;
export const MAX_WORKER_ID = (1 << Number(WORKER_BITS)) - 1;
export const MAX_SEQUENCE = (1 << Number(SEQUENCE_BITS)) - 1;

export function formatOrderNo(timeMs: number, workerId: number, sequence: number): string {
  if (!Number.isInteger(workerId) || workerId < 0 || workerId > MAX_WORKER_ID) throw new RangeError(`worker id ${workerId} out of range`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > MAX_SEQUENCE) throw new RangeError(`sequence ${sequence} out of range`);
  const elapsed = BigInt(Math.floor(timeMs) - ORDER_NO_EPOCH_MS);
  if (elapsed < 0n) throw new RangeError("time before the order number epoch");
  return ((elapsed << (WORKER_BITS + SEQUENCE_BITS)) | (BigInt(workerId) << SEQUENCE_BITS) | BigInt(sequence)).toString();
}

export function parseOrderNo(orderNo: string): { timeMs: number; workerId: number; sequence: number } | null {
  if (!/^[1-9]\d{0,19}$/.test(orderNo)) return null;
  const n = BigInt(orderNo);
  if (n >= 1n << 63n) return null;
  return {
    timeMs: Number(n >> (WORKER_BITS + SEQUENCE_BITS)) + ORDER_NO_EPOCH_MS,
    workerId: Number((n >> SEQUENCE_BITS) & BigInt(MAX_WORKER_ID)),
    sequence: Number(n & BigInt(MAX_SEQUENCE)),
  };
}
