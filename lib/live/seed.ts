// The demo live class for `npm run dev`: one live lesson (of a course the demo learner holds when there is one,
// else of a free course, which the demo learner then joins as anyone may when `joinFree` is set, else of the
// first published course with a live lesson and a learner, whose address the seed prints), starting
// about 20 minutes after the seed runs (rescheduled on every start once the last one is over), so the countdown,
// the 15-minute reminder and the room can be tried at once. It plays the seed's own transcoded demo clip
// (media:demo-bars-v1), which works offline. Only the seed calls this.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { courses, enrolments, lessons, liveReminders, liveSessions, users } from "@/db/schema";
import { countNewEnrolments } from "@/lib/enrolments/counts";
import { grantEnrolments } from "@/lib/enrolments/grants";

export const DEMO_STREAM = "media:demo-bars-v1";
const STARTS_IN_MS = 20 * 60 * 1000;
const PLANNED_MINUTES = 45;

export async function ensureDemoLiveLesson(
  db: Database,
  demoLearnerEmail: string,
  now: Date,
  opts: { joinFree?: boolean } = {},
): Promise<{ lessonId: number; learnerEmail: string | null } | null> {
  // The demo learner's own course first, then a free course, then the lowest lesson id.
  const [lesson] = await db
    .select({ id: lessons.id, email: users.email, courseId: courses.id, free: sql<number>`${courses.priceFen} = 0` })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .innerJoin(enrolments, eq(enrolments.courseId, courses.id))
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(and(eq(lessons.kind, "live"), eq(courses.status, "published")))
    .orderBy(sql`${users.email} = ${demoLearnerEmail} DESC`, sql`${courses.priceFen} = 0 DESC`, lessons.id, users.id)
    .limit(1);
  if (!lesson) return null;
  const found = { lessonId: lesson.id, learnerEmail: lesson.email };
  if (lesson.email !== demoLearnerEmail && Number(lesson.free) === 1 && opts.joinFree) {
    const [demo] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoLearnerEmail)).limit(1);
    if (demo) {
      const granted = await db.transaction((tx) => grantEnrolments(tx, { userId: demo.id, courseIds: [lesson.courseId], source: "free" }));
      await countNewEnrolments(granted, now);
      found.learnerEmail = demoLearnerEmail;
    }
  }
  const [existing] = await db.select({ startsAt: liveSessions.startsAt, plannedMinutes: liveSessions.plannedMinutes, status: liveSessions.status }).from(liveSessions).where(eq(liveSessions.lessonId, lesson.id)).limit(1);
  const over = !existing || existing.status === "cancelled" || existing.status === "ended" || existing.startsAt.getTime() + existing.plannedMinutes * 60_000 < now.getTime();
  if (!over) return found;
  const startsAt = new Date(now.getTime() + STARTS_IN_MS);
  await db.transaction(async (tx) => {
    await tx
      .insert(liveSessions)
      .values({ lessonId: lesson.id, startsAt, plannedMinutes: PLANNED_MINUTES, streamUrl: DEMO_STREAM, recordingUrl: DEMO_STREAM, status: "scheduled" })
      .onDuplicateKeyUpdate({ set: { startsAt, status: "scheduled", remindedAt: null, updatedAt: sql`VALUES(updated_at)` } });
    await tx.delete(liveReminders).where(eq(liveReminders.lessonId, lesson.id));
    await tx.update(lessons).set({ durationSeconds: PLANNED_MINUTES * 60 }).where(eq(lessons.id, lesson.id));
  });
  return found;
}
