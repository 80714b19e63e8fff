// Who may open which lesson, and joining free courses, against the test MariaDB and Redis: the join action as
// real signed-in users (only the framework's request context is stood in for).
import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { courses, enrolments, lessons, users } from "@/db/schema";
import { revalidated, signInAs, signOutOfRequest } from "@/test/request-context";
import { isEnrolled } from "./access";
import { joinFreeCourse } from "./join-actions";
import { canOpen, decideLessonAccess, lessonForViewer } from "./lesson-access";

vi.mock("next/headers", () => import("@/test/request-context"));
vi.mock("next/cache", () => import("@/test/request-context"));

const createdUsers: number[] = [];

async function createUser(): Promise<number> {
  const [row] = await db()
    .insert(users)
    .values({ name: "选课测试", email: `enrol-${randomUUID()}@example.com` })
    .$returningId();
  const id = Number(row!.id);
  createdUsers.push(id);
  return id;
}

/** A published course (free or paid) with at least one free preview and one locked lesson. */
async function publishedCourse(free: boolean) {
  const rows = await db()
    .select({ id: courses.id, slug: courses.slug, enrolmentCount: courses.enrolmentCount })
    .from(courses)
    .where(and(eq(courses.status, "published"), free ? eq(courses.priceFen, 0) : gt(courses.priceFen, 0)))
    .orderBy(asc(courses.id));
  for (const course of rows) {
    const ls = await db().select({ id: lessons.id, isFreePreview: lessons.isFreePreview }).from(lessons).where(eq(lessons.courseId, course.id));
    const preview = ls.find((l) => l.isFreePreview);
    const locked = ls.find((l) => !l.isFreePreview);
    if (preview && locked) return { ...course, previewId: preview.id, lockedId: locked.id };
  }
  throw new Error(`the seed has no ${free ? "free" : "paid"} published course with previews and locked lessons`);
}

async function draftCourse() {
  const [course] = await db().select({ id: courses.id, slug: courses.slug, priceFen: courses.priceFen }).from(courses).where(eq(courses.status, "draft")).limit(1);
  if (!course) throw new Error("the seed has no draft course");
  const [lesson] = await db().select({ id: lessons.id }).from(lessons).where(eq(lessons.courseId, course.id)).limit(1);
  return { ...course, lessonId: lesson?.id ?? 1 };
}

async function enrolmentRows(userId: number, courseId: number) {
  return db().select().from(enrolments).where(and(eq(enrolments.userId, userId), eq(enrolments.courseId, courseId)));
}

beforeAll(() => signOutOfRequest());

afterAll(async () => {
  if (createdUsers.length) await db().delete(users).where(inArray(users.id, createdUsers));
});

describe("decideLessonAccess", () => {
  it("opens free previews to everyone and other lessons to enrolled learners only", () => {
    expect(decideLessonAccess({ isFreePreview: true }, null)).toBe("preview");
    expect(decideLessonAccess({ isFreePreview: true }, { userId: 1, enrolled: false })).toBe("preview");
    expect(decideLessonAccess({ isFreePreview: false }, null)).toBe("sign_in");
    expect(decideLessonAccess({ isFreePreview: false }, { userId: 1, enrolled: false })).toBe("locked");
    expect(decideLessonAccess({ isFreePreview: false }, { userId: 1, enrolled: true })).toBe("enrolled");
    expect(["preview", "enrolled"].every((a) => canOpen(a as never))).toBe(true);
    expect(canOpen("locked") || canOpen("sign_in")).toBe(false);
  });
});

describe("lessonForViewer", () => {
  it("lets a visitor open a free preview but not a locked lesson", async () => {
    const course = await publishedCourse(false);
    expect((await lessonForViewer(course.slug, String(course.previewId), null))?.access).toBe("preview");
    expect((await lessonForViewer(course.slug, String(course.lockedId), null))?.access).toBe("sign_in");
  });

  it("keeps a locked lesson locked for a signed-in learner who is not enrolled, and opens it once enrolled", async () => {
    const course = await publishedCourse(false);
    const userId = await createUser();
    const before = await lessonForViewer(course.slug, course.lockedId, userId);
    expect(before?.access).toBe("locked");
    await db().insert(enrolments).values({ userId, courseId: course.id, source: "grant" });
    expect(await isEnrolled(userId, course.id)).toBe(true);
    const after = await lessonForViewer(course.slug, course.lockedId, userId);
    expect(after?.access).toBe("enrolled");
    // Another learner's enrolment opens nothing for this one.
    expect((await lessonForViewer(course.slug, course.lockedId, await createUser()))?.access).toBe("locked");
  });

  it("finds no lesson in a draft course, even for an enrolled learner", async () => {
    const draft = await draftCourse();
    const userId = await createUser();
    await db().insert(enrolments).values({ userId, courseId: draft.id, source: "grant" });
    expect(await lessonForViewer(draft.slug, draft.lessonId, userId)).toBeNull();
    expect(await lessonForViewer(draft.slug, draft.lessonId, null)).toBeNull();
  });

  it("finds nothing for a lesson of another course, or an impossible id", async () => {
    const paid = await publishedCourse(false);
    const free = await publishedCourse(true);
    expect(await lessonForViewer(paid.slug, free.previewId, null)).toBeNull();
    for (const bad of ["0", "-1", "abc", "1.5", "99999999999999999999", "012"]) expect(await lessonForViewer(paid.slug, bad, null), bad).toBeNull();
    expect(await lessonForViewer("no-such-course", paid.previewId, null)).toBeNull();
  });

  it("gives the previous and next lesson across chapters", async () => {
    const course = await publishedCourse(false);
    const view = await lessonForViewer(course.slug, course.previewId, null);
    const ordered = view!.course.chapters.flatMap((c) => c.lessons.map((l) => l.id));
    const i = ordered.indexOf(course.previewId);
    expect(view!.number).toBe(i + 1);
    expect(view!.previous?.id ?? null).toBe(ordered[i - 1] ?? null);
    expect(view!.next?.id ?? null).toBe(ordered[i + 1] ?? null);
  });
});

describe("joinFreeCourse", () => {
  it("refuses a visitor and writes nothing", async () => {
    const course = await publishedCourse(true);
    signOutOfRequest();
    const [{ n }] = (await db().select({ n: courses.enrolmentCount }).from(courses).where(eq(courses.id, course.id))) as [{ n: number }];
    expect(await joinFreeCourse(course.id)).toEqual({ ok: false, error: "sign_in_required" });
    const [{ n: after }] = (await db().select({ n: courses.enrolmentCount }).from(courses).where(eq(courses.id, course.id))) as [{ n: number }];
    expect(after).toBe(n);
  });

  it("enrols a signed-in learner in a free course once, however often they join", async () => {
    const course = await publishedCourse(true);
    const userId = await createUser();
    await signInAs(userId);
    const countOf = async () => (await db().select({ n: courses.enrolmentCount }).from(courses).where(eq(courses.id, course.id)))[0]!.n;
    const before = await countOf();
    expect(await joinFreeCourse(course.id)).toEqual({ ok: true, created: true });
    expect(await joinFreeCourse(String(course.id))).toEqual({ ok: true, created: false });
    const rows = await enrolmentRows(userId, course.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.source).toBe("free");
    expect(await countOf()).toBe(before + 1);
    expect(revalidated).toContain(`/courses/${course.slug}`);
    expect((await lessonForViewer(course.slug, course.lockedId, userId))?.access).toBe("enrolled");
    signOutOfRequest();
  });

  it("joins concurrently without a duplicate row or a double count", async () => {
    const course = await publishedCourse(true);
    const userId = await createUser();
    await signInAs(userId);
    const before = (await db().select({ n: courses.enrolmentCount }).from(courses).where(eq(courses.id, course.id)))[0]!.n;
    const results = await Promise.all([joinFreeCourse(course.id), joinFreeCourse(course.id), joinFreeCourse(course.id)]);
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
    expect(await enrolmentRows(userId, course.id)).toHaveLength(1);
    expect((await db().select({ n: courses.enrolmentCount }).from(courses).where(eq(courses.id, course.id)))[0]!.n).toBe(before + 1);
    signOutOfRequest();
  });

  it("refuses a paid course: it has to be bought", async () => {
    const course = await publishedCourse(false);
    const userId = await createUser();
    await signInAs(userId);
    expect(await joinFreeCourse(course.id)).toEqual({ ok: false, error: "not_free" });
    expect(await enrolmentRows(userId, course.id)).toHaveLength(0);
    signOutOfRequest();
  });

  it("refuses drafts, unknown and malformed course ids", async () => {
    const draft = await draftCourse();
    const userId = await createUser();
    await signInAs(userId);
    expect(await joinFreeCourse(draft.id)).toEqual({ ok: false, error: "not_found" });
    expect(await enrolmentRows(userId, draft.id)).toHaveLength(0);
    for (const bad of [0, -1, 999_999_999, "abc", null, 1.5]) expect(await joinFreeCourse(bad), String(bad)).toEqual({ ok: false, error: "not_found" });
    signOutOfRequest();
  });
});
