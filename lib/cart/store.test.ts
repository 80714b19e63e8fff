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

describe("cart versions", () => {
  it("reads a version 1 cart (ids only) as version 2 items without last-seen details", () => {
    const v1 = { items: [{ courseId: 3, addedAt: "2025-01-02T03:04:05.000Z" }] };
    expect(readPersistedCart(v1)).toEqual(v1);
  });

  it("keeps the last-seen title, slug and price, and drops a negative price with its item", () => {
    const good = { courseId: 4, addedAt: "2025-01-02T03:04:05.000Z", title: "机器学习", slug: "ml", seenPriceFen: 19_900 };
    expect(readPersistedCart({ items: [good, { ...good, courseId: 5, seenPriceFen: -1 }] })).toEqual({ items: [good] });
  });
});
