// What a paid order gives: its learner enrolled in each of its courses not refunded, as a purchase, exactly
// once (lib/enrolments keeps one enrolment per learner and course, and counts only the new ones). A full
// refund of an item ends that purchase again.
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { orderItems } from "@/db/schema";
import type { Tx } from "@/db/tx";
import { endEnrolment, grantEnrolments } from "@/lib/enrolments/grants";

/** Returns the ids of the courses this call enrolled the learner in (empty when all were held already). */
export async function enrolOrder(tx: Tx, order: { id: number; userId: number }, now = new Date()): Promise<number[]> {
  const items = await tx
    .select({ courseId: orderItems.courseId })
    .from(orderItems)
    .where(and(eq(orderItems.orderId, order.id), isNull(orderItems.refundedAt)));
  return grantEnrolments(tx, { userId: order.userId, courseIds: items.map((i) => i.courseId), source: "purchase", now });
}

/** Ends the learner's purchased enrolment in a course (a full refund of it). */
export async function unenrol(tx: Tx, userId: number, courseId: number): Promise<boolean> {
  return endEnrolment(tx, { userId, courseId, source: "purchase" });
}
