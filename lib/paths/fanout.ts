// Telling followers that a course gained lessons. A saved syllabus that adds lessons to a published course
// records a course update (in the syllabus's own transaction) and queues its fan-out. The fan-out pages the
// followers — of the course, and of every published learning path containing it — in user id order, 500 at a
// time; each batch is one job and one transaction: the update's row is locked, the batch's notifications are
// stored (one per learner and update: the notification centre's unique key `course.updated:<update id>`) and
// the cursor moves to the batch's last follower, all committed together. The next batch is the next job.
// A worker killed mid-batch rolls its batch back; BullMQ hands the job (which reads the cursor from MySQL,
// not from its payload) to another worker, which redoes that batch. A learner following the course and two
// paths with it is told once. 10,000 followers are 20 small transactions, never one.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { courses, courseUpdates } from "@/db/schema";
import type { Rows, Tx } from "@/db/tx";
import { QUEUES, queue } from "@/lib/jobs/queues";
import { logger } from "@/lib/log";
import { storeMany, type Delivery } from "@/lib/notifications";

const log = logger.child({ component: "paths-fanout" });

export const FANOUT_BATCH = 500;

/** In the transaction that added lessons to a course: records the update. Returns its id (null: not published). */
export async function recordCourseUpdate(tx: Tx, courseId: number, newLessons: number, now = new Date()): Promise<number | null> {
  if (newLessons <= 0) return null;
  const [course] = await tx.select({ status: courses.status }).from(courses).where(eq(courses.id, courseId));
  if (course?.status !== "published") return null;
  const [row] = await tx.insert(courseUpdates).values({ courseId, newLessons, createdAt: now }).$returningId();
  return row!.id;
}

/** After that commit: queues the first batch. Safe to call twice (the job id is the update's and the cursor's). */
export async function startFanout(updateId: number, cursor = 0): Promise<void> {
  await queue(QUEUES.fanout).add("course-update", { updateId }, { jobId: `course-update-${updateId}-${cursor}` });
}

/**
 * One page of followers after `after`, ascending: the course's own and those of published paths with it.
 * DISTINCT in the paths' half: a learner following two paths with the course is one row, or a page of 500
 * rows could hold 250 learners and look like the last page.
 */
async function followersPage(tx: Tx, courseId: number, after: number, limit: number): Promise<number[]> {
  const [rows] = (await tx.execute(sql`
    SELECT user_id FROM (
      (SELECT f.user_id FROM follows f
        WHERE f.target_type = 'course' AND f.target_id = ${courseId} AND f.user_id > ${after}
        ORDER BY f.user_id LIMIT ${limit})
      UNION
      (SELECT DISTINCT f.user_id FROM learning_path_courses pc
        JOIN learning_paths p ON p.id = pc.path_id AND p.status = 'published'
        JOIN follows f ON f.target_type = 'path' AND f.target_id = pc.path_id AND f.user_id > ${after}
        WHERE pc.course_id = ${courseId}
        ORDER BY f.user_id LIMIT ${limit})
    ) followers ORDER BY user_id LIMIT ${limit}`)) as unknown as Rows<{ user_id: number | string }>;
  return rows.map((r) => Number(r.user_id));
}

export interface BatchResult {
  done: boolean;
  /** Learners told in this batch (already-told ones are not counted). */
  notified: number;
  cursor: number;
}

/** Runs the next batch of an update's fan-out (the cursor is in MySQL). */
export async function runFanoutBatch(updateId: number, batch = FANOUT_BATCH, now = new Date()): Promise<BatchResult> {
  const outcome = await db().transaction(async (tx): Promise<BatchResult & { deliver?: Delivery }> => {
    const [update] = await tx.select().from(courseUpdates).where(eq(courseUpdates.id, updateId)).for("update");
    if (!update) return { done: true, notified: 0, cursor: 0 };
    if (update.doneAt) return { done: true, notified: 0, cursor: update.cursorUserId };
    const [course] = await tx.select({ slug: courses.slug, title: courses.title, status: courses.status }).from(courses).where(eq(courses.id, update.courseId));
    const page = course?.status === "published" ? await followersPage(tx, update.courseId, update.cursorUserId, batch) : [];
    const last = page.at(-1) ?? update.cursorUserId;
    const done = page.length < batch;
    let notified = 0;
    let deliver: Delivery | undefined;
    if (page.length > 0 && course) {
      const data = { courseId: update.courseId, slug: course.slug, title: course.title, newLessons: update.newLessons };
      ({ stored: notified, deliver } = await storeMany(tx, page, "course.updated", data, `course.updated:${update.id}`, now));
    }
    await tx
      .update(courseUpdates)
      .set({ cursorUserId: last, notified: sql`${courseUpdates.notified} + ${notified}`, batches: sql`${courseUpdates.batches} + 1`, doneAt: done ? now : null })
      .where(and(eq(courseUpdates.id, update.id)));
    return { done, notified, cursor: last, deliver };
  });
  await outcome.deliver?.();
  return { done: outcome.done, notified: outcome.notified, cursor: outcome.cursor };
}

/** The job: one batch, then the next batch's job. */
export async function runFanoutJob(updateId: number): Promise<BatchResult> {
  const result = await runFanoutBatch(updateId);
  if (!result.done) await startFanout(updateId, result.cursor);
  else log.info({ updateId }, "course update fan-out finished");
  return result;
}

/** Updates whose fan-out never started or stalled (the queue lost its job): queued again by the sweep. */
export async function resumeStalledFanouts(olderThanMs = 10 * 60_000, now = new Date()): Promise<number> {
  const stale = await db()
    .select({ id: courseUpdates.id, cursor: courseUpdates.cursorUserId })
    .from(courseUpdates)
    .where(and(sql`${courseUpdates.doneAt} IS NULL`, sql`${courseUpdates.createdAt} < ${new Date(now.getTime() - olderThanMs)}`))
    .limit(100);
  for (const update of stale) await startFanout(update.id, update.cursor);
  return stale.length;
}
