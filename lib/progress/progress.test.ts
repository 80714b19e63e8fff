// Progress and points against the real MariaDB and Redis: a completion that arrives again and again, or many
// times at once, awards its points once and moves the leaderboard once; the API refuses what it should.
import { randomUUID } from "node:crypto";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { courses, enrolments, lessons, pointsLedger, users } from "@/db/schema";
import { signToken } from "@/lib/auth/jwt";
import { registerSession } from "@/lib/auth/session-registry";
import { readBoard } from "@/lib/leaderboards/store";
import { signInAs, signOutOfRequest } from "@/test/request-context";
import { GET, PUT } from "@/app/api/v1/me/progress/[lessonId]/route";
import { COURSE_POINTS, LESSON_POINTS } from "./points";
import { enrolledCourses } from "./queries";
import { recordProgress } from "./record";

vi.mock("next/headers", () => import("@/test/request-context"));
vi.mock("next/cache", () => import("@/test/request-context"));

const created: number[] = [];
let course: { id: number; lessonIds: number[] };
let otherCourse: { id: number; lessonIds: number[] };

async function learner(enrolIn: number[] = []): Promise<number> {
  const [row] = await db().insert(users).values({ name: "进度测试", email: `progress-${randomUUID()}@example.com` }).$returningId();
  const id = Number(row!.id);
  created.push(id);
  if (enrolIn.length) await db().insert(enrolments).values(enrolIn.map((courseId) => ({ userId: id, courseId, source: "grant" as const })));
  return id;
}

/** The published courses with the fewest lessons (at least two), so completing a whole course is quick. */
async function smallCourses() {
  const rows = await db()
    .select({ id: courses.id, n: sql<number>`COUNT(${lessons.id})` })
    .from(courses)
    .innerJoin(lessons, eq(lessons.courseId, courses.id))
    .where(eq(courses.status, "published"))
    .groupBy(courses.id)
    .having(sql`COUNT(${lessons.id}) >= 2`)
    .orderBy(sql`COUNT(${lessons.id})`, asc(courses.id))
    .limit(2);
  const withLessons = async (id: number) => ({ id, lessonIds: (await db().select({ id: lessons.id }).from(lessons).where(eq(lessons.courseId, id))).map((l) => l.id) });
  return Promise.all(rows.map((r) => withLessons(r.id)));
}

const ledger = (userId: number) => db().select().from(pointsLedger).where(eq(pointsLedger.userId, userId));

function put(lessonId: number | string, body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) {
  const request = new Request(`http://localhost/api/v1/me/progress/${lessonId}`, { method: "PUT", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
  return PUT(request, { params: Promise.resolve({ lessonId: String(lessonId) }) });
}

beforeAll(async () => {
  [course, otherCourse] = (await smallCourses()) as [typeof course, typeof otherCourse];
  signOutOfRequest();
});

afterAll(async () => {
  signOutOfRequest();
  if (created.length) await db().delete(users).where(inArray(users.id, created));
});

describe("recordProgress", () => {
  it("refuses learners who are not enrolled and lessons that do not exist", async () => {
    const userId = await learner();
    expect(await recordProgress(userId, course.lessonIds[0]!, { completed: true })).toEqual({ ok: false, error: "not_enrolled" });
    expect(await recordProgress(userId, 9_999_999_999, { percent: 10 })).toEqual({ ok: false, error: "not_found" });
    expect(await ledger(userId)).toHaveLength(0);
  });

  it("keeps the position, never lowers the percent, and completes only when told", async () => {
    const userId = await learner([course.id]);
    const lessonId = course.lessonIds[0]!;
    const first = await recordProgress(userId, lessonId, { position_seconds: 120, percent: 40 });
    expect(first.ok && first.progress).toMatchObject({ positionSeconds: 120, percent: 40, completedAt: null, pointsAwarded: 0 });
    const rewound = await recordProgress(userId, lessonId, { position_seconds: 30, percent: 10 });
    expect(rewound.ok && rewound.progress).toMatchObject({ positionSeconds: 30, percent: 40, completedAt: null });
    const read = await recordProgress(userId, lessonId, { percent: 100 });
    expect(read.ok && read.progress).toMatchObject({ percent: 100, completedAt: null, pointsAwarded: 0 });
    const done = await recordProgress(userId, lessonId, { completed: true });
    expect(done.ok && done.progress).toMatchObject({ positionSeconds: 30, percent: 100, pointsAwarded: LESSON_POINTS });
    expect(done.ok && done.progress.completedAt).toBeInstanceOf(Date);
    expect(done.ok && done.progress.course).toMatchObject({ completedLessons: 1, totalLessons: course.lessonIds.length });
  });

  it("awards a completion once however often, and however concurrently, it arrives", async () => {
    const userId = await learner([course.id]);
    const lessonId = course.lessonIds[0]!;
    const results = await Promise.all(Array.from({ length: 6 }, () => recordProgress(userId, lessonId, { completed: true })));
    const again = await recordProgress(userId, lessonId, { completed: true });
    const awarded = [...results, again].map((r) => (r.ok ? r.progress.pointsAwarded : -1));
    expect(awarded.filter((p) => p === LESSON_POINTS)).toHaveLength(1);
    expect(awarded.filter((p) => p === 0)).toHaveLength(6);
    expect(await ledger(userId)).toHaveLength(1);
    const { me } = await readBoard("points", "all", 1, userId);
    expect(me?.score).toBe(LESSON_POINTS);
    expect((await readBoard("points", "week", 1, userId)).me?.score).toBe(LESSON_POINTS);
  });

  it("awards the course once when its last lessons are completed at the same time", async () => {
    const userId = await learner([course.id]);
    const results = await Promise.all(course.lessonIds.flatMap((id) => [recordProgress(userId, id, { completed: true }), recordProgress(userId, id, { completed: true })]));
    const total = results.reduce((sum, r) => sum + (r.ok ? r.progress.pointsAwarded : 0), 0);
    expect(total).toBe(course.lessonIds.length * LESSON_POINTS + COURSE_POINTS);
    const rows = await ledger(userId);
    expect(rows.filter((r) => r.reason === "course_completed")).toHaveLength(1);
    expect((await readBoard("points", "all", 1, userId)).me?.score).toBe(total);
    const mine = await enrolledCourses(userId, { limit: 10 });
    expect(mine.items[0]).toMatchObject({ courseId: course.id, percent: 100, completedLessons: course.lessonIds.length });
  });
});

describe("enrolledCourses", () => {
  it("lists every enrolment, the latest activity first, with where to continue", async () => {
    const userId = await learner([course.id, otherCourse.id]);
    await recordProgress(userId, otherCourse.lessonIds[1]!, { position_seconds: 5 });
    const { items, total } = await enrolledCourses(userId, { limit: 10 });
    expect(total).toBe(2);
    expect(items.map((i) => i.courseId)).toEqual([otherCourse.id, course.id]);
    expect(items[0]).toMatchObject({ continueLessonId: otherCourse.lessonIds[1], percent: 0 });
    expect(items[1]?.continueLessonId).not.toBeNull();
    expect((await enrolledCourses(userId, { limit: 1, offset: 1 })).items.map((i) => i.courseId)).toEqual([course.id]);
  });
});

describe("PUT /api/v1/me/progress/{lessonId}", () => {
  it("needs a session or a token", async () => {
    signOutOfRequest();
    const res = await put(course.lessonIds[0]!, { percent: 5 });
    expect(res.status).toBe(401);
  });

  it("validates the body and the lesson, and refuses learners who are not enrolled", async () => {
    const userId = await learner([course.id]);
    await signInAs(userId);
    const lessonId = course.lessonIds[0]!;
    expect((await put(lessonId, { percent: 101 })).status).toBe(422);
    expect((await put(lessonId, { percent: 5, extra: 1 })).status).toBe(422);
    expect((await put(lessonId, {})).status).toBe(422);
    expect((await put(lessonId, { completed: false })).status).toBe(422);
    expect((await put(lessonId, "{not json")).status).toBe(400);
    expect((await put(lessonId, { percent: 5 }, { "content-type": "text/plain" })).status).toBe(415);
    expect((await put("abc", { percent: 5 })).status).toBe(404);
    expect((await put(9_999_999_999, { percent: 5 })).status).toBe(404);
    const notMine = await put(otherCourse.lessonIds[0]!, { percent: 5 });
    expect(notMine.status).toBe(403);
    expect(((await notMine.json()) as { error: { code: string } }).error.code).toBe("NOT_ENROLLED");
  });

  it("records progress for the signed-in learner and answers with the course's progress", async () => {
    const userId = await learner([course.id]);
    await signInAs(userId);
    const lessonId = course.lessonIds[0]!;
    const res = await put(lessonId, { position_seconds: 42, percent: 30 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ lesson_id: lessonId, position_seconds: 42, percent: 30, completed: false, points_awarded: 0, course: { id: course.id, percent: 0 } });
    const done = (await (await put(lessonId, { completed: true })).json()) as { points_awarded: number; course: { completed_lessons: number } };
    expect(done).toMatchObject({ points_awarded: LESSON_POINTS, course: { completed_lessons: 1 } });
    const read = await GET(new Request(`http://localhost/api/v1/me/progress/${lessonId}`), { params: Promise.resolve({ lessonId: String(lessonId) }) });
    expect(await read.json()).toEqual({ lesson_id: lessonId, position_seconds: 42, percent: 100, completed: true });
  });

  it("accepts a bearer token instead of the cookie", async () => {
    signOutOfRequest();
    const userId = await learner([course.id]);
    const session = await registerSession(userId, "api", { userAgent: "Vitest", ip: "203.0.113.7" }, 3600);
    const token = await signToken({ sub: String(userId), sid: session.sid, kind: "api" }, 3600);
    const res = await put(course.lessonIds[1]!, { percent: 50 }, { "content-type": "application/json", authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    const bad = await put(course.lessonIds[1]!, { percent: 50 }, { "content-type": "application/json", authorization: "Bearer not.a.token" });
    expect(bad.status).toBe(401);
    const rows = await db().execute(sql`SELECT percent FROM lesson_progress WHERE user_id = ${userId}`);
    expect((rows[0] as unknown as Array<{ percent: number }>).map((r) => Number(r.percent))).toEqual([50]);
  });
});
