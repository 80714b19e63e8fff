// Coupons for the marketing admin: the paged list, one coupon, and the writes behind the editor. Each write
// runs in a transaction with its audit row; the code's uniqueness is the database's unique index (a race
// between two editors ends in one `code_taken`), and a limit below the uses already counted is refused
// under the coupon's row lock, so a checkout counting a use at the same moment cannot slip past it.
import "server-only";
import { count, desc, eq, like } from "drizzle-orm";
import { db } from "@/db";
import { coupons, courses } from "@/db/schema";
import type { AdminContext } from "@/lib/rbac/guard";
import type { CouponFieldErrors, CouponInput } from "./admin-coupon-rules";

export type CouponRow = typeof coupons.$inferSelect & { courseTitle: string | null };

export async function listCoupons(opts: { q?: string; page: number; perPage: number }): Promise<{ rows: CouponRow[]; total: number }> {
  const where = opts.q ? like(coupons.code, `%${opts.q.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined;
  const [rows, [total]] = await Promise.all([
    db()
      .select({ coupon: coupons, courseTitle: courses.title })
      .from(coupons)
      .leftJoin(courses, eq(courses.id, coupons.courseId))
      .where(where)
      .orderBy(desc(coupons.createdAt), desc(coupons.id))
      .limit(opts.perPage)
      .offset((opts.page - 1) * opts.perPage),
    db().select({ n: count() }).from(coupons).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.coupon, courseTitle: r.courseTitle })), total: total?.n ?? 0 };
}

export async function getCoupon(id: number): Promise<CouponRow | null> {
  const [row] = await db().select({ coupon: coupons, courseTitle: courses.title }).from(coupons).leftJoin(courses, eq(courses.id, coupons.courseId)).where(eq(coupons.id, id)).limit(1);
  return row ? { ...row.coupon, courseTitle: row.courseTitle } : null;
}

export type CouponWriteResult = { ok: true; id: number } | { ok: false; fieldErrors: CouponFieldErrors } | { ok: false; error: "not_found" };

type Writer = Pick<AdminContext, "audit">;

const isDuplicate = (error: unknown): boolean => {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) if ((e as { code?: string }).code === "ER_DUP_ENTRY") return true;
  return false;
};

const snapshot = (c: Pick<CouponInput, "code" | "kind" | "value" | "courseId" | "appliesToPlans" | "maxUses" | "startsAt" | "endsAt" | "disabled">) => ({
  appliesToPlans: c.appliesToPlans,
  code: c.code,
  kind: c.kind,
  value: c.value,
  courseId: c.courseId,
  maxUses: c.maxUses,
  startsAt: c.startsAt.toISOString(),
  endsAt: c.endsAt.toISOString(),
  disabled: c.disabled,
});

/**
 * Creates (no `id`) or replaces a coupon's settings. The used count is never written here, and an edit keeps
 * the disabled flag as it is (that is setCouponDisabled's, so a stale form cannot re-enable a coupon).
 */
export async function saveCoupon(admin: Writer, input: CouponInput, id?: number): Promise<CouponWriteResult> {
  try {
    return await db().transaction(async (tx): Promise<CouponWriteResult> => {
      if (input.courseId !== null) {
        const [course] = await tx.select({ id: courses.id }).from(courses).where(eq(courses.id, input.courseId)).limit(1);
        if (!course) return { ok: false, fieldErrors: { courseId: "course_not_found" } };
      }
      const [taken] = await tx.select({ id: coupons.id }).from(coupons).where(eq(coupons.code, input.code)).limit(1);
      if (taken && taken.id !== id) return { ok: false, fieldErrors: { code: "code_taken" } };
      const values = { code: input.code, kind: input.kind, value: input.value, courseId: input.courseId, appliesToPlans: input.appliesToPlans, maxUses: input.maxUses, startsAt: input.startsAt, endsAt: input.endsAt, disabled: input.disabled };
      if (id === undefined) {
        const [row] = await tx.insert(coupons).values(values).$returningId();
        const newId = Number(row!.id);
        await admin.audit(tx, { targetType: "coupon", targetId: newId, summary: `Created coupon ${input.code}`, before: null, after: snapshot(input) });
        return { ok: true, id: newId };
      }
      const [current] = await tx.select().from(coupons).where(eq(coupons.id, id)).for("update");
      if (!current) return { ok: false, error: "not_found" };
      if (input.maxUses !== null && input.maxUses < current.usedCount) return { ok: false, fieldErrors: { maxUses: "max_below_used" } };
      await tx
        .update(coupons)
        .set({ ...values, disabled: current.disabled })
        .where(eq(coupons.id, id));
      await admin.audit(tx, { targetType: "coupon", targetId: id, summary: `Edited coupon ${input.code}${current.code !== input.code ? ` (was ${current.code})` : ""}`, before: snapshot(current), after: snapshot({ ...input, disabled: current.disabled }) });
      return { ok: true, id };
    });
  } catch (error) {
    if (isDuplicate(error)) return { ok: false, fieldErrors: { code: "code_taken" } };
    throw error;
  }
}

/** Disables or re-enables a coupon; answers whether anything changed. */
export async function setCouponDisabled(admin: Writer, id: number, disabled: boolean): Promise<{ ok: true; changed: boolean } | { ok: false; error: "not_found" }> {
  return db().transaction(async (tx) => {
    const [current] = await tx.select({ code: coupons.code, disabled: coupons.disabled }).from(coupons).where(eq(coupons.id, id)).for("update");
    if (!current) return { ok: false, error: "not_found" } as const;
    if (current.disabled === disabled) return { ok: true, changed: false } as const;
    await tx.update(coupons).set({ disabled }).where(eq(coupons.id, id));
    await admin.audit(tx, { targetType: "coupon", targetId: id, summary: `${disabled ? "Disabled" : "Enabled"} coupon ${current.code}`, before: { disabled: current.disabled }, after: { disabled } });
    return { ok: true, changed: true } as const;
  });
}
