// "Your live class starts in 15 minutes": sent once to every learner enrolled in the course, by the worker's
// minute job (maintenance:live-reminders). Once means once per learner however many workers run it and
// however often one restarts: each learner's reminder is claimed by inserting (lesson, learner) into
// live_reminders before notify() is called, and only the worker whose insert went in sends it. A session whose
// learners have all been handled is marked reminded, so later runs skip it; a run cut short leaves it
// unmarked, and the next run finishes the learners the claims do not cover.
import "server-only";
import { and, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { affectedRows } from "@/db/tx";
import { courses, lessons, liveSessions } from "@/db/schema";
import { currentLearnerIds } from "@/lib/enrolments/access";
import { logger } from "@/lib/log";
import { notify } from "@/lib/notifications";

const log = logger.child({ component: "live-reminders" });

export const REMIND_BEFORE_MS = 15 * 60 * 1000;
const BATCH = 500;

export async function sendLiveReminders(now = new Date()): Promise<{ sessions: number; sent: number }> {
  const due = await db()
    .select({ lessonId: liveSessions.lessonId, startsAt: liveSessions.startsAt, lessonTitle: lessons.title, courseId: courses.id, courseSlug: courses.slug, courseTitle: courses.title })
    .from(liveSessions)
    .innerJoin(lessons, eq(lessons.id, liveSessions.lessonId))
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .where(
      and(
        inArray(liveSessions.status, ["scheduled", "live"]),
        isNull(liveSessions.remindedAt),
        gt(liveSessions.startsAt, now),
        lte(liveSessions.startsAt, new Date(now.getTime() + REMIND_BEFORE_MS)),
        eq(lessons.kind, "live"),
        eq(courses.status, "published"),
      ),
    )
    .limit(100);
  let sent = 0;
  for (const session of due) {
    let after = 0;
    for (;;) {
      const learners = await currentLearnerIds(session.courseId, after, BATCH, now);
      if (learners.length === 0) break;
      after = learners.at(-1)!;
      for (const userId of learners) {
        const claimed = affectedRows(await db().execute(sql`INSERT IGNORE INTO live_reminders (lesson_id, user_id, created_at) VALUES (${session.lessonId}, ${userId}, ${now})`));
        if (claimed === 0) continue;
        await notify(userId, "live.starting", { lessonId: session.lessonId, lessonTitle: session.lessonTitle, courseTitle: session.courseTitle, startsAt: session.startsAt.toISOString() }, { key: `live.starting:${session.lessonId}:${session.startsAt.toISOString()}` });
        sent += 1;
      }
    }
    await db().update(liveSessions).set({ remindedAt: now }).where(and(eq(liveSessions.lessonId, session.lessonId), isNull(liveSessions.remindedAt)));
  }
  if (sent > 0) log.info({ sessions: due.length, sent }, "live class reminders sent");
  return { sessions: due.length, sent };
}
