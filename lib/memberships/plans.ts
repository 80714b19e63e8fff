// The membership plans: one per period (monthly, quarterly, yearly), what each costs and what it gives, read
// by the membership page and the checkout, and edited by marketing admins (each save in one transaction with
// its audit row). A plan is never deleted: orders and terms point at it; an inactive plan is simply not sold.
import "server-only";
import { asc, count, eq, gt, and } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { courses, membershipPlans, memberships } from "@/db/schema";
import type { Executor } from "@/db/tx";
import type { AdminContext } from "@/lib/rbac/guard";
import { PERIOD_DAYS, type MembershipPeriod } from "./rules";

export interface Plan {
  id: number;
  period: MembershipPeriod;
  nameZh: string;
  nameEn: string;
  priceFen: number;
  monthlyPoints: number;
  active: boolean;
  /** How long a term of this plan lasts. */
  days: number;
}

const PERIOD_ORDER: Record<MembershipPeriod, number> = { monthly: 0, quarterly: 1, yearly: 2 };

const toPlan = (row: typeof membershipPlans.$inferSelect): Plan => ({
  id: row.id,
  period: row.period,
  nameZh: row.nameZh,
  nameEn: row.nameEn,
  priceFen: row.priceFen,
  monthlyPoints: row.monthlyPoints,
  active: row.active,
  days: PERIOD_DAYS[row.period],
});

/** Every plan (`activeOnly`: the ones on sale), monthly first. */
export async function listPlans(opts: { activeOnly?: boolean } = {}): Promise<Plan[]> {
  const rows = await db()
    .select()
    .from(membershipPlans)
    .where(opts.activeOnly ? eq(membershipPlans.active, true) : undefined)
    .orderBy(asc(membershipPlans.id));
  return rows.map(toPlan).sort((a, b) => PERIOD_ORDER[a.period] - PERIOD_ORDER[b.period]);
}

export async function getPlan(executor: Executor, id: number): Promise<Plan | null> {
  const [row] = await executor.select().from(membershipPlans).where(eq(membershipPlans.id, id)).limit(1);
  return row ? toPlan(row) : null;
}

/** What membership gives besides prices: the published courses it opens, newest first. */
export async function includedCourses(limit = 24) {
  return db()
    .select({ id: courses.id, slug: courses.slug, title: courses.title, priceFen: courses.priceFen })
    .from(courses)
    .where(and(eq(courses.includedInMembership, true), eq(courses.status, "published")))
    .orderBy(asc(courses.id))
    .limit(limit);
}

export async function activeMemberCount(now: Date): Promise<number> {
  const [row] = await db().select({ n: count() }).from(memberships).where(gt(memberships.expiresAt, now));
  return row?.n ?? 0;
}

export const planInput = z.object({
  nameZh: z.string().trim().min(1, "name_required").max(64, "name_too_long"),
  nameEn: z.string().trim().min(1, "name_required").max(64, "name_too_long"),
  /** Yuan with up to two decimals, as typed; stored in fen. */
  price: z
    .string()
    .trim()
    .regex(/^\d{1,6}(\.\d{1,2})?$/, "price_invalid")
    .transform((v) => Math.round(Number(v) * 100))
    .refine((fen) => fen >= 100, "price_too_low"),
  monthlyPoints: z.coerce.number({ error: "points_invalid" }).int("points_invalid").min(0, "points_invalid").max(100_000, "points_invalid"),
  active: z.enum(["on", "off"]).transform((v) => v === "on"),
});
export type PlanInput = z.output<typeof planInput>;

/** Saves a plan's editable fields; false when there is no such plan. */
export async function savePlan(admin: Pick<AdminContext, "audit">, id: number, input: PlanInput): Promise<boolean> {
  return db().transaction(async (tx) => {
    const [before] = await tx.select().from(membershipPlans).where(eq(membershipPlans.id, id)).for("update");
    if (!before) return false;
    const after = { nameZh: input.nameZh, nameEn: input.nameEn, priceFen: input.price, monthlyPoints: input.monthlyPoints, active: input.active };
    await tx.update(membershipPlans).set(after).where(eq(membershipPlans.id, id));
    await admin.audit(tx, {
      targetType: "membership_plan",
      targetId: String(id),
      summary: `Membership plan ${before.period}: ${before.priceFen} → ${after.priceFen} fen, ${after.active ? "on sale" : "off sale"}`,
      before: { nameZh: before.nameZh, nameEn: before.nameEn, priceFen: before.priceFen, monthlyPoints: before.monthlyPoints, active: before.active },
      after,
    });
    return true;
  });
}
