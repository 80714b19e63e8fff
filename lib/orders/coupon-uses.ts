// A coupon's uses: one is taken when an order is placed with it (a conditional UPDATE, so its limit holds
// however many checkouts race) and given back when that order closes unpaid.
import "server-only";
import { and, eq, gt, gte, isNull, lt, lte, or, sql } from "drizzle-orm";
import { couponRedemptions, coupons } from "@/db/schema";
import type { Tx } from "@/db/tx";

/** Counts one use of the coupon if it is still enabled, valid now and under its limit. False when it is not. */
export async function takeCouponUse(tx: Tx, couponId: number, now: Date): Promise<boolean> {
  const [counted] = await tx
    .update(coupons)
    .set({ usedCount: sql`${coupons.usedCount} + 1` })
    .where(
      and(
        eq(coupons.id, couponId),
        eq(coupons.disabled, false),
        lte(coupons.startsAt, now),
        gt(coupons.endsAt, now),
        or(isNull(coupons.maxUses), lt(coupons.usedCount, sql`${coupons.maxUses}`)),
      ),
    );
  return counted.affectedRows === 1;
}

/** Gives a closed order's coupon use back. Call inside the transaction that closed the order. */
export async function releaseCoupon(tx: Tx, orderId: number): Promise<void> {
  const [redemption] = await tx.select({ couponId: couponRedemptions.couponId }).from(couponRedemptions).where(eq(couponRedemptions.orderId, orderId));
  if (!redemption) return;
  await tx.delete(couponRedemptions).where(eq(couponRedemptions.orderId, orderId));
  await tx
    .update(coupons)
    .set({ usedCount: sql`${coupons.usedCount} - 1` })
    .where(and(eq(coupons.id, redemption.couponId), gte(coupons.usedCount, 1)));
}
