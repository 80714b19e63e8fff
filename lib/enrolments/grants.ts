// Granting and ending access to courses: the one writer of `enrolments`. Every way in (a paid order, a free
// course joined, an administrator's grant, a membership) names its source and goes through here, so a learner
// holds a course at most once (the unique user/course key makes a repeated grant a no-op) and each course's
// learner count moves only for rows really written or removed, in the caller's transaction.
//
// Access through a membership lasts only as long as the membership (lib/enrolments/access.ts checks its end;
// the expiry job removes the rows). A lasting grant (a purchase, a free join, an administrator's grant) of a
// course held through membership turns that row into the lasting kind, so the course stays when the
// membership ends.
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
    else if (grant.source !== "membership")
      await tx
        .update(enrolments)
        .set({ source: grant.source })
        .where(and(eq(enrolments.userId, grant.userId), eq(enrolments.courseId, courseId), eq(enrolments.source, "membership")));
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

/** Ends every course the learner holds through membership (their membership has ended); returns their ids. */
export async function endMembershipAccess(tx: Tx, userId: number): Promise<number[]> {
  const held = await tx
    .select({ courseId: enrolments.courseId })
    .from(enrolments)
    .where(and(eq(enrolments.userId, userId), eq(enrolments.source, "membership")))
    .for("update");
  if (held.length === 0) return [];
  await tx.delete(enrolments).where(and(eq(enrolments.userId, userId), eq(enrolments.source, "membership")));
  const ended = held.map((h) => h.courseId);
  await adjustLearnerCounts(tx, ended, -1);
  return ended;
}
