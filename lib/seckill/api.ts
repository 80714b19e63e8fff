// Shared pieces of the flash-sale API routes: the sale id in the path, and the public view of a sale.
import "server-only";
import { ApiError } from "@/lib/http/api";
import { liveSeats, type SaleRecord } from "./sales";

export function saleIdFrom(raw: string): number {
  const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw new ApiError(404, "NOT_FOUND", "There is no such flash sale.");
  return id;
}

export type SalePhase = "upcoming" | "live" | "sold_out" | "ended";

export function phaseOf(sale: Pick<SaleRecord, "startsAt" | "endsAt" | "status">, seatsLeft: number, now = new Date()): SalePhase {
  if (sale.status !== "active" || now >= sale.endsAt) return "ended";
  if (now < sale.startsAt) return "upcoming";
  return seatsLeft > 0 ? "live" : "sold_out";
}

/** What GET /api/v1/seckill/{id} answers and the sale page starts from. */
export async function publicSale(sale: SaleRecord, now = new Date()) {
  const { seats, seatsLeft } = await liveSeats(sale);
  return {
    id: sale.id,
    course: { id: sale.courseId, slug: sale.courseSlug, title: sale.courseTitle, coverUrl: sale.coverUrl },
    listPriceFen: sale.listPriceFen,
    priceFen: sale.priceFen,
    seats,
    seatsLeft,
    startsAt: sale.startsAt.toISOString(),
    endsAt: sale.endsAt.toISOString(),
    phase: phaseOf(sale, seatsLeft, now),
    serverTime: now.toISOString(),
  };
}
export type PublicSale = Awaited<ReturnType<typeof publicSale>>;
