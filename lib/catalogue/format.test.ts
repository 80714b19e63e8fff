import { describe, expect, it } from "vitest";
import { averageRating, formatDuration, formatFen, formatRating } from "./format";

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

describe("formatDuration", () => {
  it("writes hours and minutes in Chinese", () => {
    expect(formatDuration(85 * 60, "zh-CN")).toBe("1 小时 25 分钟");
    expect(formatDuration(25 * 60, "zh-CN")).toBe("25 分钟");
    expect(formatDuration(2 * 3600, "zh-CN")).toBe("2 小时");
    expect(formatDuration(12 * 3600 + 5 * 60, "zh-CN")).toBe("12 小时 5 分钟");
  });

  it("writes short units in English, and whole words for screen readers", () => {
    expect(formatDuration(85 * 60, "en")).toBe("1 h 25 min");
    expect(formatDuration(25 * 60, "en")).toBe("25 min");
    expect(formatDuration(2 * 3600, "en")).toBe("2 h");
    expect(formatDuration(85 * 60, "en", "long")).toBe("1 hour 25 minutes");
    expect(formatDuration(121 * 60, "en", "long")).toBe("2 hours 1 minute");
    expect(formatDuration(60, "en", "long")).toBe("1 minute");
  });

  it("rounds seconds to the minute, and never shows a lesson with a length as zero", () => {
    expect(formatDuration(85 * 60 + 29, "en")).toBe("1 h 25 min");
    expect(formatDuration(85 * 60 + 30, "en")).toBe("1 h 26 min");
    expect(formatDuration(59 * 60 + 45, "zh-CN")).toBe("1 小时");
    expect(formatDuration(40, "zh-CN")).toBe("1 分钟");
    expect(formatDuration(0, "en")).toBe("0 min");
    expect(formatDuration(-5, "zh-CN")).toBe("0 分钟");
    expect(formatDuration(Number.NaN, "en")).toBe("0 min");
  });
});
