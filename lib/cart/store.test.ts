import { describe, expect, it } from "vitest";
import { readPersistedCart } from "./store";

describe("readPersistedCart", () => {
  const item = { courseId: 7, addedAt: "2025-01-02T03:04:05.000Z" };

  it("keeps well-formed items", () => {
    expect(readPersistedCart({ items: [item] })).toEqual({ items: [item] });
  });

  it("drops malformed items and duplicates instead of failing", () => {
    const stored = { items: [item, { courseId: "7" }, { courseId: -1, addedAt: item.addedAt }, { courseId: 7, addedAt: "2025-02-01T00:00:00.000Z" }, null] };
    expect(readPersistedCart(stored)).toEqual({ items: [item] });
  });

  it("treats anything else as an empty cart", () => {
    for (const stored of [undefined, null, "x", 3, {}, { items: "nope" }]) expect(readPersistedCart(stored)).toEqual({ items: [] });
  });
});
