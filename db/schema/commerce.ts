// Orders and their items. Order numbers are snowflake-style decimal strings (they exceed 2^53); each item
// keeps a snapshot of the title and price it was sold at.
import { index, mysqlEnum, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, fen, id, idRef, timestamp, updatedAt } from "./columns";
import { courses } from "./catalogue";
import { users } from "./identity";

export const orderStatuses = ["pending", "paid", "refunding", "refunded", "closed"] as const;
export const paymentProviders = ["alipay", "wechat", "unionpay"] as const;

export const orders = mysqlTable(
  "orders",
  {
    id: id(),
    orderNo: varchar("order_no", { length: 32 }).notNull(),
    userId: idRef("user_id")
      .notNull()
      .references(() => users.id),
    status: mysqlEnum("status", orderStatuses).notNull().default("pending"),
    totalFen: fen("total_fen").notNull(),
    provider: mysqlEnum("provider", paymentProviders),
    paidAt: timestamp("paid_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("orders_order_no_uq").on(t.orderNo),
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
    priceFen: fen("price_fen").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("order_items_order_idx").on(t.orderId), index("order_items_course_idx").on(t.courseId)],
);
