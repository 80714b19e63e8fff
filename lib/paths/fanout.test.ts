// The course-update fan-out against the real MariaDB, Redis and BullMQ: 3,000 followers (of the course, of two
// paths containing it, many of both), a worker process killed with SIGKILL in the middle of the fan-out, a
// new worker that picks the job up, and every follower told exactly once, nobody else told at all.
import { spawn } from "node:child_process";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { and, count, countDistinct, eq, inArray, like } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { categories, courses, courseUpdates, follows, learningPathCourses, learningPaths, notifications, teachers, users } from "@/db/schema";
import { closeQueues } from "@/lib/jobs/queues";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { FANOUT_BATCH, recordCourseUpdate, runFanoutBatch, startFanout } from "./fanout";

const FOLLOWERS = 3_000;
let worker: RunningWorker | undefined;

afterAll(async () => {
  await worker?.close();
  await closeQueues();
});

async function makeCourse(tag: string): Promise<number> {
  const [[category], [teacher]] = await Promise.all([db().select({ id: categories.id }).from(categories).limit(1), db().select({ id: teachers.id }).from(teachers).limit(1)]);
  const [row] = await db()
    .insert(courses)
    .values({ slug: `fanout-${tag}`, title: `Fan-out ${tag}`, description: "<p>x</p>", priceFen: 100, level: "beginner", language: "zh-CN", status: "published", categoryId: category!.id, teacherId: teacher!.id, tags: [], publishedAt: new Date() })
    .$returningId();
  return row!.id;
}

async function makeUsers(n: number, tag: string): Promise<number[]> {
  for (let i = 0; i < n; i += 1000) {
    await db()
      .insert(users)
      .values(Array.from({ length: Math.min(1000, n - i) }, (_, j) => ({ email: `fanout-${tag}-${i + j}@example.com`, name: `F${i + j}` })));
  }
  const rows = await db().select({ id: users.id }).from(users).where(like(users.email, `fanout-${tag}-%`)).orderBy(users.id);
  return rows.map((r) => r.id);
}

async function makePath(tag: string, courseIds: number[]): Promise<number> {
  const [row] = await db().insert(learningPaths).values({ slug: `fanout-${tag}`, title: `Path ${tag}`, summary: "", status: "published" }).$returningId();
  await db()
    .insert(learningPathCourses)
    .values(courseIds.map((courseId, i) => ({ pathId: row!.id, courseId, position: i + 1 })));
  return row!.id;
}

async function followAll(userIds: number[], targetType: "course" | "path", targetId: number): Promise<void> {
  for (let i = 0; i < userIds.length; i += 1000) await db().insert(follows).values(userIds.slice(i, i + 1000).map((userId) => ({ userId, targetType, targetId })));
}

const progress = async (updateId: number) => (await db().select().from(courseUpdates).where(eq(courseUpdates.id, updateId)))[0]!;

async function waitFor<T>(what: string, probe: () => Promise<T | null | false>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("telling a course's followers about new lessons", () => {
  it("tells 3,000 followers exactly once each, across a worker killed mid-fan-out and a new one resuming", { timeout: 180_000 }, async () => {
    const tag = randomUUID().slice(0, 8);
    const [course, otherCourse] = [await makeCourse(tag), await makeCourse(`${tag}-other`)];
    const people = await makeUsers(FOLLOWERS + 100, tag);
    const followers = people.slice(0, FOLLOWERS);
    const bystanders = people.slice(FOLLOWERS);
    const [pathA, pathB, unrelated] = [await makePath(`${tag}-a`, [otherCourse, course]), await makePath(`${tag}-b`, [course]), await makePath(`${tag}-c`, [otherCourse])];
    // Course followers 0..1999, path A 1500..2999, path B 2500..2999: many follow it two or three ways.
    await followAll(followers.slice(0, 2000), "course", course);
    await followAll(followers.slice(1500), "path", pathA);
    await followAll(followers.slice(2500), "path", pathB);
    // Followers of something else only.
    await followAll(bystanders, "course", otherCourse);
    await followAll(bystanders, "path", unrelated);

    const updateId = (await db().transaction((tx) => recordCourseUpdate(tx, course, 2)))!;
    expect(updateId).toBeGreaterThan(0);

    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.resolve(__dirname, "../../test/fanout-worker-child.ts")], {
      env: { ...process.env, FANOUT_CHILD_DELAY_MS: "400", LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (d: Buffer) => String(d).includes("ready") && resolve());
      child.once("exit", (code) => reject(new Error(`the worker process exited early (${code})`)));
    });
    await startFanout(updateId);
    await startFanout(updateId); // queued twice: still one fan-out
    await waitFor("two batches in the first worker", async () => (await progress(updateId)).batches >= 2, 60_000);
    child.kill("SIGKILL");
    await exited;
    const halfway = await progress(updateId);
    expect(halfway.doneAt).toBeNull();
    expect(halfway.notified).toBeGreaterThan(0);
    expect(halfway.notified).toBeLessThan(FOLLOWERS);

    // A new worker: the killed one's job lock lapses, BullMQ hands the job over, the fan-out resumes from MySQL.
    worker = await startWorker({ schedule: false, queues: ["fanout"], lockDurationMs: 2_000 });
    const done = await waitFor("the fan-out to finish", async () => {
      const row = await progress(updateId);
      return row.doneAt ? row : null;
    }, 120_000);
    expect(done.notified).toBe(FOLLOWERS);
    expect(done.batches).toBeGreaterThanOrEqual(Math.ceil(FOLLOWERS / FANOUT_BATCH));

    const key = `course.updated:${updateId}`;
    const [told] = await db()
      .select({ rows: count(), learners: countDistinct(notifications.userId) })
      .from(notifications)
      .where(eq(notifications.dedupeKey, key));
    expect(told).toEqual({ rows: FOLLOWERS, learners: FOLLOWERS });
    const toldIds = new Set((await db().select({ userId: notifications.userId }).from(notifications).where(eq(notifications.dedupeKey, key))).map((r) => r.userId));
    expect(followers.every((id) => toldIds.has(id))).toBe(true);
    const [strays] = await db()
      .select({ n: count() })
      .from(notifications)
      .where(and(inArray(notifications.userId, bystanders), eq(notifications.kind, "course.updated")));
    expect(strays!.n).toBe(0);
    const [sample] = await db().select().from(notifications).where(and(eq(notifications.userId, followers[2999]!), eq(notifications.dedupeKey, key)));
    expect(sample!.data).toEqual({ courseId: course, slug: `fanout-${tag}`, title: `Fan-out ${tag}`, newLessons: 2 });

    // Running it again tells nobody again.
    expect(await runFanoutBatch(updateId)).toMatchObject({ done: true, notified: 0 });
  });

  it("records no update for a draft course or when no lesson was added", async () => {
    const tag = randomUUID().slice(0, 8);
    const course = await makeCourse(tag);
    expect(await db().transaction((tx) => recordCourseUpdate(tx, course, 0))).toBeNull();
    await db().update(courses).set({ status: "draft" }).where(eq(courses.id, course));
    expect(await db().transaction((tx) => recordCourseUpdate(tx, course, 3))).toBeNull();
  });
});
