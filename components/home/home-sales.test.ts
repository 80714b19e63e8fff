import { describe, expect, it } from "vitest";
import { pickHomeSales, type HomeSale } from "./home-sales";

const now = Date.UTC(2026, 11, 5, 12);
const hour = 3_600_000;
const sale = (id: number, startsIn: number, endsIn: number, seatsLeft = 10): HomeSale => ({
  id,
  courseTitle: `Course ${id}`,
  priceFen: 9_900,
  listPriceFen: 19_900,
  startsAt: now + startsIn * hour,
  endsAt: now + endsIn * hour,
  seatsLeft,
});

describe("pickHomeSales", () => {
  it("shows live sales first, soonest to end first, then coming ones, soonest to start first, three at most", () => {
    const picked = pickHomeSales([sale(1, 5, 6), sale(2, -1, 48), sale(3, 1, 2), sale(4, -2, 3), sale(5, 9, 10)], now);
    expect(picked.map((s) => [s.id, s.phase])).toEqual([
      [4, "live"],
      [2, "live"],
      [3, "upcoming"],
    ]);
  });

  it("leaves out sales that have ended or sold out since the list was read", () => {
    expect(pickHomeSales([sale(1, -3, -1), sale(2, -1, 1, 0)], now)).toEqual([]);
  });

  it("starts a sale exactly at its start and ends it exactly at its end", () => {
    expect(pickHomeSales([sale(1, 0, 1)], now).map((s) => s.phase)).toEqual(["live"]);
    expect(pickHomeSales([sale(1, -1, 0)], now)).toEqual([]);
  });
});
