// Flash sales ("seckill"): a number of seats of one course at a sale price inside a time window. Redis admits
// buyers (lib/seckill); these tables are the final guard and the record: `seatsLeft` only falls through a
// conditional UPDATE, and a learner holds at most one live seat per sale (unique `holderId`, set to null when
// the seat is released so they may try again).
import { index, int, mysqlEnum, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, fen, id, idRef, timestamp, updatedAt } from "./columns";
import { courses } from "./catalogue";
import { orders } from "./commerce";
import { users } from "./identity";

export const seckillSaleStatuses = ["active", "cancelled"] as const;

export const seckillSales = mysqlTable(
  "seckill_sales",
  {
    id: id(),
    courseId: idRef("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    priceFen: fen("price_fen").notNull(),
    /** Seats offered. Never below the seats held and sold. */
    seats: int("seats", { unsigned: true }).notNull(),
    /** Seats neither held nor sold; decremented only with `WHERE seats_left > 0`. */
    seatsLeft: int("seats_left", { unsigned: true }).notNull(),
    startsAt: timestamp("starts_at").notNull(),
    endsAt: timestamp("ends_at").notNull(),
    status: mysqlEnum("status", seckillSaleStatuses).notNull().default("active"),
    createdBy: idRef("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("seckill_sales_window_idx").on(t.startsAt, t.endsAt), index("seckill_sales_course_idx").on(t.courseId)],
);

export const seckillSeatStatuses = ["held", "paid", "released"] as const;

export const seckillSeats = mysqlTable(
  "seckill_seats",
  {
    id: id(),
    saleId: idRef("sale_id")
      .notNull()
      .references(() => seckillSales.id, { onDelete: "cascade" }),
    userId: idRef("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** = userId while the seat is held or paid, null once released: one live seat per learner and sale. */
    holderId: idRef("holder_id"),
    /** The admission message's id, so a message delivered twice writes one seat. */
    admissionId: varchar("admission_id", { length: 64 }).notNull(),
    orderId: idRef("order_id").references(() => orders.id, { onDelete: "set null" }),
    status: mysqlEnum("status", seckillSeatStatuses).notNull().default("held"),
    payBefore: timestamp("pay_before").notNull(),
    paidAt: timestamp("paid_at"),
    releasedAt: timestamp("released_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("seckill_seats_sale_holder_uq").on(t.saleId, t.holderId),
    uniqueIndex("seckill_seats_admission_uq").on(t.admissionId),
    index("seckill_seats_status_pay_before_idx").on(t.status, t.payBefore),
    index("seckill_seats_order_idx").on(t.orderId),
  ],
);
