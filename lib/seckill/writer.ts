// Writes one admission (a message from the Redis stream) to MySQL: the database is the final guard. In one
// transaction: a conditional decrement of the sale's seats left (WHERE seats_left > 0, checking the affected
// rows), the order (with the number the learner was already given) and the seat, whose unique keys allow one
// live seat per learner and sale and one seat per admission message. A message delivered twice finds its seat
// and writes nothing.
import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { db } from "@/db";
import { courses, seckillSales, seckillSeats } from "@/db/schema";
import { insertOrder } from "@/lib/orders/create";
import { orderPlaced } from "@/lib/orders/events";
import { giveOrderItems } from "@/lib/orders/fulfil";
import { seckillConfig } from "./config";

export interface Admission {
  saleId: number;
  userId: number;
  orderNo: string;
  payBefore: Date;
}

export type WriteResult =
  | { outcome: "written"; orderId: number }
  | { outcome: "duplicate" }
  | { outcome: "rejected"; reason: "SOLD_OUT" | "ALREADY_PURCHASED" | "NOT_FOUND" };

class Refused extends Error {
  constructor(readonly reason: "SOLD_OUT" | "ALREADY_PURCHASED" | "NOT_FOUND") {
    super(reason);
  }
}

function duplicateKeyOf(error: unknown): string | null {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const err = e as { code?: unknown; sqlMessage?: unknown; message?: unknown };
    if (err.code === "ER_DUP_ENTRY") return String(err.sqlMessage ?? err.message ?? "");
  }
  return null;
}

/**
 * An admission written late (the worker was down) still leaves the learner this long to pay, counted from the
 * write, at most the configured window: the order could not be paid before it existed.
 */
const MIN_PAY_AFTER_WRITE_MS = 5 * 60_000;

export async function writeAdmission(admission: Admission, now = new Date()): Promise<WriteResult> {
  const payBefore = new Date(Math.max(admission.payBefore.getTime(), now.getTime() + Math.min(MIN_PAY_AFTER_WRITE_MS, seckillConfig().SECKILL_PAY_WINDOW_SECONDS * 1000)));
  try {
    const result = await db().transaction(async (tx) => {
      const [seen] = await tx.select({ id: seckillSeats.id }).from(seckillSeats).where(eq(seckillSeats.admissionId, admission.orderNo)).limit(1);
      if (seen) return { outcome: "duplicate" } as const;
      const [sale] = await tx
        .select({ courseId: seckillSales.courseId, priceFen: seckillSales.priceFen, title: courses.title, listPriceFen: courses.priceFen })
        .from(seckillSales)
        .innerJoin(courses, eq(courses.id, seckillSales.courseId))
        .where(eq(seckillSales.id, admission.saleId))
        .limit(1);
      if (!sale) throw new Refused("NOT_FOUND");
      const [taken] = await tx
        .update(seckillSales)
        .set({ seatsLeft: sql`${seckillSales.seatsLeft} - 1` })
        .where(and(eq(seckillSales.id, admission.saleId), gt(seckillSales.seatsLeft, 0)));
      if (taken.affectedRows !== 1) throw new Refused("SOLD_OUT");
      const order = await insertOrder(tx, {
        userId: admission.userId,
        source: "seckill",
        items: [{ kind: "course", courseId: sale.courseId, title: sale.title, listPriceFen: sale.listPriceFen, priceFen: sale.priceFen }],
        payBefore,
        orderNo: admission.orderNo,
        now,
      });
      await tx.insert(seckillSeats).values({
        saleId: admission.saleId,
        userId: admission.userId,
        holderId: admission.userId,
        admissionId: admission.orderNo,
        orderId: order.id,
        // A free sale's order is paid at once (insertOrder); its seat is then sold, not held.
        status: order.status === "paid" ? "paid" : "held",
        payBefore,
        paidAt: order.status === "paid" ? now : null,
        createdAt: now,
        updatedAt: now,
      });
      if (order.status === "paid") await giveOrderItems(tx, { id: order.id, userId: admission.userId }, now);
      return { outcome: "written", orderId: order.id, order } as const;
    });
    if (result.outcome !== "written") return result;
    const { order } = result;
    // Committed: the learner hears they won and when to pay by (lib/seckill/order-hooks.ts via lib/orders/events.ts).
    await orderPlaced({ orderId: order.id, userId: admission.userId, source: "seckill", at: now, orderNo: order.orderNo, totalFen: order.totalFen, payBefore, status: order.status });
    return { outcome: "written", orderId: order.id };
  } catch (error) {
    if (error instanceof Refused) return { outcome: "rejected", reason: error.reason };
    const duplicate = duplicateKeyOf(error);
    if (duplicate !== null) {
      // Another consumer wrote this message meanwhile (same admission id / order number): nothing to do.
      if (/seckill_seats_admission_uq|orders_order_no_uq/.test(duplicate)) return { outcome: "duplicate" };
      if (/seckill_seats_sale_holder_uq/.test(duplicate)) return { outcome: "rejected", reason: "ALREADY_PURCHASED" };
    }
    throw error;
  }
}
