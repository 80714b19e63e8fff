// Whether a learner holds a course, for every caller that must know: the lesson pages, the progress
// recorder, the cart's "already yours". Never cached: an enrolment takes effect the moment it is made.
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { enrolments } from "@/db/schema";
import type { Executor, Tx } from "@/db/tx";

export async function isEnrolled(userId: number, courseId: number): Promise<boolean> {
  const [row] = await db()
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(and(eq(enrolments.userId, userId), eq(enrolments.courseId, courseId)))
    .limit(1);
  return row !== undefined;
}

/** Which of these courses the learner holds already. */
export async function enrolledCourseIds(executor: Executor, userId: number, courseIds: readonly number[]): Promise<number[]> {
  if (courseIds.length === 0) return [];
  const rows = await executor
    .select({ courseId: enrolments.courseId })
    .from(enrolments)
    .where(and(eq(enrolments.userId, userId), inArray(enrolments.courseId, [...courseIds])));
  return rows.map((r) => r.courseId);
}

/**
 * Locks the learner's enrolment in a course until the transaction ends (false when they hold none), so that
 * what a learner does in one course (recording progress, awarding points) happens one at a time.
 */
export async function lockEnrolment(tx: Tx, userId: number, courseId: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(and(eq(enrolments.userId, userId), eq(enrolments.courseId, courseId)))
    .for("update");
  return row !== undefined;
}
