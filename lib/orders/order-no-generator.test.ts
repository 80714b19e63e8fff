// Order numbers from several generators at once, against the test Redis: distinct leases, no duplicates,
// increasing within a generator, and a clock that steps back.
import { describe, expect, it } from "vitest";
import { createOrderNoGenerator } from "./order-no-generator";
import { parseOrderNo } from "./order-no";

describe("order number generators", () => {
  it("lease distinct ids and never issue the same number, even 4,096+ in one millisecond", async () => {
    const frozen = Date.UTC(2026, 10, 21, 9, 0, 0);
    let clock = frozen;
    const now = () => clock;
    const generators = await Promise.all([createOrderNoGenerator(now), createOrderNoGenerator(now), createOrderNoGenerator(now)]);
    try {
      expect(new Set(generators.map((g) => g.workerId)).size).toBe(3);
      const seen = new Set<string>();
      // 5,000 ids per generator while the clock stands still for a while, then moves on.
      const issue = async (g: (typeof generators)[number]) => {
        const mine: string[] = [];
        for (let i = 0; i < 5_000; i++) {
          if (i === 4_500) clock = frozen + 5;
          mine.push(await g.next());
        }
        return mine;
      };
      const ticker = setInterval(() => (clock += 1), 2);
      const all = await Promise.all(generators.map(issue));
      clearInterval(ticker);
      for (const list of all) {
        const numbers = list.map((n) => BigInt(n));
        for (let i = 1; i < numbers.length; i++) expect(numbers[i]! > numbers[i - 1]!).toBe(true);
        for (const n of list) seen.add(n);
      }
      expect(seen.size).toBe(15_000);
    } finally {
      await Promise.all(generators.map((g) => g.release()));
    }
  });

  it("keeps increasing when the clock steps back", async () => {
    let clock = Date.UTC(2026, 10, 21, 9, 0, 0);
    const g = await createOrderNoGenerator(() => clock);
    try {
      const a = await g.next();
      clock -= 1_000;
      const b = await g.next();
      const c = await g.next();
      expect(BigInt(b) > BigInt(a)).toBe(true);
      expect(BigInt(c) > BigInt(b)).toBe(true);
      expect(parseOrderNo(b)?.timeMs).toBe(parseOrderNo(a)?.timeMs);
    } finally {
      await g.release();
    }
  });
});
