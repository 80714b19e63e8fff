// Enrols the learner of a paid order in each of its courses, exactly once: the unique (user, course) key of
// `enrolments` makes a repeated call a no-op, and a course's counter only grows for rows really inserted.
import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { courses, enrolments, orderItems } from "@/db/schema";
import type { Tx } from "@/db/tx";

/** Returns the ids of the courses this call enrolled the learner in (empty when all were held already). */
export async function enrolOrder(tx: Tx, order: { id: number; userId: number }, now = new Date()): Promise<number[]> {
  const items = await tx
    .select({ courseId: orderItems.courseId })
    .from(orderItems)
    .where(and(eq(orderItems.orderId, order.id), isNull(orderItems.refundedAt)));
  const enrolled: number[] = [];
  for (const { courseId } of items) {
    const [result] = await tx.insert(enrolments).ignore().values({ userId: order.userId, courseId, source: "purchase", createdAt: now });
    if (result.affectedRows > 0) enrolled.push(courseId);
  }
  if (enrolled.length > 0) {
    await tx
      .update(courses)
      .set({ enrolmentCount: sql`${courses.enrolmentCount} + 1` })
      .where(inArray(courses.id, enrolled));
  }
  return enrolled;
}

/** Ends the learner's purchased enrolment in a course (a full refund of it). */
export async function unenrol(tx: Tx, userId: number, courseId: number): Promise<boolean> {
  const [result] = await tx.delete(enrolments).where(and(eq(enrolments.userId, userId), eq(enrolments.courseId, courseId), eq(enrolments.source, "purchase")));
  if (result.affectedRows > 0) {
    await tx
      .update(courses)
      .set({ enrolmentCount: sql`GREATEST(${courses.enrolmentCount}, 1) - 1` })
      .where(eq(courses.id, courseId));
  }
  return result.affectedRows > 0;
}
