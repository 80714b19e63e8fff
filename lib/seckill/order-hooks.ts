// What the orders code tells the flash-sale side when a flash-sale order changes state. Called inside the
// orders code's transaction, with the order row already locked.
import "server-only";
import { and, eq } from "drizzle-orm";
import { seckillSeats } from "@/db/schema";
import type { Tx } from "@/db/tx";

/** The seat behind a paid flash-sale order is sold. False when no held seat belongs to the order. */
export async function markSeatPaid(tx: Tx, orderId: number, paidAt: Date): Promise<boolean> {
  const [result] = await tx
    .update(seckillSeats)
    .set({ status: "paid", paidAt })
    .where(and(eq(seckillSeats.orderId, orderId), eq(seckillSeats.status, "held")));
  return result.affectedRows > 0;
}
