// The one writer of lesson questions and answers. Posts go through the moderation gate (mutes, per-learner
// rate limits), are cleaned to plain text and screened: a listed word holds the post for a moderator. A
// published answer notifies the asker, and @mentions notify the people named (among those in the thread and
// the course's teacher) through the notification centre.
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { lessonPosts, users, type postStatuses } from "@/db/schema";
import type { Tx } from "@/db/tx";
import { cleanPlainText } from "@/lib/content/sanitize";
import { logger } from "@/lib/log";
import { screenText } from "@/lib/moderation";
import { admitPost, type GateRefusal } from "@/lib/moderation/gate";
import { notify } from "@/lib/notifications";
import { lessonRef, qaRole, type LessonRef } from "./access";
import { mentionedNames } from "./mentions";
import { EDIT_WINDOW_MINUTES, MAX_DEPTH } from "./schemas";

const log = logger.child({ component: "lesson-qa" });

type PostStatus = (typeof postStatuses)[number];

export type QaError = "not_found" | "forbidden" | "edit_window" | "too_deep" | "empty";
export type QaFailure = { ok: false; error: QaError } | ({ ok: false } & GateRefusal);
export type QaResult<T> = { ok: true; value: T } | QaFailure;

const fail = (error: QaError): QaFailure => ({ ok: false, error });

export interface SavedPost {
  id: number;
  questionId: number;
  lessonId: number;
  courseSlug: string;
  status: PostStatus;
}

async function authorName(userId: number): Promise<string> {
  const [row] = await db().select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? "";
}

/** Notifies the asker of a new answer and everyone @mentioned who is in the thread (or teaches the course). */
/** `postId`: the new post, so each post tells each person once (a retried call notifies nobody twice). */
async function notifyThread(lesson: LessonRef, questionId: number, postId: number, authorId: number, body: string, askerId: number | null): Promise<void> {
  try {
    const by = await authorName(authorId);
    const data = { courseSlug: lesson.courseSlug, lessonId: lesson.lessonId, questionId, by };
    const told = new Set<number>([authorId]);
    if (askerId !== null && !told.has(askerId)) {
      told.add(askerId);
      await notify(askerId, "qa.answered", data, { key: `qa.answered:${postId}` });
    }
    const names = mentionedNames(body);
    if (names.length === 0) return;
    const participants = await db()
      .selectDistinct({ id: users.id, name: users.name })
      .from(lessonPosts)
      .innerJoin(users, eq(users.id, lessonPosts.userId))
      .where(and(sql`(${lessonPosts.id} = ${questionId} OR ${lessonPosts.rootId} = ${questionId})`, inArray(users.name, names)));
    const people = [...participants];
    if (lesson.teacherUserId !== null) {
      const [teacher] = await db().select({ id: users.id, name: users.name }).from(users).where(eq(users.id, lesson.teacherUserId));
      if (teacher && names.includes(teacher.name)) people.push(teacher);
    }
    for (const person of people) {
      if (told.has(person.id)) continue;
      told.add(person.id);
      await notify(person.id, "qa.mentioned", data, { key: `qa.mentioned:${postId}` });
    }
  } catch (error) {
    log.warn({ err: error, questionId }, "could not notify the thread");
  }
}

async function prepare(userId: number, rawBody: string): Promise<QaResult<{ body: string; status: PostStatus }>> {
  const body = cleanPlainText(rawBody);
  if (!body) return fail("empty");
  const refused = await admitPost(userId);
  if (refused) return { ok: false, ...refused };
  return { ok: true, value: { body, status: (await screenText(body)).held ? "held" : "published" } };
}

/** An enrolled learner or staff asks a question under a lesson. */
export async function askQuestion(userId: number, lessonId: number, rawBody: string): Promise<QaResult<SavedPost>> {
  const lesson = await lessonRef(lessonId);
  if (!lesson) return fail("not_found");
  const role = await qaRole(userId, lesson);
  if (!role) return fail("forbidden");
  const prepared = await prepare(userId, rawBody);
  if (!prepared.ok) return prepared;
  const { body, status } = prepared.value;
  const [row] = await db()
    .insert(lessonPosts)
    .values({ courseId: lesson.courseId, lessonId, userId, kind: "question", body, status, byStaff: role === "staff" })
    .$returningId();
  const id = row!.id;
  if (status === "published") await notifyThread(lesson, id, id, userId, body, null);
  return { ok: true, value: { id, questionId: id, lessonId, courseSlug: lesson.courseSlug, status } };
}

async function lockPost(tx: Tx, id: number) {
  const [row] = await tx
    .select({ id: lessonPosts.id, lessonId: lessonPosts.lessonId, userId: lessonPosts.userId, kind: lessonPosts.kind, rootId: lessonPosts.rootId, depth: lessonPosts.depth, status: lessonPosts.status, createdAt: lessonPosts.createdAt, acceptedAnswerId: lessonPosts.acceptedAnswerId })
    .from(lessonPosts)
    .where(eq(lessonPosts.id, id))
    .for("update");
  return row;
}

/**
 * Answers a question (or, with `parentId`, an answer in its thread, two levels at most). 404 when the question
 * (or the answer replied to) is gone: deleted, hidden, or never there.
 */
export async function answerQuestion(userId: number, questionId: number, rawBody: string, parentId?: number): Promise<QaResult<SavedPost>> {
  const [question] = await db().select({ lessonId: lessonPosts.lessonId, kind: lessonPosts.kind, status: lessonPosts.status, userId: lessonPosts.userId }).from(lessonPosts).where(eq(lessonPosts.id, questionId));
  if (!question || question.kind !== "question" || question.status !== "published") return fail("not_found");
  const lesson = await lessonRef(question.lessonId);
  if (!lesson) return fail("not_found");
  const role = await qaRole(userId, lesson);
  if (!role) return fail("forbidden");
  const prepared = await prepare(userId, rawBody);
  if (!prepared.ok) return prepared;
  const { body, status } = prepared.value;
  const outcome = await db().transaction(async (tx): Promise<QaResult<number>> => {
    const q = await lockPost(tx, questionId);
    if (!q || q.status !== "published") return fail("not_found");
    let depth = 1;
    if (parentId !== undefined && parentId !== questionId) {
      const parent = await lockPost(tx, parentId);
      if (!parent || parent.rootId !== questionId || parent.status !== "published") return fail("not_found");
      depth = parent.depth + 1;
      if (depth > MAX_DEPTH) return fail("too_deep");
    }
    const [row] = await tx
      .insert(lessonPosts)
      .values({ courseId: lesson.courseId, lessonId: lesson.lessonId, userId, kind: "answer", rootId: questionId, parentId: parentId ?? questionId, depth, body, status, byStaff: role === "staff" })
      .$returningId();
    if (status === "published") await tx.update(lessonPosts).set({ answerCount: sql`${lessonPosts.answerCount} + 1` }).where(eq(lessonPosts.id, questionId));
    return { ok: true, value: row!.id };
  });
  if (!outcome.ok) return outcome;
  if (status === "published") await notifyThread(lesson, questionId, outcome.value, userId, body, question.userId);
  return { ok: true, value: { id: outcome.value, questionId, lessonId: lesson.lessonId, courseSlug: lesson.courseSlug, status } };
}

/** The author edits their post within the edit window; the text is screened again. */
export async function editPost(userId: number, postId: number, rawBody: string, now = new Date()): Promise<QaResult<SavedPost>> {
  const prepared = await prepare(userId, rawBody);
  if (!prepared.ok) return prepared;
  const { body, status } = prepared.value;
  const outcome = await db().transaction(async (tx): Promise<QaResult<SavedPost>> => {
    const post = await lockPost(tx, postId);
    if (!post || post.status === "deleted") return fail("not_found");
    if (post.userId !== userId || post.status === "hidden") return fail("forbidden");
    if (now.getTime() - post.createdAt.getTime() > EDIT_WINDOW_MINUTES * 60_000) return fail("edit_window");
    await tx.update(lessonPosts).set({ body, status, editedAt: now }).where(eq(lessonPosts.id, postId));
    const questionId = post.rootId ?? post.id;
    if (post.kind === "answer" && post.status !== status) {
      await tx
        .update(lessonPosts)
        .set({ answerCount: status === "published" ? sql`${lessonPosts.answerCount} + 1` : sql`GREATEST(CAST(${lessonPosts.answerCount} AS SIGNED) - 1, 0)` })
        .where(eq(lessonPosts.id, questionId));
    }
    const lesson = await lessonRef(post.lessonId);
    return { ok: true, value: { id: postId, questionId, lessonId: post.lessonId, courseSlug: lesson?.courseSlug ?? "", status } };
  });
  return outcome;
}

/** The author deletes their post; the thread stays, saying it was deleted. */
export async function deleteOwnPost(userId: number, postId: number): Promise<QaResult<SavedPost>> {
  return db().transaction(async (tx): Promise<QaResult<SavedPost>> => {
    const post = await lockPost(tx, postId);
    if (!post || post.status === "deleted") return fail("not_found");
    if (post.userId !== userId) return fail("forbidden");
    await changeStatus(tx, post, "deleted");
    const lesson = await lessonRef(post.lessonId);
    return { ok: true, value: { id: postId, questionId: post.rootId ?? post.id, lessonId: post.lessonId, courseSlug: lesson?.courseSlug ?? "", status: "deleted" } };
  });
}

/** The asker (or staff) accepts an answer in the question's thread; accepting another replaces it. */
export async function acceptAnswer(userId: number, questionId: number, answerId: number): Promise<QaResult<SavedPost>> {
  const [question] = await db().select({ lessonId: lessonPosts.lessonId }).from(lessonPosts).where(eq(lessonPosts.id, questionId));
  if (!question) return fail("not_found");
  const lesson = await lessonRef(question.lessonId);
  if (!lesson) return fail("not_found");
  const role = await qaRole(userId, lesson);
  return db().transaction(async (tx): Promise<QaResult<SavedPost>> => {
    const q = await lockPost(tx, questionId);
    if (!q || q.kind !== "question" || q.status !== "published") return fail("not_found");
    if (q.userId !== userId && role !== "staff") return fail("forbidden");
    const a = await lockPost(tx, answerId);
    if (!a || a.rootId !== questionId || a.status !== "published") return fail("not_found");
    await tx.update(lessonPosts).set({ acceptedAnswerId: answerId }).where(eq(lessonPosts.id, questionId));
    return { ok: true, value: { id: answerId, questionId, lessonId: lesson.lessonId, courseSlug: lesson.courseSlug, status: "published" } };
  });
}

async function changeStatus(tx: Tx, post: NonNullable<Awaited<ReturnType<typeof lockPost>>>, status: PostStatus): Promise<void> {
  if (post.status === status) return;
  await tx.update(lessonPosts).set({ status }).where(eq(lessonPosts.id, post.id));
  if (post.kind === "answer" && post.rootId !== null && (post.status === "published") !== (status === "published")) {
    await tx
      .update(lessonPosts)
      .set({
        answerCount: status === "published" ? sql`${lessonPosts.answerCount} + 1` : sql`GREATEST(CAST(${lessonPosts.answerCount} AS SIGNED) - 1, 0)`,
        // An accepted answer that leaves the thread is no longer accepted.
        acceptedAnswerId: status === "published" ? sql`${lessonPosts.acceptedAnswerId}` : sql`IF(${lessonPosts.acceptedAnswerId} = ${post.id}, NULL, ${lessonPosts.acceptedAnswerId})`,
      })
      .where(eq(lessonPosts.id, post.rootId));
  }
}

/** A moderator's decision on a post (lib/moderation, in its audited transaction). The post before, or null. */
export async function setPostStatus(tx: Tx, postId: number, status: PostStatus): Promise<{ userId: number; status: PostStatus; body: string; courseId: number } | null> {
  const post = await lockPost(tx, postId);
  if (!post) return null;
  const [full] = await tx.select({ body: lessonPosts.body, courseId: lessonPosts.courseId }).from(lessonPosts).where(eq(lessonPosts.id, postId));
  await changeStatus(tx, post, status);
  return { userId: post.userId, status: post.status, body: full?.body ?? "", courseId: full?.courseId ?? 0 };
}
