// Reads of a learner's progress: one lesson, one course, and their enrolments with progress for "My courses"
// and the home page's "continue learning". Always straight from MySQL (never cached): an enrolment created by
// a payment a moment ago must show at once.
import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db";
import type { Rows } from "@/db/tx";
import { coursePercent } from "./record";

export interface OwnLessonProgress {
  positionSeconds: number;
  percent: number;
  completed: boolean;
}

export async function lessonProgressOf(userId: number, lessonId: number): Promise<OwnLessonProgress | null> {
  const [rows] = (await db().execute(
    sql`SELECT position_seconds AS positionSeconds, percent, completed_at AS completedAt FROM lesson_progress WHERE user_id = ${userId} AND lesson_id = ${lessonId}`,
  )) as unknown as Rows<{ positionSeconds: number; percent: number; completedAt: Date | null }>;
  const row = rows[0];
  return row ? { positionSeconds: Number(row.positionSeconds), percent: Number(row.percent), completed: row.completedAt !== null } : null;
}

export async function courseProgressOf(userId: number, courseId: number): Promise<{ completedLessons: number; totalLessons: number; percent: number; completedLessonIds: number[] }> {
  const [rows] = (await db().execute(
    sql`SELECT lesson_id AS lessonId FROM lesson_progress WHERE user_id = ${userId} AND course_id = ${courseId} AND completed_at IS NOT NULL`,
  )) as unknown as Rows<{ lessonId: string | number }>;
  const [counts] = (await db().execute(sql`SELECT COUNT(*) AS n FROM lessons WHERE course_id = ${courseId}`)) as unknown as Rows<{ n: string | number }>;
  const total = Number(counts[0]?.n ?? 0);
  return { completedLessons: rows.length, totalLessons: total, percent: coursePercent(rows.length, total), completedLessonIds: rows.map((r) => Number(r.lessonId)) };
}

export interface EnrolledCourse {
  courseId: number;
  slug: string;
  title: string;
  coverUrl: string | null;
  /** Only published courses can be opened. */
  available: boolean;
  enrolledAt: Date;
  lastActivityAt: Date | null;
  completedLessons: number;
  totalLessons: number;
  percent: number;
  /** The lesson to go on with: the one last opened if unfinished, else the first unfinished, else the first. */
  continueLessonId: number | null;
}

interface EnrolmentRow {
  courseId: string | number;
  slug: string;
  title: string;
  coverUrl: string | null;
  status: string;
  enrolledAt: Date;
  lastActivityAt: Date | null;
}

/**
 * The learner's enrolments, most recently active first (activity = the latest progress, or the enrolment
 * itself), with progress and where to continue. `unfinishedOnly` leaves out completed courses.
 */
export async function enrolledCourses(userId: number, opts: { limit: number; offset?: number; unfinishedOnly?: boolean }): Promise<{ items: EnrolledCourse[]; total: number }> {
  const unfinished = opts.unfinishedOnly
    ? sql`AND (SELECT COUNT(*) FROM lesson_progress p WHERE p.user_id = e.user_id AND p.course_id = e.course_id AND p.completed_at IS NOT NULL)
            < (SELECT COUNT(*) FROM lessons l WHERE l.course_id = e.course_id)`
    : sql``;
  const [[rows], [totals]] = (await Promise.all([
    db().execute(sql`
      SELECT * FROM (
        SELECT e.id AS enrolmentId, e.course_id AS courseId, c.slug, c.title, c.cover_url AS coverUrl, c.status, e.created_at AS enrolledAt,
               (SELECT MAX(p.updated_at) FROM lesson_progress p WHERE p.user_id = e.user_id AND p.course_id = e.course_id) AS lastActivityAt
        FROM enrolments e JOIN courses c ON c.id = e.course_id
        WHERE e.user_id = ${userId} ${unfinished}
      ) t
      ORDER BY COALESCE(t.lastActivityAt, t.enrolledAt) DESC, t.enrolmentId DESC
      LIMIT ${opts.limit} OFFSET ${opts.offset ?? 0}`),
    db().execute(sql`SELECT COUNT(*) AS n FROM enrolments e WHERE e.user_id = ${userId} ${unfinished}`),
  ])) as unknown as [Rows<EnrolmentRow>, Rows<{ n: string | number }>];
  const total = Number(totals[0]?.n ?? 0);
  if (rows.length === 0) return { items: [], total };

  const courseIds = rows.map((r) => Number(r.courseId));
  // Every lesson of these courses in syllabus order, with this learner's progress on it.
  const [lessonRows] = (await db().execute(sql`
    SELECT l.id, l.course_id AS courseId, p.completed_at AS completedAt, p.updated_at AS touchedAt
    FROM lessons l JOIN chapters ch ON ch.id = l.chapter_id
    LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.user_id = ${userId}
    WHERE l.course_id IN (${sql.join(courseIds.map((id) => sql`${id}`), sql`, `)})
    ORDER BY l.course_id, ch.position, ch.id, l.position, l.id`)) as unknown as Rows<{ id: string | number; courseId: string | number; completedAt: Date | null; touchedAt: Date | null }>;
  const byCourse = new Map<number, typeof lessonRows>();
  for (const lesson of lessonRows) {
    const list = byCourse.get(Number(lesson.courseId)) ?? [];
    list.push(lesson);
    byCourse.set(Number(lesson.courseId), list);
  }

  const items = rows.map((row): EnrolledCourse => {
    const lessons = byCourse.get(Number(row.courseId)) ?? [];
    const done = lessons.filter((l) => l.completedAt !== null).length;
    const last = lessons.filter((l) => l.touchedAt !== null).sort((a, b) => new Date(b.touchedAt!).getTime() - new Date(a.touchedAt!).getTime())[0];
    const next = last && last.completedAt === null ? last : (lessons.find((l) => l.completedAt === null) ?? lessons[0]);
    return {
      courseId: Number(row.courseId),
      slug: row.slug,
      title: row.title,
      coverUrl: row.coverUrl,
      available: row.status === "published",
      enrolledAt: new Date(row.enrolledAt),
      lastActivityAt: row.lastActivityAt ? new Date(row.lastActivityAt) : null,
      completedLessons: done,
      totalLessons: lessons.length,
      percent: coursePercent(done, lessons.length),
      continueLessonId: next ? Number(next.id) : null,
    };
  });
  return { items, total };
}
