// The order admin's reads: the list (filter by status, provider, the day it was placed and the buyer; find
// by order number or the buyer's email/mobile), one order with everything that happened to it, and the
// keyset-paged reads the CSV export streams. Days are China days (Asia/Shanghai, UTC+8, no daylight saving):
// "from 2026-11-01 to 2026-11-30" means 2026-10-31T16:00Z up to, not including, 2026-11-30T16:00Z.
import "server-only";
import { and, count, desc, eq, gte, inArray, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { coupons, orderItems, orders, orderStatuses, paymentAttempts, paymentNotifications, paymentProviders, refunds, users } from "@/db/schema";

const CHINA_OFFSET_MS = 8 * 3600_000;
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "A day is written YYYY-MM-DD.")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "Not a calendar day.");

/** The first instant of a China day. */
export const chinaDayStart = (day: string): Date => new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS);

const orderFilterFields = {
  q: z.string().trim().max(100).optional(),
  status: z.enum(orderStatuses).optional(),
  provider: z.enum(paymentProviders).optional(),
  /** Placed on or after this China day. */
  from: isoDay.optional(),
  /** Placed on or before this China day (the whole day counts). */
  to: isoDay.optional(),
  /** The buyer: a user id, an email or a mobile number. */
  user: z.string().trim().min(1).max(191).optional(),
};
const daysInOrder = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const daysInOrderError = { path: ["to"], message: "The end day is before the start day." };

export const adminOrderFilter = z.object(orderFilterFields).refine(daysInOrder, daysInOrderError);
/** The filter plus other query parameters (paging, the export's language). */
export const adminOrderQuery = <T extends z.ZodRawShape>(extra: T) =>
  z.object({ ...orderFilterFields, ...extra }).refine((f) => daysInOrder(f as { from?: string; to?: string }), daysInOrderError);
export type AdminOrderFilter = z.infer<typeof adminOrderFilter>;

/** The filter as query-string values (for links that keep it: paging, the CSV export). */
export function filterParams(filter: AdminOrderFilter): Record<string, string | undefined> {
  return { q: filter.q, status: filter.status, provider: filter.provider, from: filter.from, to: filter.to, user: filter.user };
}

function userCondition(user: string): SQL {
  if (user.includes("@")) return eq(users.email, user.toLowerCase());
  if (/^[1-9]\d{0,15}$/.test(user)) return or(eq(users.id, Number(user)), eq(users.mobile, user))!;
  return eq(users.mobile, user);
}

/** The WHERE of the list, its count and the export (over `orders` joined to `users`). */
export function orderConditions(filter: AdminOrderFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(orders.status, filter.status));
  if (filter.provider) conditions.push(eq(orders.provider, filter.provider));
  if (filter.q) conditions.push(or(eq(orders.orderNo, filter.q), eq(users.email, filter.q.toLowerCase()), eq(users.mobile, filter.q))!);
  if (filter.from) conditions.push(gte(orders.createdAt, chinaDayStart(filter.from)));
  if (filter.to) conditions.push(lt(orders.createdAt, new Date(chinaDayStart(filter.to).getTime() + 86_400_000)));
  if (filter.user) conditions.push(userCondition(filter.user));
  return conditions;
}

export interface AdminOrderRow {
  /** Snowflake-style, beyond 2^53: always a string. */
  orderNo: string;
  status: (typeof orderStatuses)[number];
  totalFen: number;
  provider: (typeof paymentProviders)[number] | null;
  user: { id: number; name: string; email: string | null };
  /** A course item has its course's id; a membership item has none. */
  items: Array<{ kind: "course" | "membership"; courseId: number | null; title: string; priceFen: number }>;
  createdAt: Date;
  paidAt: Date | null;
}

export async function listAdminOrders(filter: AdminOrderFilter, page: number, perPage: number): Promise<{ rows: AdminOrderRow[]; total: number }> {
  const conditions = orderConditions(filter);
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
          .select({ orderId: orderItems.orderId, kind: orderItems.kind, courseId: orderItems.courseId, title: orderItems.titleSnapshot, priceFen: orderItems.priceFen })
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
      items: items.filter((i) => i.orderId === r.id).map(({ kind, courseId, title, priceFen }) => ({ kind, courseId, title, priceFen })),
    })),
  };
}

/** How many notifications the detail page shows at most (newest first); a replay storm can store thousands. */
export const DETAIL_NOTIFICATIONS_MAX = 200;

/** One order with its buyer, items, payment attempts, refunds and every stored notification. */
export async function getAdminOrder(orderNo: string) {
  const [row] = await db()
    .select({ order: orders, user: { id: users.id, name: users.name, email: users.email, mobile: users.mobile }, couponCode: coupons.code })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .leftJoin(coupons, eq(coupons.id, orders.couponId))
    .where(eq(orders.orderNo, orderNo))
    .limit(1);
  if (!row) return null;
  const orderId = row.order.id;
  const [items, attempts, refundRows, notifications, [notificationCount]] = await Promise.all([
    db().select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(orderItems.id),
    db().select().from(paymentAttempts).where(eq(paymentAttempts.orderId, orderId)).orderBy(desc(paymentAttempts.startedAt)),
    db()
      .select({ refund: refunds, requesterName: users.name })
      .from(refunds)
      .leftJoin(users, eq(users.id, refunds.requestedBy))
      .where(eq(refunds.orderId, orderId))
      .orderBy(desc(refunds.requestedAt), desc(refunds.id)),
    db()
      .select()
      .from(paymentNotifications)
      .where(eq(paymentNotifications.orderNo, orderNo))
      .orderBy(desc(paymentNotifications.receivedAt), desc(paymentNotifications.id))
      .limit(DETAIL_NOTIFICATIONS_MAX),
    db().select({ n: count() }).from(paymentNotifications).where(eq(paymentNotifications.orderNo, orderNo)),
  ]);
  return {
    order: row.order,
    user: row.user,
    couponCode: row.couponCode,
    items,
    attempts,
    refunds: refundRows.map((r) => ({ ...r.refund, requesterName: r.requesterName })),
    notifications,
    notificationCount: notificationCount?.n ?? 0,
  };
}
export type AdminOrderDetail = NonNullable<Awaited<ReturnType<typeof getAdminOrder>>>;

export interface ExportRow {
  id: number;
  orderNo: string;
  createdAt: Date;
  status: (typeof orderStatuses)[number];
  userId: number;
  userName: string;
  userEmail: string | null;
  titles: string[];
  subtotalFen: number;
  discountFen: number;
  totalFen: number;
  refundedFen: number;
  provider: (typeof paymentProviders)[number] | null;
  providerTradeNo: string | null;
  paidAt: Date | null;
}

/**
 * One page of the export, newest first, after the row `after` (keyset paging on (created_at, id), so a deep
 * page costs what the first does and rows added meanwhile neither shift nor repeat the pages).
 */
export async function exportPage(filter: AdminOrderFilter, limit: number, after?: { createdAt: Date; id: number }): Promise<ExportRow[]> {
  const conditions = orderConditions(filter);
  if (after) conditions.push(or(lt(orders.createdAt, after.createdAt), and(eq(orders.createdAt, after.createdAt), lt(orders.id, after.id)))!);
  const rows = await db()
    .select({
      id: orders.id,
      orderNo: orders.orderNo,
      createdAt: orders.createdAt,
      status: orders.status,
      userId: users.id,
      userName: users.name,
      userEmail: users.email,
      subtotalFen: orders.subtotalFen,
      discountFen: orders.discountFen,
      totalFen: orders.totalFen,
      refundedFen: orders.refundedFen,
      provider: orders.provider,
      providerTradeNo: orders.providerTradeNo,
      paidAt: orders.paidAt,
    })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const items = await db()
    .select({ orderId: orderItems.orderId, title: orderItems.titleSnapshot })
    .from(orderItems)
    .where(inArray(orderItems.orderId, rows.map((r) => r.id)))
    .orderBy(orderItems.id);
  const titles = new Map<number, string[]>();
  for (const i of items) (titles.get(i.orderId) ?? titles.set(i.orderId, []).get(i.orderId)!).push(i.title);
  return rows.map((r) => ({ ...r, titles: titles.get(r.id) ?? [] }));
}

export async function countAdminOrders(filter: AdminOrderFilter): Promise<number> {
  const conditions = orderConditions(filter);
  const [row] = await db()
    .select({ n: count() })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .where(conditions.length > 0 ? and(...conditions) : undefined);
  return row?.n ?? 0;
}
