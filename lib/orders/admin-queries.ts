// The order admin's list: filter by status and provider, find by order number or the buyer's email/mobile.
import "server-only";
import { and, count, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { orderItems, orders, orderStatuses, paymentProviders, users } from "@/db/schema";

export const adminOrderFilter = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(orderStatuses).optional(),
  provider: z.enum(paymentProviders).optional(),
});
export type AdminOrderFilter = z.infer<typeof adminOrderFilter>;

export interface AdminOrderRow {
  /** Snowflake-style, beyond 2^53: always a string. */
  orderNo: string;
  status: (typeof orderStatuses)[number];
  totalFen: number;
  provider: (typeof paymentProviders)[number] | null;
  user: { id: number; name: string; email: string | null };
  items: Array<{ courseId: number; title: string; priceFen: number }>;
  createdAt: Date;
  paidAt: Date | null;
}

export async function listAdminOrders(filter: AdminOrderFilter, page: number, perPage: number): Promise<{ rows: AdminOrderRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(orders.status, filter.status));
  if (filter.provider) conditions.push(eq(orders.provider, filter.provider));
  if (filter.q) conditions.push(or(eq(orders.orderNo, filter.q), eq(users.email, filter.q.toLowerCase()), eq(users.mobile, filter.q))!);
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [totalRow]] = await Promise.all([
    db()
      .select({
        id: orders.id,
        orderNo: orders.orderNo,
        status: orders.status,
        totalFen: orders.totalFen,
        provider: orders.provider,
        createdAt: orders.createdAt,
        paidAt: orders.paidAt,
        userId: users.id,
        userName: users.name,
        userEmail: users.email,
      })
      .from(orders)
      .innerJoin(users, eq(users.id, orders.userId))
      .where(where)
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db().select({ total: count() }).from(orders).innerJoin(users, eq(users.id, orders.userId)).where(where),
  ]);
  const items =
    rows.length === 0
      ? []
      : await db()
          .select({ orderId: orderItems.orderId, courseId: orderItems.courseId, title: orderItems.titleSnapshot, priceFen: orderItems.priceFen })
          .from(orderItems)
          .where(inArray(orderItems.orderId, rows.map((r) => r.id)));
  return {
    total: totalRow?.total ?? 0,
    rows: rows.map((r) => ({
      orderNo: r.orderNo,
      status: r.status,
      totalFen: r.totalFen,
      provider: r.provider,
      createdAt: r.createdAt,
      paidAt: r.paidAt,
      user: { id: r.userId, name: r.userName, email: r.userEmail },
      items: items.filter((i) => i.orderId === r.id).map(({ courseId, title, priceFen }) => ({ courseId, title, priceFen })),
    })),
  };
}
