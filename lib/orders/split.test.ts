import { describe, expect, it } from "vitest";
import { splitDiscount } from "./split";

describe("splitDiscount", () => {
  it("gives back the prices when there is no discount", () => {
    expect(splitDiscount([100, 200], 0)).toEqual([100, 200]);
  });

  it("splits in proportion, with shares adding up to the total exactly", () => {
    const paid = splitDiscount([1000, 2000, 3000], 1001);
    expect(paid.reduce((s, p) => s + p, 0)).toBe(6000 - 1001);
    expect(paid).toEqual([833, 1666, 2500]);
  });

  it("never takes more than an item costs, and caps the discount at the subtotal", () => {
    expect(splitDiscount([1, 1, 1], 2)).toEqual([0, 0, 1]);
    expect(splitDiscount([50, 0], 500)).toEqual([0, 0]);
  });
});
