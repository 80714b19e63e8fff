// Learning paths and follows through the real server actions, as a course admin and as learners, against the
// test MariaDB, Redis and BullMQ: composing a path (validation, audit), following (only what is published,
// twice is once), and a syllabus save that adds lessons to a published course queuing one fan-out, while a
// draft course's or a reorder's does not.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/test/request-context"));
vi.mock("next/cache", () => import("@/test/request-context"));
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  redirect: (url: string) => {
    throw Object.assign(new Error(`redirect ${url}`), { url });
  },
}));

import { db } from "@/db";
import { auditLog, categories, courses, courseUpdates, follows, teachers } from "@/db/schema";
import * as courseActions from "@/lib/catalogue/admin-course-actions";
import { closeQueues, QUEUES, queue } from "@/lib/jobs/queues";
import { signInAs } from "@/test/request-context";
import { createTestUser } from "@/test/users";
import { followAction } from "./actions";
import { savePathAction, type PathFormState } from "./admin-actions";
import { listFollows } from "./follows";
import { publishedPath } from "./paths";

const run = randomUUID().slice(0, 8);
let admin: number;
let learner: number;
let published: { id: number; slug: string }[];

beforeAll(async () => {
  admin = await createTestUser(["course_admin"], "路径管理员");
  learner = await createTestUser([], "关注者");
  published = await db().select({ id: courses.id, slug: courses.slug }).from(courses).where(eq(courses.status, "published")).orderBy(courses.id).limit(2);
});
afterAll(async () => closeQueues());

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const initial: PathFormState = { ok: null, errors: {} };

async function createPath(slug: string, status = "published"): Promise<number> {
  await signInAs(admin);
  try {
    await savePathAction(initial, form({ title: "从零到全栈", slug, summary: "一条路径", status, courses: `${published[1]!.slug}\n${published[0]!.slug}` }));
  } catch (error) {
    const url = (error as { url?: string }).url;
    if (url) return Number(url.split("/").pop());
    throw error;
  }
  throw new Error("expected a redirect to the new path");
}

describe("composing learning paths", () => {
  it("saves the courses in order with an audit row, and refuses bad input field by field", async () => {
    const slug = `path-${run}`;
    const id = await createPath(slug);
    const path = await publishedPath(slug);
    expect(path?.courses.map((c) => c.id)).toEqual([published[1]!.id, published[0]!.id]);
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.targetType, "learning_path"), eq(auditLog.targetId, String(id))));
    expect(audit?.action).toBe("ACTION paths.save");

    expect(await savePathAction(initial, form({ title: "x", slug: "Not A Slug", summary: "", status: "draft", courses: "" }))).toMatchObject({ ok: false, errors: { slug: "slug" } });
    expect(await savePathAction(initial, form({ title: "x", slug: `other-${run}`, summary: "", status: "draft", courses: "no-such-course" }))).toMatchObject({ ok: false, unknownSlugs: ["no-such-course"] });
    expect(await savePathAction(initial, form({ title: "x", slug, summary: "", status: "draft", courses: "" }))).toMatchObject({ ok: false, error: "slug_taken" });
    // A learner may not compose paths.
    await signInAs(learner);
    await expect(savePathAction(initial, form({ title: "x", slug: `mine-${run}`, summary: "", status: "draft", courses: "" }))).rejects.toThrow();
  });
});

describe("following", () => {
  it("follows a published path and a course once each, refuses a draft path, and unfollows", async () => {
    const pathId = await createPath(`follow-${run}`);
    const draftId = await createPath(`draft-${run}`, "draft");
    await signInAs(learner);
    const follow = (type: string, id: number, on = "1") => followAction(form({ type, id: String(id), follow: on, back: "/account/following" }));
    await follow("path", pathId);
    await follow("path", pathId);
    await follow("course", published[0]!.id);
    await follow("path", draftId);
    const mine = await listFollows(learner);
    expect(mine.map((f) => [f.type, f.id]).sort()).toEqual([
      ["course", published[0]!.id],
      ["path", pathId],
    ]);
    await follow("course", published[0]!.id, "0");
    expect((await listFollows(learner)).map((f) => f.type)).toEqual(["path"]);
    const rows = await db().select().from(follows).where(eq(follows.userId, learner));
    expect(rows).toHaveLength(1);
  });
});

describe("a syllabus that gains lessons", () => {
  it("records one update and queues its fan-out for a published course; not for a draft or a reorder", async () => {
    await signInAs(admin);
    const [[category], [teacher]] = await Promise.all([db().select({ id: categories.id }).from(categories).limit(1), db().select({ id: teachers.id }).from(teachers).limit(1)]);
    const made = await courseActions.createCourse({
      slug: `updates-${run}`,
      title: "更新通知",
      subtitle: "",
      description: "<p>x</p>",
      priceFen: 100,
      level: "beginner",
      language: "zh-CN",
      status: "draft",
      categoryId: category!.id,
      teacherId: teacher!.id,
      tags: [],
    });
    if (!made.ok || !made.course) throw new Error(JSON.stringify(made));
    const courseId = made.course.id;
    const updates = () => db().select().from(courseUpdates).where(eq(courseUpdates.courseId, courseId));

    // Draft: lessons added, nobody told.
    const first = await courseActions.saveSyllabus({ courseId, chapters: [{ title: "一", lessons: [{ title: "1.1", kind: "article" }] }] });
    if (!first.ok || !first.course) throw new Error(JSON.stringify(first));
    expect(await updates()).toHaveLength(0);

    await courseActions.publishCourse(courseId);
    const chapter = first.course.chapters[0]!;
    // Published: two new lessons make one update of two lessons.
    await courseActions.saveSyllabus({ courseId, chapters: [{ id: chapter.id, title: "一", lessons: [{ ...chapter.lessons[0]! }, { title: "1.2", kind: "article" }, { title: "1.3", kind: "video" }] }] });
    const [update] = await updates();
    expect(update).toMatchObject({ newLessons: 2 });
    expect(await queue(QUEUES.fanout).getJob(`course-update-${update!.id}-0`)).toBeTruthy();

    // Renaming without adding: no update.
    const again = await courseActions.saveSyllabus({ courseId, chapters: [{ id: chapter.id, title: "第一章", lessons: [{ ...chapter.lessons[0]! }] }] });
    expect(again.ok).toBe(true);
    expect(await updates()).toHaveLength(1);
  });
});
