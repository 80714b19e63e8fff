import { describe, expect, it } from "vitest";
import { averageRating, formatFen, formatRating } from "./format";

describe("formatFen", () => {
  it("formats whole yuan without decimals and other amounts with two, in Chinese", () => {
    expect(formatFen(19_900, "zh-CN")).toBe("¥199");
    expect(formatFen(1_990, "zh-CN")).toBe("¥19.90");
    expect(formatFen(1, "zh-CN")).toBe("¥0.01");
    expect(formatFen(12_345_600, "zh-CN")).toBe("¥123,456");
  });

  it("marks the currency as Chinese yuan in English", () => {
    expect(formatFen(19_900, "en")).toBe("CN¥199");
    expect(formatFen(1_990, "en")).toBe("CN¥19.90");
  });
});

describe("averageRating", () => {
  it("rounds to one decimal", () => {
    expect(averageRating(9, 2)).toBe(4.5);
    expect(averageRating(14, 3)).toBe(4.7);
    expect(averageRating(10, 3)).toBe(3.3);
  });

  it("is null without ratings", () => {
    expect(averageRating(0, 0)).toBeNull();
  });
});

describe("formatRating", () => {
  it("always shows one decimal", () => {
    expect(formatRating(4, "zh-CN")).toBe("4.0");
    expect(formatRating(4.5, "en")).toBe("4.5");
  });
});
