// Orders and their items, coupons, payment attempts, every payment notification received, refunds and
// memberships. Order numbers are snowflake-style decimal strings (they exceed 2^53); each item keeps a snapshot
// of the title and price it was sold at.
import { boolean, int, json, mediumtext, index, mysqlEnum, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, fen, id, idRef, timestamp, updatedAt } from "./columns";
import { courses } from "./catalogue";
import { users } from "./identity";

export const orderStatuses = ["pending", "paid", "refunding", "refunded", "closed"] as const;
export const paymentProviders = ["alipay", "wechat", "unionpay"] as const;
/** Where an order came from: the cart's checkout or a won flash-sale seat. */
export const orderSources = ["cart", "seckill"] as const;

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
    courseId: idRef("course_id")
      .notNull()
      .references(() => courses.id),
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
  (t) => [index("order_items_order_idx").on(t.orderId), index("order_items_course_idx").on(t.courseId)],
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

/** A paying member until `expiresAt`; members pay a course's member price. */
export const memberships = mysqlTable(
  "memberships",
  {
    userId: idRef("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("memberships_expires_idx").on(t.expiresAt)],
);
