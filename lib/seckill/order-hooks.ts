// How a flash-sale seat follows its order. The orders code calls these (lib/orders/events.ts) inside the
// transaction that changes a flash-sale order, with the order row already locked; the seat is locked next and
// the sale last, the order every writer of seats keeps, so settlement and release never deadlock.
// - paid: the held seat is sold.
// - closed (its pay window passed): the held seat is released (holder cleared, so the learner may try again)
//   and the sale's seats left grows by one; after the commit, the learner leaves the Redis buyers and the
//   seat is free there too. If the process dies in between, the consistency job finishes the Redis side.
// - placed (after the commit that wrote the seat's order): the learner is told they won, and the order's pay
//   reminder is scheduled a few minutes before its pay-before time (lib/orders/pay-reminder.ts).
// A seat released here is released once: only a seat still held is, under its row lock.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { seckillSales, seckillSeats } from "@/db/schema";
import type { Tx } from "@/db/tx";
import { notify } from "@/lib/notifications";
import { schedulePayReminder } from "@/lib/orders/pay-reminder";
import { redis } from "@/lib/redis";
import { seckillKeys } from "./keys";
import { runScript } from "./redis-scripts";
import { RELEASE } from "./scripts";

/** The seat behind a paid flash-sale order is sold. False when no held seat belongs to the order. */
export async function markSeatPaid(tx: Tx, orderId: number, paidAt: Date): Promise<boolean> {
  const [result] = await tx
    .update(seckillSeats)
    .set({ status: "paid", paidAt })
    .where(and(eq(seckillSeats.orderId, orderId), eq(seckillSeats.status, "held")));
  return result.affectedRows > 0;
}

/** What to do after the commit that released seats: give them back in Redis. */
export type SeatFollowUp = () => Promise<void>;

/**
 * Releases a held seat (locked by the caller or not: it is locked here) in MySQL, and returns its Redis half
 * to run after the commit; null when the seat is not held any more.
 */
export async function releaseHeldSeat(tx: Tx, seatId: number, at: Date): Promise<SeatFollowUp | null> {
  const [seat] = await tx
    .select({ id: seckillSeats.id, saleId: seckillSeats.saleId, userId: seckillSeats.userId, status: seckillSeats.status })
    .from(seckillSeats)
    .where(eq(seckillSeats.id, seatId))
    .for("update");
  if (!seat || seat.status !== "held") return null;
  const [freed] = await tx
    .update(seckillSeats)
    .set({ status: "released", holderId: null, releasedAt: at })
    .where(and(eq(seckillSeats.id, seat.id), eq(seckillSeats.status, "held")));
  if (freed.affectedRows !== 1) return null;
  await tx
    .update(seckillSales)
    .set({ seatsLeft: sql`${seckillSales.seatsLeft} + 1` })
    .where(eq(seckillSales.id, seat.saleId));
  return async () => {
    await runScript(RELEASE, [seckillKeys.sale(seat.saleId), seckillKeys.buyers(seat.saleId)], [seat.userId], redis());
  };
}

/** The seats behind a closed flash-sale order go back. */
async function releaseSeatsOfOrder(tx: Tx, orderId: number, at: Date): Promise<SeatFollowUp | null> {
  const seats = await tx.select({ id: seckillSeats.id }).from(seckillSeats).where(eq(seckillSeats.orderId, orderId));
  const followUps: SeatFollowUp[] = [];
  for (const { id } of seats) {
    const followUp = await releaseHeldSeat(tx, id, at);
    if (followUp) followUps.push(followUp);
  }
  if (followUps.length === 0) return null;
  return async () => {
    for (const followUp of followUps) await followUp();
  };
}

/** The flash sale's reactions to its orders' changes (shaped as lib/orders/events.ts asks). */
export const flashSaleOrderReactions = {
  placed: async (order: { orderId: number; userId: number; orderNo: string; totalFen: number; payBefore: Date; status: "pending" | "paid"; at: Date }): Promise<void> => {
    // A free seat's order is paid as it is written: the learner hears "paid" (lib/orders) rather than "pay by".
    if (order.status === "paid") {
      await notify(order.userId, "order.paid", { orderNo: order.orderNo, totalFen: order.totalFen }, { key: `order.paid:${order.orderNo}`, now: order.at });
      return;
    }
    await notify(order.userId, "seckill.won", { orderNo: order.orderNo, totalFen: order.totalFen, payBefore: order.payBefore.toISOString() }, { key: `seckill.won:${order.orderNo}`, now: order.at });
    await schedulePayReminder({ id: order.orderId, payBefore: order.payBefore }, order.at, order.at);
  },
  paid: async (tx: Tx, change: { orderId: number; at: Date }): Promise<void> => {
    await markSeatPaid(tx, change.orderId, change.at);
  },
  closed: (tx: Tx, change: { orderId: number; at: Date }): Promise<SeatFollowUp | null> => releaseSeatsOfOrder(tx, change.orderId, change.at),
};
