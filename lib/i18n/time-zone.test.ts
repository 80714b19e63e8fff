import { describe, expect, it } from "vitest";
import { fromZonedInput, resolveTimeZone, toZonedInput, validTimeZone } from "./time-zone";

describe("validTimeZone", () => {
  it("accepts IANA names (canonicalised) and refuses anything else", () => {
    expect(validTimeZone("Asia/Shanghai")).toBe("Asia/Shanghai");
    expect(validTimeZone("asia/shanghai")).toBe("Asia/Shanghai");
    expect(validTimeZone("UTC")).toBe("UTC");
    expect(validTimeZone("Etc/GMT+5")).toBe("Etc/GMT+5");
    for (const bad of ["Foo/Bar", "", "+08:00", "Asia/Shanghai; path=/", "../etc", "x".repeat(80), 42, null, undefined]) expect(validTimeZone(bad), String(bad)).toBeNull();
  });

  it("falls back to China time", () => {
    expect(resolveTimeZone(undefined)).toBe("Asia/Shanghai");
    expect(resolveTimeZone("Mars/Olympus")).toBe("Asia/Shanghai");
    expect(resolveTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
  });
});

describe("datetime-local values in a zone", () => {
  it("reads a wall-clock time in the given zone, not the server's", () => {
    expect(fromZonedInput("2026-11-21T21:55", "Asia/Shanghai")?.toISOString()).toBe("2026-11-21T13:55:00.000Z");
    expect(fromZonedInput("2026-11-21T13:55", "UTC")?.toISOString()).toBe("2026-11-21T13:55:00.000Z");
    expect(fromZonedInput("2026-07-01T09:00", "America/New_York")?.toISOString()).toBe("2026-07-01T13:00:00.000Z");
    expect(fromZonedInput("2026-12-01T09:00", "America/New_York")?.toISOString()).toBe("2026-12-01T14:00:00.000Z");
  });

  it("writes an instant back as the same wall-clock time", () => {
    const at = new Date("2026-11-21T13:55:00Z");
    for (const zone of ["Asia/Shanghai", "UTC", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"]) expect(fromZonedInput(toZonedInput(at, zone), zone)?.toISOString(), zone).toBe(at.toISOString());
    expect(toZonedInput(at, "Asia/Shanghai")).toBe("2026-11-21T21:55");
  });

  it("takes the earlier of a repeated hour and moves a skipped one past the change", () => {
    // New York falls back at 2026-11-01 02:00 EDT: 01:30 happens twice.
    expect(fromZonedInput("2026-11-01T01:30", "America/New_York")?.toISOString()).toBe("2026-11-01T05:30:00.000Z");
    // Berlin falls back at 2026-10-25 03:00 CEST: 02:30 happens twice.
    expect(fromZonedInput("2026-10-25T02:30", "Europe/Berlin")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    // New York springs forward at 2026-03-08 02:00: 02:30 does not exist; it reads as 03:30 EDT.
    expect(fromZonedInput("2026-03-08T02:30", "America/New_York")?.toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("refuses values that are not a real date and time", () => {
    for (const bad of ["2026-02-30T10:00", "2026-11-21T24:00", "2026-11-21 10:00", "2026-11-21", "tomorrow", ""]) expect(fromZonedInput(bad, "UTC"), bad).toBeNull();
  });
});
