// What a paid order gives, item by item, and what a refund of an item takes back. Each kind of item names
// its owner's reaction here (a new kind does not compile until it does): a course enrols its learner as a
// purchase (lib/enrolments keeps one enrolment per learner and course and counts only new ones); a membership
// plan adds a term after the learner's current end (lib/memberships). Everything runs in the transaction that
// changed the order, with the order row locked, so it happens exactly once.
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { orderItems, type orderItemKinds } from "@/db/schema";
import type { Tx } from "@/db/tx";
import { endEnrolment, grantEnrolments } from "@/lib/enrolments/grants";
import { endTermForRefund, grantTerm } from "@/lib/memberships/terms";
import { orderPaid, type OrderSource } from "./events";

export type OrderItemKind = (typeof orderItemKinds)[number];
type ItemRow = typeof orderItems.$inferSelect;

interface ItemReactions {
  /** The items of this kind in a paid order (not refunded); returns the courses newly enrolled in. */
  paid(tx: Tx, userId: number, items: ItemRow[], at: Date): Promise<number[]>;
  /** A refund of the item completed. */
  refunded(tx: Tx, userId: number, item: ItemRow, at: Date): Promise<void>;
}

const reactions: Record<OrderItemKind, ItemReactions> = {
  course: {
    paid: (tx, userId, items, at) => grantEnrolments(tx, { userId, courseIds: items.map((i) => i.courseId!), source: "purchase", now: at }),
    refunded: async (tx, userId, item) => {
      await endEnrolment(tx, { userId, courseId: item.courseId!, source: "purchase" });
    },
  },
  membership: {
    paid: async (tx, userId, items, at) => {
      for (const item of items) await grantTerm(tx, { orderItemId: item.id, userId, planId: item.planId!, days: item.termDays!, paidFen: item.paidFen }, at);
      return [];
    },
    refunded: (tx, _userId, item, at) => endTermForRefund(tx, item.id, at),
  },
};

/**
 * Gives what a paid order's items bought (not refunded ones). Returns the ids of the courses this enrolled the
 * learner in (empty when all were held already). The flash-sale writer, which settles its own seat for a
 * free sale, calls this alone; every other caller calls fulfilOrder.
 */
export async function giveOrderItems(tx: Tx, order: { id: number; userId: number }, at: Date): Promise<number[]> {
  const items = await tx
    .select()
    .from(orderItems)
    .where(and(eq(orderItems.orderId, order.id), isNull(orderItems.refundedAt)));
  const enrolled: number[] = [];
  for (const kind of Object.keys(reactions) as OrderItemKind[]) {
    const ofKind = items.filter((i) => i.kind === kind);
    if (ofKind.length > 0) enrolled.push(...(await reactions[kind].paid(tx, order.userId, ofKind, at)));
  }
  return enrolled;
}

/**
 * Gives what a just-paid order bought (as of `at`, when we learn of the payment) and tells the domain behind
 * the order (a flash-sale seat is sold, at the provider's `paidAt`).
 */
export async function fulfilOrder(tx: Tx, order: { id: number; userId: number; source: OrderSource }, at: Date, paidAt: Date = at): Promise<number[]> {
  const enrolled = await giveOrderItems(tx, order, at);
  await orderPaid(tx, { orderId: order.id, userId: order.userId, source: order.source, at: paidAt });
  return enrolled;
}

/** Takes back what a refunded item gave (a course's purchase, a membership term). */
export async function takeBackItem(tx: Tx, userId: number, item: ItemRow, at: Date): Promise<void> {
  await reactions[item.kind].refunded(tx, userId, item, at);
}
