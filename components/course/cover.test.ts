import { describe, expect, it } from "vitest";
import { coverBackground, hash } from "./cover";

describe("coverBackground", () => {
  it("is deterministic", () => {
    expect(coverBackground(42, 3)).toBe(coverBackground(42, 3));
    expect(hash("abc")).toBe(hash("abc"));
  });

  it("is a linear gradient between two hsl colours", () => {
    expect(coverBackground(1, 1)).toMatch(/^linear-gradient\(\d+deg, hsl\(-?\d+ \d+% \d+%\), hsl\(-?\d+ \d+% \d+%\)\)$/);
  });

  it("varies between courses of one category", () => {
    const covers = new Set(Array.from({ length: 20 }, (_, id) => coverBackground(id + 1, 7)));
    expect(covers.size).toBeGreaterThan(10);
  });

  it("gives categories different palettes", () => {
    const firstHue = (css: string) => Number(/hsl\((-?\d+)/.exec(css)?.[1]);
    const hues = new Set(Array.from({ length: 12 }, (_, category) => Math.round(firstHue(coverBackground(1, category)) / 30)));
    expect(hues.size).toBeGreaterThan(3);
  });
});
