// A learner's own orders, as the order pages and the orders API show them. Always read from MySQL: an order's
// state changes the moment a notification lands, and the return page polls it.
import "server-only";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { courses, orderItems, orders, refunds } from "@/db/schema";
import type { OrderTab } from "./api-schemas";

export interface OrderView {
  orderNo: string;
  status: "pending" | "paid" | "refunding" | "refunded" | "closed";
  source: "cart" | "seckill" | "membership";
  subtotalFen: number;
  discountFen: number;
  totalFen: number;
  refundedFen: number;
  provider: "alipay" | "wechat" | "unionpay" | null;
  createdAt: string;
  payBefore: string | null;
  paidAt: string | null;
  closedAt: string | null;
  items: Array<{ id: number; kind: "course" | "membership"; courseId: number | null; slug: string | null; title: string; listPriceFen: number; priceFen: number; paidFen: number; refunded: boolean }>;
  refunds: Array<{ refundNo: string; amountFen: number; status: "pending" | "succeeded" | "failed"; requestedAt: string; completedAt: string | null }>;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function itemsOf(orderIds: number[]) {
  if (orderIds.length === 0) return new Map<number, OrderView["items"]>();
  const rows = await db()
    .select({ orderId: orderItems.orderId, item: orderItems, slug: courses.slug })
    .from(orderItems)
    .leftJoin(courses, eq(courses.id, orderItems.courseId))
    .where(inArray(orderItems.orderId, orderIds))
    .orderBy(asc(orderItems.id));
  const map = new Map<number, OrderView["items"]>();
  for (const r of rows) {
    const list = map.get(r.orderId) ?? [];
    list.push({
      id: r.item.id,
      kind: r.item.kind,
      courseId: r.item.courseId,
      slug: r.slug,
      title: r.item.titleSnapshot,
      listPriceFen: r.item.listPriceFen,
      priceFen: r.item.priceFen,
      paidFen: r.item.paidFen,
      refunded: r.item.refundedAt !== null,
    });
    map.set(r.orderId, list);
  }
  return map;
}

function view(o: typeof orders.$inferSelect, items: OrderView["items"], refundRows: OrderView["refunds"] = []): OrderView {
  return {
    orderNo: o.orderNo,
    status: o.status,
    source: o.source,
    subtotalFen: o.subtotalFen,
    discountFen: o.discountFen,
    totalFen: o.totalFen,
    refundedFen: o.refundedFen,
    provider: o.provider,
    createdAt: o.createdAt.toISOString(),
    payBefore: iso(o.payBefore),
    paidAt: iso(o.paidAt),
    closedAt: iso(o.closedAt),
    items,
    refunds: refundRows,
  };
}

/** The statuses behind each tab of "My orders" (lib/orders/api-schemas.ts ORDER_TABS). */
const TAB_STATUSES: Record<Exclude<OrderTab, "all">, OrderView["status"][]> = { unpaid: ["pending"], paid: ["paid"], refunded: ["refunding", "refunded"] };

const ofTab = (userId: number, tab: OrderTab) => (tab === "all" ? eq(orders.userId, userId) : and(eq(orders.userId, userId), inArray(orders.status, TAB_STATUSES[tab])));

export async function listMyOrders(userId: number, page: number, perPage: number, tab: OrderTab = "all"): Promise<{ rows: OrderView[]; total: number }> {
  const where = ofTab(userId, tab);
  const [rows, totals] = await Promise.all([
    db()
      .select()
      .from(orders)
      .where(where)
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db().select({ n: count() }).from(orders).where(where),
  ]);
  const n = totals[0]?.n ?? 0;
  const items = await itemsOf(rows.map((r) => r.id));
  return { rows: rows.map((o) => view(o, items.get(o.id) ?? [])), total: Number(n) };
}

/** How many of the learner's orders each tab holds: one grouped count over their rows (orders_user_created_idx). */
export async function countMyOrders(userId: number): Promise<Record<OrderTab, number>> {
  const rows = await db().select({ status: orders.status, n: count() }).from(orders).where(eq(orders.userId, userId)).groupBy(orders.status);
  const counts: Record<OrderTab, number> = { all: 0, unpaid: 0, paid: 0, refunded: 0 };
  for (const r of rows) {
    const n = Number(r.n);
    counts.all += n;
    for (const [tab, statuses] of Object.entries(TAB_STATUSES) as [Exclude<OrderTab, "all">, OrderView["status"][]][]) if (statuses.includes(r.status)) counts[tab] += n;
  }
  return counts;
}

/** The learner's order, or null when it does not exist or is someone else's (indistinguishable to them). */
export async function getMyOrder(userId: number, orderNo: string): Promise<(OrderView & { id: number }) | null> {
  const [o] = await db()
    .select()
    .from(orders)
    .where(and(eq(orders.orderNo, orderNo), eq(orders.userId, userId)))
    .limit(1);
  if (!o) return null;
  const [items, refundRows] = await Promise.all([
    itemsOf([o.id]),
    db().select().from(refunds).where(eq(refunds.orderId, o.id)).orderBy(asc(refunds.requestedAt)),
  ]);
  return {
    id: o.id,
    ...view(
      o,
      items.get(o.id) ?? [],
      refundRows.map((r) => ({ refundNo: r.refundNo, amountFen: r.amountFen, status: r.status, requestedAt: r.requestedAt.toISOString(), completedAt: iso(r.completedAt) })),
    ),
  };
}

export interface PendingCourseOrder {
  orderNo: string;
  source: "cart" | "seckill" | "membership";
  totalFen: number;
  /** ISO 8601; null for an order without a deadline. */
  payBefore: string | null;
  /** Courses in the order, this one included. */
  itemCount: number;
}

/**
 * The learner's newest unpaid order (a checkout or a won flash-sale seat) that holds the course and can still be
 * paid, or null. Course and lesson pages offer to pay it rather than sell the course a second time. An order
 * past its deadline is left out even before the closing job has closed it: it can no longer be paid.
 */
export async function pendingOrderForCourse(userId: number, courseId: number, now: Date = new Date()): Promise<PendingCourseOrder | null> {
  const rows = await db()
    .select({ id: orders.id, orderNo: orders.orderNo, source: orders.source, totalFen: orders.totalFen, payBefore: orders.payBefore })
    .from(orders)
    .innerJoin(orderItems, eq(orderItems.orderId, orders.id))
    .where(and(eq(orders.userId, userId), eq(orders.status, "pending"), eq(orderItems.courseId, courseId)))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(5);
  const open = rows.find((r) => r.payBefore === null || r.payBefore.getTime() > now.getTime());
  if (!open) return null;
  const [items] = await db().select({ n: count() }).from(orderItems).where(eq(orderItems.orderId, open.id));
  return { orderNo: open.orderNo, source: open.source, totalFen: open.totalFen, payBefore: iso(open.payBefore), itemCount: Math.max(1, Number(items?.n ?? 1)) };
}
