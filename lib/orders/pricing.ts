// Prices a cart on the server: each course as it is now (published or not, list or member price), whether the
// learner owns it already or has it in an unpaid order, and the coupon. The browser's cart holds course ids
// only; what it shows as prices comes from here, and checkout prices everything again inside its transaction.
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { categories, coupons, courses, orderItems, orders, teachers } from "@/db/schema";
import type { Executor } from "@/db/tx";
import { clockNow } from "@/lib/clock";
import { enrolledCourseIds } from "@/lib/enrolments/access";
import { isMember } from "@/lib/memberships/status";


export type LineStatus = "ok" | "not_found" | "unavailable" | "owned" | "pending";

export interface QuoteLine {
  courseId: number;
  status: LineStatus;
  slug: string | null;
  title: string | null;
  coverUrl: string | null;
  /** The teacher's name, for the cart line. */
  teacherName: string | null;
  /** The course's top-level category: it picks the generated cover's colours (components/course/cover.ts). */
  categoryRootId: number | null;
  listPriceFen: number;
  /** What the course costs this learner now (the member price for members). */
  priceFen: number;
  /** Whether `priceFen` is the member price. */
  memberPrice: boolean;
  /** What members pay, when that is less than the list price (shown to everyone, members or not); else null. */
  memberPriceFen: number | null;
  /** For `pending`: the unpaid order that already holds the course. */
  pendingOrderNo?: string;
}

export type CouponError = "not_found" | "disabled" | "not_started" | "expired" | "used_up" | "not_applicable";

export type CouponResult = { code: string; ok: true; couponId: number; discountFen: number } | { code: string; ok: false; error: CouponError };

export interface Quote {
  lines: QuoteLine[];
  member: boolean;
  /** Sum of the `ok` lines. */
  subtotalFen: number;
  discountFen: number;
  totalFen: number;
  coupon: CouponResult | null;
}

export const normaliseCouponCode = (code: string) => code.trim().toUpperCase();

export type CouponTerms = { kind: "fixed" | "percent"; value: number; courseId: number | null; appliesToPlans?: boolean; maxUses: number | null; usedCount: number; startsAt: Date; endsAt: Date; disabled: boolean };
export type CouponOutcome = { ok: true; discountFen: number } | { ok: false; error: CouponError };

/** The discount a coupon gives on `baseFen` (what it may apply to), or why it gives none. */
export function couponDiscountOn(coupon: CouponTerms, baseFen: number, now: Date): CouponOutcome {
  if (coupon.disabled) return { ok: false, error: "disabled" };
  if (now < coupon.startsAt) return { ok: false, error: "not_started" };
  if (now >= coupon.endsAt) return { ok: false, error: "expired" };
  if (coupon.maxUses !== null && coupon.usedCount >= coupon.maxUses) return { ok: false, error: "used_up" };
  if (baseFen === 0) return { ok: false, error: "not_applicable" };
  const discountFen = coupon.kind === "fixed" ? Math.min(coupon.value, baseFen) : Math.floor((baseFen * Math.min(coupon.value, 100)) / 100);
  return { ok: true, discountFen };
}

/** The discount a coupon gives on a cart's `ok` lines, or why it gives none. */
export function couponDiscount(coupon: CouponTerms, lines: Pick<QuoteLine, "courseId" | "status" | "priceFen">[], now: Date): CouponOutcome {
  const base = lines.filter((l) => l.status === "ok" && (coupon.courseId === null || l.courseId === coupon.courseId)).reduce((sum, l) => sum + l.priceFen, 0);
  return couponDiscountOn(coupon, base, now);
}

/**
 * Prices the given courses for a learner (or a visitor: then nothing is `owned` and no member price applies).
 * Ids keep their order; duplicates are dropped.
 */
export async function quoteCart(executor: Executor, input: { userId: number | null; courseIds: number[]; couponCode?: string | null; now?: Date }): Promise<Quote> {
  const now = input.now ?? (await clockNow(input.userId));
  const ids = [...new Set(input.courseIds)];
  const { userId } = input;
  const [rows, owned, pending, member] = await Promise.all([
    ids.length
      ? executor
          .select({
            id: courses.id,
            slug: courses.slug,
            title: courses.title,
            coverUrl: courses.coverUrl,
            status: courses.status,
            priceFen: courses.priceFen,
            memberPriceFen: courses.memberPriceFen,
            teacherName: teachers.name,
            categoryId: categories.id,
            categoryParentId: categories.parentId,
          })
          .from(courses)
          .innerJoin(teachers, eq(teachers.id, courses.teacherId))
          .innerJoin(categories, eq(categories.id, courses.categoryId))
          .where(inArray(courses.id, ids))
      : Promise.resolve([]),
    userId && ids.length
      ? enrolledCourseIds(executor, userId, ids)
      : Promise.resolve([]),
    userId && ids.length
      ? executor
          .select({ courseId: orderItems.courseId, orderNo: orders.orderNo })
          .from(orderItems)
          .innerJoin(orders, eq(orders.id, orderItems.orderId))
          .where(and(eq(orders.userId, userId), eq(orders.status, "pending"), inArray(orderItems.courseId, ids)))
      : Promise.resolve([]),
    userId ? isMember(executor, userId, now) : Promise.resolve(false),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ownedIds = new Set(owned);
  const pendingBy = new Map(pending.map((p) => [p.courseId, p.orderNo]));
  const lines: QuoteLine[] = ids.map((courseId) => {
    const row = byId.get(courseId);
    if (!row) return { courseId, status: "not_found", slug: null, title: null, coverUrl: null, teacherName: null, categoryRootId: null, listPriceFen: 0, priceFen: 0, memberPrice: false, memberPriceFen: null };
    const memberPriceFen = row.memberPriceFen !== null && row.memberPriceFen < row.priceFen ? row.memberPriceFen : null;
    const memberPrice = member && memberPriceFen !== null;
    const priceFen = memberPrice ? memberPriceFen : row.priceFen;
    const status: LineStatus = row.status !== "published" ? "unavailable" : ownedIds.has(courseId) ? "owned" : pendingBy.has(courseId) ? "pending" : "ok";
    return {
      courseId,
      status,
      slug: row.slug,
      title: row.title,
      coverUrl: row.coverUrl,
      teacherName: row.teacherName,
      categoryRootId: row.categoryParentId ?? row.categoryId,
      listPriceFen: row.priceFen,
      priceFen,
      memberPrice,
      memberPriceFen,
      ...(status === "pending" ? { pendingOrderNo: pendingBy.get(courseId) } : {}),
    };
  });
  const subtotalFen = lines.filter((l) => l.status === "ok").reduce((sum, l) => sum + l.priceFen, 0);
  let coupon: CouponResult | null = null;
  const code = input.couponCode ? normaliseCouponCode(input.couponCode) : "";
  if (code) {
    const [row] = await executor.select().from(coupons).where(eq(coupons.code, code)).limit(1);
    if (!row) coupon = { code, ok: false, error: "not_found" };
    else {
      const result = couponDiscount(row, lines, now);
      coupon = result.ok ? { code, ok: true, couponId: row.id, discountFen: result.discountFen } : { code, ok: false, error: result.error };
    }
  }
  const discountFen = coupon?.ok ? coupon.discountFen : 0;
  return { lines, member, subtotalFen, discountFen, totalFen: subtotalFen - discountFen, coupon };
}
