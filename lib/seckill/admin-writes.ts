// Creating and editing flash sales (the admin's server actions call these). Seats can never go below those
// taken: in MySQL the held and sold seats, in Redis also the admissions still queued, so a reduction is
// applied to Redis first (where the admission script would otherwise hand out a seat that no longer exists)
// and undone there if MySQL refuses.
import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { courses, seckillSales } from "@/db/schema";
import { logger } from "@/lib/log";
import type { AdminContext } from "@/lib/rbac/guard";
import { redis } from "@/lib/redis";
import { forgetClosed } from "./admission";
import type { SaleFormState, SaleInput } from "./admin-schema";
import { seckillKeys } from "./keys";
import { runScript } from "./redis-scripts";
import { loadSale } from "./sales";
import { RESIZE } from "./scripts";

const log = logger.child({ component: "seckill-admin" });

class Refusal extends Error {
  constructor(readonly state: Exclude<SaleFormState, null | { ok: true }>) {
    super(state.error);
  }
}

const facts = (s: { courseId: number; priceFen: number; seats: number; startsAt: Date; endsAt: Date; status: string }) => ({
  courseId: s.courseId,
  priceFen: s.priceFen,
  seats: s.seats,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  status: s.status,
});

async function reload(saleId: number): Promise<void> {
  forgetClosed(saleId);
  // The scheduled load job does this again within a minute if Redis is unreachable now.
  await loadSale(saleId).catch((error: unknown) => log.error({ err: error, sale: saleId }, "loading a saved flash sale into Redis failed"));
}

export async function createSale(admin: AdminContext, input: SaleInput): Promise<{ ok: true; id: number } | Exclude<SaleFormState, null | { ok: true }>> {
  try {
    const id = await db().transaction(async (tx) => {
      const [course] = await tx.select({ id: courses.id, title: courses.title }).from(courses).where(eq(courses.id, input.courseId)).limit(1);
      if (!course) throw new Refusal({ ok: false, error: "course_not_found" });
      const values = { courseId: input.courseId, priceFen: input.price, seats: input.seats, seatsLeft: input.seats, startsAt: input.startsAt, endsAt: input.endsAt, status: input.status, createdBy: admin.userId };
      const [row] = await tx.insert(seckillSales).values(values).$returningId();
      await admin.audit(tx, { targetType: "seckill_sale", targetId: row!.id, summary: `Created flash sale ${row!.id} of "${course.title}" (${input.seats} seats)`, after: facts({ ...values }) });
      return row!.id;
    });
    await reload(id);
    return { ok: true, id };
  } catch (error) {
    if (error instanceof Refusal) return error.state;
    throw error;
  }
}

export async function updateSale(admin: AdminContext, saleId: number, input: SaleInput): Promise<SaleFormState> {
  let resized = 0;
  try {
    await db().transaction(async (tx) => {
      const [sale] = await tx.select().from(seckillSales).where(eq(seckillSales.id, saleId)).for("update");
      if (!sale) throw new Refusal({ ok: false, error: "not_found" });
      const [course] = await tx.select({ id: courses.id }).from(courses).where(eq(courses.id, input.courseId)).limit(1);
      if (!course) throw new Refusal({ ok: false, error: "course_not_found" });
      const taken = sale.seats - sale.seatsLeft;
      if (input.seats < taken) throw new Refusal({ ok: false, error: "seats_below_taken", taken });
      const delta = input.seats - sale.seats;
      if (delta !== 0) {
        const [code, left] = await runScript<[string, string?]>(RESIZE, [seckillKeys.sale(saleId)], [delta]);
        if (code === "TOO_FEW") throw new Refusal({ ok: false, error: "seats_below_taken", taken: sale.seats - Number(left) });
        if (code === "OK") resized = delta;
      }
      const after = { courseId: input.courseId, priceFen: input.price, seats: input.seats, seatsLeft: sale.seatsLeft + delta, startsAt: input.startsAt, endsAt: input.endsAt, status: input.status };
      await tx.update(seckillSales).set(after).where(eq(seckillSales.id, saleId));
      await admin.audit(tx, { targetType: "seckill_sale", targetId: saleId, summary: `Edited flash sale ${saleId}`, before: facts(sale), after: facts(after) });
    });
  } catch (error) {
    if (resized !== 0) {
      await runScript(RESIZE, [seckillKeys.sale(saleId)], [-resized], redis()).catch((undo: unknown) => log.error({ err: undo, sale: saleId }, "undoing a flash-sale resize in Redis failed; the consistency job will repair it"));
    }
    if (error instanceof Refusal) return error.state;
    throw error;
  }
  await reload(saleId);
  return { ok: true, message: "saved" };
}
