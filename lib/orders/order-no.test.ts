import { describe, expect, it } from "vitest";
import { MAX_SEQUENCE, MAX_WORKER_ID, ORDER_NO_EPOCH_MS, formatOrderNo, parseOrderNo } from "./order-no";

describe("order numbers", () => {
  it("round-trip time, generator and sequence, and exceed 2^53 soon after the epoch", () => {
    const t = Date.UTC(2026, 10, 21, 8, 0, 0, 123);
    const no = formatOrderNo(t, 513, 4000);
    expect(parseOrderNo(no)).toEqual({ timeMs: t, workerId: 513, sequence: 4000 });
    expect(BigInt(no) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
  });

  it("sort by time as numbers, and differ between generators in the same millisecond", () => {
    const t = ORDER_NO_EPOCH_MS + 86_400_000;
    expect(BigInt(formatOrderNo(t + 1, 0, 0)) > BigInt(formatOrderNo(t, MAX_WORKER_ID, MAX_SEQUENCE))).toBe(true);
    expect(formatOrderNo(t, 1, 0)).not.toBe(formatOrderNo(t, 2, 0));
  });

  it("reject out-of-range parts and malformed text", () => {
    expect(() => formatOrderNo(Date.now(), MAX_WORKER_ID + 1, 0)).toThrow(RangeError);
    expect(() => formatOrderNo(Date.now(), 0, MAX_SEQUENCE + 1)).toThrow(RangeError);
    expect(() => formatOrderNo(ORDER_NO_EPOCH_MS - 1, 0, 0)).toThrow(RangeError);
    for (const bad of ["", "0", "-1", "12a", "1".repeat(21), "99999999999999999999"]) expect(parseOrderNo(bad)).toBeNull();
  });
});
