// The benchmark's baseline: admission with MySQL row locking alone, the way a flash sale is often built first.
// Each attempt locks the sale row (SELECT … FOR UPDATE), checks the window, the seats and the learner, and
// writes the order and the seat in the same transaction; every rejected attempt costs a transaction too.
// Only the benchmark's route uses it (app/api/v1/seckill/bench/baseline), which answers 404 in production.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { courses, seckillSales, seckillSeats } from "@/db/schema";
import { insertOrder } from "@/lib/orders/create";
import { nextOrderNo } from "@/lib/orders/order-no-generator";
import type { AdmitOutcome } from "./admission";
import { seckillConfig } from "./config";

export async function admitWithRowLock(saleId: number, userId: number): Promise<AdmitOutcome> {
  const orderNo = await nextOrderNo();
  return db().transaction(async (tx): Promise<AdmitOutcome> => {
    const [sale] = await tx
      .select({ seatsLeft: seckillSales.seatsLeft, startsAt: seckillSales.startsAt, endsAt: seckillSales.endsAt, status: seckillSales.status, courseId: seckillSales.courseId, priceFen: seckillSales.priceFen })
      .from(seckillSales)
      .where(eq(seckillSales.id, saleId))
      .for("update");
    if (!sale) return { ok: false, code: "NOT_FOUND" };
    const now = new Date();
    if (sale.status !== "active" || now >= sale.endsAt) return { ok: false, code: "ENDED" };
    if (now < sale.startsAt) return { ok: false, code: "NOT_STARTED", startsAt: sale.startsAt };
    if (sale.seatsLeft <= 0) return { ok: false, code: "SOLD_OUT" };
    const [mine] = await tx
      .select({ id: seckillSeats.id })
      .from(seckillSeats)
      .where(and(eq(seckillSeats.saleId, saleId), eq(seckillSeats.holderId, userId)))
      .limit(1);
    if (mine) return { ok: false, code: "ALREADY_PURCHASED" };
    const [course] = await tx.select({ title: courses.title, priceFen: courses.priceFen }).from(courses).where(eq(courses.id, sale.courseId));
    await tx
      .update(seckillSales)
      .set({ seatsLeft: sql`${seckillSales.seatsLeft} - 1` })
      .where(eq(seckillSales.id, saleId));
    const payBefore = new Date(now.getTime() + seckillConfig().SECKILL_PAY_WINDOW_SECONDS * 1000);
    const order = await insertOrder(tx, { userId, source: "seckill", items: [{ kind: "course", courseId: sale.courseId, title: course!.title, listPriceFen: course!.priceFen, priceFen: sale.priceFen }], payBefore, orderNo, now });
    await tx.insert(seckillSeats).values({ saleId, userId, holderId: userId, admissionId: orderNo, orderId: order.id, status: "held", payBefore, createdAt: now, updatedAt: now });
    return { ok: true, orderNo, payBefore, seatsLeft: sale.seatsLeft - 1 };
  });
}
