// Which flash sales the home page's band shows, from the cached list (flash-sales-data.ts). Pure.

export interface HomeSale {
  id: number;
  courseTitle: string;
  priceFen: number;
  listPriceFen: number;
  /** Milliseconds since the epoch (the cache stores JSON). */
  startsAt: number;
  endsAt: number;
  seatsLeft: number;
}

export const SHOWN = 3;

export type HomeSalePhase = "live" | "upcoming";

/** Live sales with seats (soonest to end first), then coming ones (soonest to start first), at most SHOWN. */
export function pickHomeSales(sales: readonly HomeSale[], now: number): Array<HomeSale & { phase: HomeSalePhase }> {
  const live = sales.filter((s) => s.startsAt <= now && now < s.endsAt && s.seatsLeft > 0).sort((a, b) => a.endsAt - b.endsAt || a.id - b.id);
  const coming = sales.filter((s) => now < s.startsAt).sort((a, b) => a.startsAt - b.startsAt || a.id - b.id);
  return [...live.map((s) => ({ ...s, phase: "live" as const })), ...coming.map((s) => ({ ...s, phase: "upcoming" as const }))].slice(0, SHOWN);
}
