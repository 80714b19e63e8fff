// Granting and ending access to courses: the one writer of `enrolments`. Every way in (a paid order, a free
// course joined, an administrator's grant, later a membership) names its source and goes through here, so
// a learner holds a course at most once (the unique user/course key makes a repeated grant a no-op) and each
// course's learner count moves only for rows really written or removed, in the caller's transaction.
import "server-only";
import { and, eq } from "drizzle-orm";
import { enrolments, type enrolmentSources } from "@/db/schema";
import type { Tx } from "@/db/tx";
import { adjustLearnerCounts } from "./counts";

export type EnrolmentSource = (typeof enrolmentSources)[number];

export interface Grant {
  userId: number;
  courseIds: readonly number[];
  source: EnrolmentSource;
  /** When the access began; the database's clock when left out. */
  now?: Date;
}

/** Enrols the learner in each course they do not hold yet; returns the ids of the courses newly granted. */
export async function grantEnrolments(tx: Tx, grant: Grant): Promise<number[]> {
  const granted: number[] = [];
  for (const courseId of grant.courseIds) {
    const [result] = await tx
      .insert(enrolments)
      .ignore()
      .values({ userId: grant.userId, courseId, source: grant.source, ...(grant.now ? { createdAt: grant.now } : {}) });
    if (result.affectedRows > 0) granted.push(courseId);
  }
  await adjustLearnerCounts(tx, granted, +1);
  return granted;
}

/**
 * Ends the learner's access to a course that came from `source` (a refunded purchase ends a purchase, never a
 * free join or a grant). True when an enrolment was ended.
 */
export async function endEnrolment(tx: Tx, enrolment: { userId: number; courseId: number; source: EnrolmentSource }): Promise<boolean> {
  const [result] = await tx
    .delete(enrolments)
    .where(and(eq(enrolments.userId, enrolment.userId), eq(enrolments.courseId, enrolment.courseId), eq(enrolments.source, enrolment.source)));
  if (result.affectedRows === 0) return false;
  await adjustLearnerCounts(tx, [enrolment.courseId], -1);
  return true;
}
