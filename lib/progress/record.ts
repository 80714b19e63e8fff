// Recording a learner's progress in a lesson, and the points a completion earns. Only learners enrolled in the
// course record progress (a free preview read by a visitor leaves no trace). A learner's writes for one
// course are serialised by locking their enrolment row, so a completion event that arrives twice, or two
// lessons completed at once, award each lesson and the course exactly once; the ledger's unique key backs
// that up. The leaderboards move only for an award that was actually inserted, after the commit.
import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db";
import { affectedRows, type Rows } from "@/db/tx";
import { lockEnrolment } from "@/lib/enrolments/access";
import { addPoints } from "@/lib/leaderboards/store";
import { COURSE_POINTS, LESSON_POINTS } from "./points";
import type { ProgressInput } from "./schemas";

export interface LessonProgressState {
  lessonId: number;
  positionSeconds: number;
  percent: number;
  completedAt: Date | null;
  pointsAwarded: number;
  course: { id: number; percent: number; completedLessons: number; totalLessons: number };
}

export type RecordResult = { ok: true; progress: LessonProgressState } | { ok: false; error: "not_found" | "not_enrolled" };

export const coursePercent = (completed: number, total: number) => (total > 0 ? Math.min(100, Math.floor((completed * 100) / total)) : 0);

export async function recordProgress(userId: number, lessonId: number, input: ProgressInput, now: Date = new Date()): Promise<RecordResult> {
  const [found] = (await db().execute(
    sql`SELECT l.course_id AS courseId FROM lessons l JOIN courses c ON c.id = l.course_id AND c.status = 'published' WHERE l.id = ${lessonId}`,
  )) as unknown as Rows<{ courseId: string | number }>;
  if (!found[0]) return { ok: false, error: "not_found" };
  const courseId = Number(found[0].courseId);

  // Completion is explicit (the learner's button, a video that played to its end): reading to the bottom of a
  // short page or seeking to the end is progress, not completion.
  const completes = input.completed === true;
  const percent = completes ? 100 : (input.percent ?? 0);
  const position = input.position_seconds;

  const outcome = await db().transaction(async (tx) => {
    if (!(await lockEnrolment(tx, userId, courseId))) return null;

    await tx.execute(sql`
      INSERT INTO lesson_progress (user_id, lesson_id, course_id, position_seconds, percent, completed_at, created_at, updated_at)
      VALUES (${userId}, ${lessonId}, ${courseId}, ${position ?? 0}, ${percent}, ${completes ? now : null}, ${now}, ${now})
      ON DUPLICATE KEY UPDATE
        position_seconds = ${position === undefined ? sql`position_seconds` : sql`VALUES(position_seconds)`},
        percent = GREATEST(percent, VALUES(percent)),
        completed_at = COALESCE(completed_at, VALUES(completed_at)),
        updated_at = VALUES(updated_at)`);
    const [rows] = (await tx.execute(
      sql`SELECT position_seconds AS positionSeconds, percent, completed_at AS completedAt FROM lesson_progress WHERE user_id = ${userId} AND lesson_id = ${lessonId}`,
    )) as unknown as Rows<{ positionSeconds: number; percent: number; completedAt: Date | null }>;
    const row = rows[0]!;

    let pointsAwarded = 0;
    if (row.completedAt) {
      const lesson = await tx.execute(
        sql`INSERT IGNORE INTO points_ledger (user_id, reason, ref_id, points, created_at) VALUES (${userId}, 'lesson_completed', ${lessonId}, ${LESSON_POINTS}, ${now})`,
      );
      if (affectedRows(lesson) === 1) pointsAwarded += LESSON_POINTS;
    }

    const [counts] = (await tx.execute(sql`
      SELECT (SELECT COUNT(*) FROM lessons WHERE course_id = ${courseId}) AS total,
             (SELECT COUNT(*) FROM lesson_progress WHERE user_id = ${userId} AND course_id = ${courseId} AND completed_at IS NOT NULL) AS done`)) as unknown as Rows<{
      total: string | number;
      done: string | number;
    }>;
    const total = Number(counts[0]?.total ?? 0);
    const done = Number(counts[0]?.done ?? 0);
    if (row.completedAt && total > 0 && done >= total) {
      const course = await tx.execute(
        sql`INSERT IGNORE INTO points_ledger (user_id, reason, ref_id, points, created_at) VALUES (${userId}, 'course_completed', ${courseId}, ${COURSE_POINTS}, ${now})`,
      );
      if (affectedRows(course) === 1) pointsAwarded += COURSE_POINTS;
    }
    return { row, pointsAwarded, total, done };
  });
  if (!outcome) return { ok: false, error: "not_enrolled" };

  if (outcome.pointsAwarded > 0) await addPoints(userId, outcome.pointsAwarded, now);
  return {
    ok: true,
    progress: {
      lessonId,
      positionSeconds: Number(outcome.row.positionSeconds),
      percent: Number(outcome.row.percent),
      completedAt: outcome.row.completedAt ? new Date(outcome.row.completedAt) : null,
      pointsAwarded: outcome.pointsAwarded,
      course: { id: courseId, percent: coursePercent(outcome.done, outcome.total), completedLessons: outcome.done, totalLessons: outcome.total },
    },
  };
}
