// Orders and their items, coupons, payment attempts, every payment notification received, refunds, and the
// membership plans with the memberships they sell. Order numbers are snowflake-style decimal strings (they
// exceed 2^53); each item keeps a snapshot of the title and price it was sold at.
import { sql } from "drizzle-orm";
import { boolean, check, int, json, mediumtext, index, mysqlEnum, mysqlTable, smallint, tinyint, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, fen, id, idRef, timestamp, updatedAt } from "./columns";
import { courses } from "./catalogue";
import { users } from "./identity";

export const orderStatuses = ["pending", "paid", "refunding", "refunded", "closed"] as const;
export const paymentProviders = ["alipay", "wechat", "unionpay"] as const;
/** Where an order came from: the cart's checkout, a won flash-sale seat, or the membership page. */
export const orderSources = ["cart", "seckill", "membership"] as const;
/** What an order item sells. */
export const orderItemKinds = ["course", "membership"] as const;
export const membershipPeriods = ["monthly", "quarterly", "yearly"] as const;

/** What the membership page sells: a period of membership at a price (lib/memberships/plans.ts). */
export const membershipPlans = mysqlTable(
  "membership_plans",
  {
    id: id(),
    period: mysqlEnum("period", membershipPeriods).notNull(),
    nameZh: varchar("name_zh", { length: 64 }).notNull(),
    nameEn: varchar("name_en", { length: 64 }).notNull(),
    priceFen: fen("price_fen").notNull(),
    /** Learning points given at the start of each 30 days of a term bought with this plan. */
    monthlyPoints: int("monthly_points", { unsigned: true }).notNull().default(0),
    /** Inactive plans are not sold; terms already bought run on. */
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("membership_plans_period_uq").on(t.period)],
);

export const orders = mysqlTable(
  "orders",
  {
    id: id(),
    orderNo: varchar("order_no", { length: 32 }).notNull(),
    userId: idRef("user_id")
      .notNull()
      .references(() => users.id),
    status: mysqlEnum("status", orderStatuses).notNull().default("pending"),
    source: mysqlEnum("source", orderSources).notNull().default("cart"),
    /** Sum of the items' prices before the coupon. */
    subtotalFen: fen("subtotal_fen").notNull().default(0),
    discountFen: fen("discount_fen").notNull().default(0),
    /** What the learner pays: subtotal - discount. Every notification's amount is checked against it. */
    totalFen: fen("total_fen").notNull(),
    /** Sum of the refunds that succeeded. */
    refundedFen: fen("refunded_fen").notNull().default(0),
    couponId: idRef("coupon_id"),
    /** The provider of the latest payment started (null until the learner picks one). */
    provider: mysqlEnum("provider", paymentProviders),
    providerTradeNo: varchar("provider_trade_no", { length: 64 }),
    /** An unpaid order is closed after this moment (lib/orders/jobs.ts). */
    payBefore: timestamp("pay_before"),
    paidAt: timestamp("paid_at"),
    closedAt: timestamp("closed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("orders_order_no_uq").on(t.orderNo),
    index("orders_status_pay_before_idx").on(t.status, t.payBefore),
    index("orders_user_created_idx").on(t.userId, t.createdAt),
    index("orders_status_created_idx").on(t.status, t.createdAt),
    index("orders_created_idx").on(t.createdAt),
  ],
);

export const orderItems = mysqlTable(
  "order_items",
  {
    id: id(),
    orderId: idRef("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    kind: mysqlEnum("kind", orderItemKinds).notNull().default("course"),
    /** For a course item. */
    courseId: idRef("course_id").references(() => courses.id),
    /** For a membership item; its term (days) is in `termDays`, as sold. */
    planId: idRef("plan_id").references(() => membershipPlans.id),
    termDays: smallint("term_days", { unsigned: true }),
    titleSnapshot: varchar("title_snapshot", { length: 191 }).notNull(),
    /** The course's list price when ordered, for showing what a member or sale price saved. */
    listPriceFen: fen("list_price_fen").notNull().default(0),
    /** What this item costs in the order (member or sale price), before the order's coupon. */
    priceFen: fen("price_fen").notNull(),
    /** This item's share of the order's total, after the coupon: what a refund of the item gives back. */
    paidFen: fen("paid_fen").notNull().default(0),
    refundedAt: timestamp("refunded_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("order_items_order_idx").on(t.orderId),
    index("order_items_course_idx").on(t.courseId),
    index("order_items_plan_idx").on(t.planId),
    check(
      "order_items_product_ck",
      sql`(${t.kind} = 'course' AND ${t.courseId} IS NOT NULL AND ${t.planId} IS NULL) OR (${t.kind} = 'membership' AND ${t.planId} IS NOT NULL AND ${t.courseId} IS NULL AND ${t.termDays} > 0)`,
    ),
  ],
);

export const couponKinds = ["fixed", "percent"] as const;

export const coupons = mysqlTable(
  "coupons",
  {
    id: id(),
    /** What the learner types, stored upper-case. */
    code: varchar("code", { length: 32 }).notNull(),
    kind: mysqlEnum("kind", couponKinds).notNull(),
    /** Fen off for `fixed`; percent off (1-100) for `percent`. */
    value: int("value", { unsigned: true }).notNull(),
    /** Null: applies to every course in the order; otherwise only to this course. */
    courseId: idRef("course_id").references(() => courses.id, { onDelete: "cascade" }),
    /** Whether it also takes money off a membership plan (never for a coupon tied to one course). */
    appliesToPlans: boolean("applies_to_plans").notNull().default(false),
    /** Null: unlimited. `usedCount` only grows through a conditional UPDATE, so the limit holds under races. */
    maxUses: int("max_uses", { unsigned: true }),
    usedCount: int("used_count", { unsigned: true }).notNull().default(0),
    startsAt: timestamp("starts_at").notNull(),
    endsAt: timestamp("ends_at").notNull(),
    disabled: boolean("disabled").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("coupons_code_uq").on(t.code)],
);

/** One row per order that used a coupon; deleted (and the count given back) when the order closes unpaid. */
export const couponRedemptions = mysqlTable(
  "coupon_redemptions",
  {
    id: id(),
    couponId: idRef("coupon_id")
      .notNull()
      .references(() => coupons.id, { onDelete: "cascade" }),
    orderId: idRef("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    userId: idRef("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("coupon_redemptions_order_uq").on(t.orderId), index("coupon_redemptions_coupon_idx").on(t.couponId)],
);

/** Each time the learner starts paying an order with a provider (the reconciliation job queries these). */
export const paymentAttempts = mysqlTable(
  "payment_attempts",
  {
    id: id(),
    orderId: idRef("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    provider: mysqlEnum("provider", paymentProviders).notNull(),
    startedAt: timestamp("started_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("payment_attempts_order_idx").on(t.orderId, t.startedAt)],
);

export const notificationKinds = ["payment", "refund", "unknown"] as const;
export const notificationOutcomes = [
  /** Verified and changed the order's state. */
  "applied",
  /** Verified, but the change had already been made (a retry or a replay). */
  "duplicate",
  /** Verified but refused: unknown order, amount or merchant mismatch, ... (see `reason`). */
  "rejected",
  /** The signature (or timestamp, or probe) check failed. */
  "unverified",
  /** Verified, nothing to do (e.g. a "not paid yet" status). */
  "ignored",
  /** Processing threw; the provider is told to retry. */
  "error",
] as const;

/** Every notification a provider sent us, verified or not, with what we made of it. */
export const paymentNotifications = mysqlTable(
  "payment_notifications",
  {
    id: id(),
    provider: mysqlEnum("provider", paymentProviders).notNull(),
    kind: mysqlEnum("kind", notificationKinds).notNull().default("unknown"),
    verified: boolean("verified").notNull().default(false),
    outcome: mysqlEnum("outcome", notificationOutcomes).notNull(),
    reason: varchar("reason", { length: 255 }),
    orderNo: varchar("order_no", { length: 32 }),
    refundNo: varchar("refund_no", { length: 32 }),
    providerTradeNo: varchar("provider_trade_no", { length: 64 }),
    amountFen: fen("amount_fen"),
    rawBody: mediumtext("raw_body").notNull(),
    rawHeaders: json("raw_headers").$type<Record<string, string>>().notNull(),
    receivedAt: timestamp("received_at").notNull(),
  },
  (t) => [index("payment_notifications_order_idx").on(t.orderNo, t.receivedAt), index("payment_notifications_received_idx").on(t.receivedAt)],
);

export const refundStatuses = ["pending", "succeeded", "failed"] as const;

export const refunds = mysqlTable(
  "refunds",
  {
    id: id(),
    refundNo: varchar("refund_no", { length: 32 }).notNull(),
    orderId: idRef("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    /** Null: the whole order. */
    orderItemId: idRef("order_item_id").references(() => orderItems.id, { onDelete: "cascade" }),
    provider: mysqlEnum("provider", paymentProviders).notNull(),
    amountFen: fen("amount_fen").notNull(),
    reason: varchar("reason", { length: 255 }).notNull(),
    status: mysqlEnum("status", refundStatuses).notNull().default("pending"),
    providerRefundNo: varchar("provider_refund_no", { length: 64 }),
    failureReason: varchar("failure_reason", { length: 255 }),
    requestedBy: idRef("requested_by").references(() => users.id, { onDelete: "set null" }),
    requestedAt: timestamp("requested_at").notNull(),
    completedAt: timestamp("completed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("refunds_refund_no_uq").on(t.refundNo), index("refunds_order_idx").on(t.orderId), index("refunds_status_idx").on(t.status, t.requestedAt)],
);

/**
 * A learner's membership as it stands: a member while `expiresAt` is in the future. The terms below are its
 * history; `expiresAt` is where the last of them ends. `endedAt` is set once the expiry job has turned an
 * expired member back into an ordinary learner (ended their membership courses), and cleared by a renewal.
 * The reminder columns hold the `expiresAt` a reminder was sent for, so each goes out once per end date.
 */
export const memberships = mysqlTable(
  "memberships",
  {
    userId: idRef("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The plan of the latest term bought. */
    planId: idRef("plan_id").references(() => membershipPlans.id),
    /** When the current unbroken run of terms began. */
    startedAt: timestamp("started_at"),
    expiresAt: timestamp("expires_at").notNull(),
    endedAt: timestamp("ended_at"),
    remindedWeekFor: timestamp("reminded_week_for"),
    remindedDayFor: timestamp("reminded_day_for"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("memberships_expires_idx").on(t.expiresAt), index("memberships_ended_expires_idx").on(t.endedAt, t.expiresAt)],
);

/**
 * One bought period of membership: a paid order item's days, placed after whatever the learner held then
 * (buying again extends from the current end). A refund ends the term when it completes and moves the terms
 * after it earlier (lib/memberships/terms.ts).
 */
export const membershipTerms = mysqlTable(
  "membership_terms",
  {
    id: id(),
    userId: idRef("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    planId: idRef("plan_id")
      .notNull()
      .references(() => membershipPlans.id),
    orderItemId: idRef("order_item_id")
      .notNull()
      .references(() => orderItems.id, { onDelete: "cascade" }),
    days: smallint("days", { unsigned: true }).notNull(),
    startsAt: timestamp("starts_at").notNull(),
    endsAt: timestamp("ends_at").notNull(),
    /** What the learner paid for the term (the item's share of the order). */
    paidFen: fen("paid_fen").notNull(),
    monthlyPoints: int("monthly_points", { unsigned: true }).notNull().default(0),
    /** Monthly bonuses given so far, and when the next is due (null: none left). */
    bonusesGiven: tinyint("bonuses_given", { unsigned: true }).notNull().default(0),
    nextBonusAt: timestamp("next_bonus_at"),
    refundedAt: timestamp("refunded_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("membership_terms_item_uq").on(t.orderItemId),
    index("membership_terms_user_starts_idx").on(t.userId, t.startsAt),
    index("membership_terms_next_bonus_idx").on(t.nextBonusAt),
  ],
);
