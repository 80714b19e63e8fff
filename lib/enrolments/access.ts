// Whether a learner holds a course, for every caller that must know: the lesson pages, the progress
// recorder, the cart's "already yours". Never cached: an enrolment takes effect the moment it is made.
// A course held through membership counts only while the membership lasts, to the second: the expiry job
// removes such rows later (lib/memberships/expiry.ts), but access ends when the membership does.
import "server-only";
import { and, eq, gt, inArray, ne, or, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { enrolments, memberships } from "@/db/schema";
import type { Executor, Tx } from "@/db/tx";
import { clockNow } from "@/lib/clock";

/** The enrolment still gives access at `now`: a lasting one, or one through a membership that has not ended. */
const current = (now: Date): SQL => or(ne(enrolments.source, "membership"), gt(memberships.expiresAt, now))!;

export async function isEnrolled(userId: number, courseId: number, now?: Date): Promise<boolean> {
  const at = now ?? (await clockNow(userId));
  const [row] = await db()
    .select({ id: enrolments.id })
    .from(enrolments)
    .leftJoin(memberships, eq(memberships.userId, enrolments.userId))
    .where(and(eq(enrolments.userId, userId), eq(enrolments.courseId, courseId), current(at)))
    .limit(1);
  return row !== undefined;
}

/**
 * Which of these courses the learner holds for good (bought, joined free or granted): the cart's "already
 * yours". A course held through membership is not among them: a member may still buy it to keep.
 */
export async function enrolledCourseIds(executor: Executor, userId: number, courseIds: readonly number[]): Promise<number[]> {
  if (courseIds.length === 0) return [];
  const rows = await executor
    .select({ courseId: enrolments.courseId })
    .from(enrolments)
    .where(and(eq(enrolments.userId, userId), inArray(enrolments.courseId, [...courseIds]), ne(enrolments.source, "membership")));
  return rows.map((r) => r.courseId);
}

/**
 * Locks the learner's enrolment in a course until the transaction ends (false when they hold none, or hold it
 * through a membership that has ended), so that what a learner does in one course (recording progress,
 * awarding points) happens one at a time.
 */
export async function lockEnrolment(tx: Tx, userId: number, courseId: number, now?: Date): Promise<boolean> {
  const at = now ?? (await clockNow(userId));
  const [row] = await tx
    .select({ id: enrolments.id })
    .from(enrolments)
    .leftJoin(memberships, eq(memberships.userId, enrolments.userId))
    .where(and(eq(enrolments.userId, userId), eq(enrolments.courseId, courseId), current(at)))
    .for("update");
  return row !== undefined;
}

/** A page of the learners who hold a course at `now` (ids above `afterUserId`, ascending): for fan-outs in batches. */
export async function currentLearnerIds(courseId: number, afterUserId: number, limit: number, now: Date): Promise<number[]> {
  const rows = await db()
    .selectDistinct({ userId: enrolments.userId })
    .from(enrolments)
    .leftJoin(memberships, eq(memberships.userId, enrolments.userId))
    .where(and(eq(enrolments.courseId, courseId), gt(enrolments.userId, afterUserId), current(now)))
    .orderBy(enrolments.userId)
    .limit(limit);
  return rows.map((r) => r.userId);
}
