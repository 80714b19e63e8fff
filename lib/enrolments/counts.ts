// Counting enrolments, in the two places they are counted: a course's learner count (courses.enrolment_count,
// moved in the transaction that writes the enrolment, never below zero) and the popularity board in Redis
// (told after the commit; its nightly rebuild from MySQL corrects any increment that was lost).
import "server-only";
import { inArray, sql } from "drizzle-orm";
import { courses } from "@/db/schema";
import type { Tx } from "@/db/tx";
import { addEnrolment } from "@/lib/leaderboards/store";
import { logger } from "@/lib/log";

const log = logger.child({ component: "enrolments" });

/** Moves each course's learner count by one. Only grants.ts calls this, for rows it really wrote. */
export async function adjustLearnerCounts(tx: Tx, courseIds: readonly number[], by: 1 | -1): Promise<void> {
  if (courseIds.length === 0) return;
  await tx
    .update(courses)
    .set({ enrolmentCount: by > 0 ? sql`${courses.enrolmentCount} + 1` : sql`GREATEST(${courses.enrolmentCount}, 1) - 1` })
    .where(inArray(courses.id, [...courseIds]));
}

/** Counts new enrolments on the popularity board. Call after the commit that granted them; never throws. */
export async function countNewEnrolments(courseIds: readonly number[], now = new Date()): Promise<void> {
  await Promise.all(courseIds.map((id) => addEnrolment(id, now))).catch((error: unknown) => log.warn({ err: error }, "could not count enrolments on the popularity board"));
}
