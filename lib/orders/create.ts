// Writes a new order and its items inside the caller's transaction. The checkout (checkout.ts) and the
// flash-sale worker (lib/seckill) both create orders through this, so every order has the same shape: a
// snowflake order number, item snapshots of title and price, the coupon's discount spread over the items.
import "server-only";
import { eq } from "drizzle-orm";
import { couponRedemptions, orderItems, orders, orderSources, users } from "@/db/schema";
import type { Tx } from "@/db/tx";
import { env } from "@/lib/config/env";
import { ApiError } from "@/lib/http/api";
import { nextOrderNo } from "./order-no-generator";
import { splitDiscount } from "./split";

interface ItemPrice {
  title: string;
  /** The product's list price now. */
  listPriceFen: number;
  /** What the item costs in this order (member or sale price), before the coupon. */
  priceFen: number;
}

/** A course, or a membership plan's term of `termDays`. */
export type NewOrderItem = ItemPrice & ({ kind: "course"; courseId: number } | { kind: "membership"; planId: number; termDays: number });

export interface NewOrder {
  userId: number;
  source: (typeof orderSources)[number];
  items: NewOrderItem[];
  couponId?: number | null;
  discountFen?: number;
  /** The order closes unpaid after this. */
  payBefore: Date;
  now?: Date;
  /** A number issued beforehand (the flash-sale admission gives the learner one at once); default: a new one. */
  orderNo?: string;
}

export interface CreatedOrder {
  id: number;
  orderNo: string;
  subtotalFen: number;
  discountFen: number;
  totalFen: number;
  payBefore: Date;
  status: "pending" | "paid";
}

/**
 * Inserts the order (pending; or paid at once when it costs nothing, the caller then enrols) and its items.
 * Amounts are computed here from the items, never taken from a client.
 */
export async function insertOrder(tx: Tx, order: NewOrder): Promise<CreatedOrder> {
  if (order.items.length === 0) throw new Error("an order needs at least one item");
  const now = order.now ?? new Date();
  const subtotalFen = order.items.reduce((sum, item) => sum + item.priceFen, 0);
  const discountFen = Math.min(Math.max(0, order.discountFen ?? 0), subtotalFen);
  const totalFen = subtotalFen - discountFen;
  const paid = splitDiscount(
    order.items.map((item) => item.priceFen),
    discountFen,
  );
  const orderNo = order.orderNo ?? (await nextOrderNo());
  const status = totalFen === 0 ? "paid" : "pending";
  const [inserted] = await tx
    .insert(orders)
    .values({
      orderNo,
      userId: order.userId,
      status,
      source: order.source,
      subtotalFen,
      discountFen,
      totalFen,
      couponId: order.couponId ?? null,
      payBefore: order.payBefore,
      paidAt: status === "paid" ? now : null,
      createdAt: now,
      updatedAt: now,
    })
    .$returningId();
  const id = inserted!.id;
  await tx.insert(orderItems).values(
    order.items.map((item, i) => ({
      orderId: id,
      kind: item.kind,
      courseId: item.kind === "course" ? item.courseId : null,
      planId: item.kind === "membership" ? item.planId : null,
      termDays: item.kind === "membership" ? item.termDays : null,
      titleSnapshot: item.title.slice(0, 191),
      listPriceFen: item.listPriceFen,
      priceFen: item.priceFen,
      paidFen: paid[i]!,
      createdAt: now,
    })),
  );
  return { id, orderNo, subtotalFen, discountFen, totalFen, payBefore: order.payBefore, status };
}

// What every checkout (courses: checkout.ts; a membership plan: plan-checkout.ts) does around insertOrder.

/** No order is placed without the learner's agreement to the Terms of Service and the Privacy Policy. */
export function requireConsent(acceptedTerms: unknown): void {
  if (acceptedTerms !== true)
    throw new ApiError(422, "VALIDATION_FAILED", "Some fields are invalid.", { accept_terms: ["You must agree to the Terms of Service and the Privacy Policy to place an order."] });
}

/** Locks the buyer's row for the transaction (one checkout per learner at a time); 401 for a disabled account. */
export async function lockBuyer(tx: Tx, userId: number): Promise<void> {
  const [user] = await tx.select({ id: users.id, disabled: users.disabled }).from(users).where(eq(users.id, userId)).for("update");
  if (!user || user.disabled) throw new ApiError(401, "UNAUTHORIZED", "This account is no longer active.");
}

/** When an order placed at `now` closes unpaid. */
export const payBeforeFor = (now: Date) => new Date(now.getTime() + env().ORDER_PAY_MINUTES * 60_000);

/** Records who redeemed a coupon on an order (its use was taken with takeCouponUse). */
export async function recordRedemption(tx: Tx, redemption: { couponId: number; orderId: number; userId: number; now: Date }): Promise<void> {
  await tx.insert(couponRedemptions).values({ couponId: redemption.couponId, orderId: redemption.orderId, userId: redemption.userId, createdAt: redemption.now });
}
