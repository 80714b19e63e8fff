// The one writer of reviews and helpful votes. A published review counts in its course's rating: the course's
// rating_sum and rating_count move in the same transaction as the review (insert, edit, delete, a moderator's
// decision), by deltas that MySQL applies atomically, so concurrent reviews never lose a count. After the
// commit the catalogue is told (search index, cached lists and pages) so the rating and its sort change.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { courses, reviews, reviewVotes, teachers, type postStatuses } from "@/db/schema";
import { affectedRows, type Tx } from "@/db/tx";
import { courseChanged } from "@/lib/catalogue/changes";
import { cleanPlainText } from "@/lib/content/sanitize";
import { isEnrolled } from "@/lib/enrolments/access";
import { logger } from "@/lib/log";
import { screenText } from "@/lib/moderation";
import { admitPost, admitReaction, type GateRefusal } from "@/lib/moderation/gate";
import { notify } from "@/lib/notifications";
import type { ReviewInput } from "./schemas";

const log = logger.child({ component: "reviews" });

export type PostStatus = (typeof postStatuses)[number];

export type ReviewError =
  /** No such review or course (or it was deleted): 404. */
  | "not_found"
  /** The learner does not hold the course: 403. */
  | "not_enrolled"
  /** The learner already reviewed the course: 409. */
  | "exists"
  /** Someone else's review, or one a moderator took down: 403. */
  | "forbidden"
  /** A vote on one's own review: 403. */
  | "own_review"
  /** Only the course's teacher replies: 403. */
  | "not_teacher"
  /** Nothing left once control characters were removed: 422. */
  | "empty";

export type ReviewFailure = { ok: false; error: ReviewError } | ({ ok: false } & GateRefusal);
export type ReviewResult<T> = { ok: true; value: T } | ReviewFailure;

export interface SavedReview {
  id: number;
  courseId: number;
  status: PostStatus;
}

const fail = (error: ReviewError): ReviewFailure => ({ ok: false, error });

function isDuplicate(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) if ((e as { code?: string }).code === "ER_DUP_ENTRY") return true;
  return false;
}

/** Adds a published review's stars to its course (or takes them away with sign -1). */
async function moveRating(tx: Tx, courseId: number, stars: number, sign: 1 | -1): Promise<void> {
  await tx
    .update(courses)
    .set({
      ratingSum: sign > 0 ? sql`${courses.ratingSum} + ${stars}` : sql`GREATEST(CAST(${courses.ratingSum} AS SIGNED) - ${stars}, 0)`,
      ratingCount: sign > 0 ? sql`${courses.ratingCount} + 1` : sql`GREATEST(CAST(${courses.ratingCount} AS SIGNED) - 1, 0)`,
      // A rating is not an edit of the course: its "updated" date (the sitemap's lastmod) stays.
      updatedAt: sql`${courses.updatedAt}`,
    })
    .where(eq(courses.id, courseId));
}

/** Keeps the course's figures in step when a review goes from (status, stars) to (status, stars). */
export async function applyRatingChange(tx: Tx, courseId: number, before: { status: PostStatus; rating: number } | null, after: { status: PostStatus; rating: number } | null): Promise<boolean> {
  const was = before?.status === "published" ? before.rating : null;
  const now = after?.status === "published" ? after.rating : null;
  if (was === now) return false;
  if (was !== null) await moveRating(tx, courseId, was, -1);
  if (now !== null) await moveRating(tx, courseId, now, 1);
  return true;
}

async function afterRatingChange(courseId: number): Promise<void> {
  try {
    await courseChanged(courseId);
  } catch (error) {
    // The review is committed; cached lists catch up within their minute.
    log.warn({ err: error, courseId }, "could not refresh the catalogue after a rating change");
  }
}

async function publishedCourse(courseId: number): Promise<boolean> {
  const [row] = await db().select({ id: courses.id }).from(courses).where(and(eq(courses.id, courseId), eq(courses.status, "published"))).limit(1);
  return row !== undefined;
}

/** A learner reviews a course they hold, once. A listed word holds the review for a moderator. */
export async function createReview(userId: number, courseId: number, input: ReviewInput): Promise<ReviewResult<SavedReview>> {
  if (!(await publishedCourse(courseId))) return fail("not_found");
  if (!(await isEnrolled(userId, courseId))) return fail("not_enrolled");
  const body = cleanPlainText(input.body);
  if (!body) return fail("empty");
  const [existing] = await db().select({ id: reviews.id }).from(reviews).where(and(eq(reviews.courseId, courseId), eq(reviews.userId, userId))).limit(1);
  if (existing) return fail("exists");
  const refused = await admitPost(userId);
  if (refused) return { ok: false, ...refused };
  const status: PostStatus = (await screenText(body)).held ? "held" : "published";
  let id: number;
  try {
    id = await db().transaction(async (tx) => {
      await lockCourse(tx, courseId);
      const [row] = await tx.insert(reviews).values({ courseId, userId, rating: input.rating, body, status }).$returningId();
      await applyRatingChange(tx, courseId, null, { status, rating: input.rating });
      return row!.id;
    });
  } catch (error) {
    if (isDuplicate(error)) return fail("exists");
    throw error;
  }
  if (status === "published") await afterRatingChange(courseId);
  return { ok: true, value: { id, courseId, status } };
}

/**
 * Locks the course's row: every transaction that moves a course's rating takes this lock first, so they queue
 * rather than deadlock (inserting a review takes a shared lock on the course through its foreign key, and two
 * such holders cannot both upgrade it to update the figures).
 */
async function lockCourse(tx: Tx, courseId: number): Promise<void> {
  await tx.select({ id: courses.id }).from(courses).where(eq(courses.id, courseId)).for("update");
}

/** The review locked for change, its course's row locked before it (see lockCourse). */
async function lockReviewAndCourse(tx: Tx, reviewId: number) {
  const [found] = await tx.select({ courseId: reviews.courseId }).from(reviews).where(eq(reviews.id, reviewId));
  if (!found) return undefined;
  await lockCourse(tx, found.courseId);
  return lockReview(tx, reviewId);
}

async function lockReview(tx: Tx, reviewId: number) {
  const [row] = await tx
    .select({ id: reviews.id, courseId: reviews.courseId, userId: reviews.userId, rating: reviews.rating, status: reviews.status, body: reviews.body })
    .from(reviews)
    .where(eq(reviews.id, reviewId))
    .for("update");
  return row;
}

/** The author edits their review (stars and text); the text is screened again. */
export async function updateReview(userId: number, reviewId: number, input: ReviewInput, now = new Date()): Promise<ReviewResult<SavedReview>> {
  const body = cleanPlainText(input.body);
  if (!body) return fail("empty");
  const refused = await admitPost(userId, now);
  if (refused) return { ok: false, ...refused };
  const status: PostStatus = (await screenText(body)).held ? "held" : "published";
  const outcome = await db().transaction(async (tx): Promise<ReviewResult<SavedReview & { moved: boolean }>> => {
    const row = await lockReviewAndCourse(tx, reviewId);
    if (!row || row.status === "deleted") return fail("not_found");
    if (row.userId !== userId || row.status === "hidden") return fail("forbidden");
    await tx.update(reviews).set({ rating: input.rating, body, status, editedAt: now }).where(eq(reviews.id, reviewId));
    const moved = await applyRatingChange(tx, row.courseId, row, { status, rating: input.rating });
    return { ok: true, value: { id: reviewId, courseId: row.courseId, status, moved } };
  });
  if (!outcome.ok) return outcome;
  if (outcome.value.moved) await afterRatingChange(outcome.value.courseId);
  const { moved: _moved, ...saved } = outcome.value;
  return { ok: true, value: saved };
}

/** The author deletes their review (and its votes); they may write a new one afterwards. */
export async function deleteReview(userId: number, reviewId: number): Promise<ReviewResult<{ courseId: number }>> {
  const outcome = await db().transaction(async (tx): Promise<ReviewResult<{ courseId: number; moved: boolean }>> => {
    const row = await lockReviewAndCourse(tx, reviewId);
    if (!row || row.status === "deleted") return fail("not_found");
    if (row.userId !== userId) return fail("forbidden");
    await tx.delete(reviews).where(eq(reviews.id, reviewId));
    const moved = await applyRatingChange(tx, row.courseId, row, null);
    return { ok: true, value: { courseId: row.courseId, moved } };
  });
  if (!outcome.ok) return outcome;
  if (outcome.value.moved) await afterRatingChange(outcome.value.courseId);
  return { ok: true, value: { courseId: outcome.value.courseId } };
}

/** "Helpful": one vote per learner per review, never on one's own. Voting twice changes nothing. */
export async function setHelpful(userId: number, reviewId: number, helpful: boolean): Promise<ReviewResult<{ helpfulCount: number; courseId: number }>> {
  const refused = await admitReaction(userId);
  if (refused) return { ok: false, ...refused };
  return db().transaction(async (tx) => {
    const row = await lockReview(tx, reviewId);
    if (!row || row.status !== "published") return fail("not_found");
    if (row.userId === userId) return fail("own_review");
    if (helpful) {
      const result = await tx.insert(reviewVotes).ignore().values({ reviewId, userId });
      if (affectedRows(result) > 0) await tx.update(reviews).set({ helpfulCount: sql`${reviews.helpfulCount} + 1`, updatedAt: sql`${reviews.updatedAt}` }).where(eq(reviews.id, reviewId));
    } else {
      const result = await tx.delete(reviewVotes).where(and(eq(reviewVotes.reviewId, reviewId), eq(reviewVotes.userId, userId)));
      if (affectedRows(result) > 0) await tx.update(reviews).set({ helpfulCount: sql`GREATEST(CAST(${reviews.helpfulCount} AS SIGNED) - 1, 0)`, updatedAt: sql`${reviews.updatedAt}` }).where(eq(reviews.id, reviewId));
    }
    const [after] = await tx.select({ n: reviews.helpfulCount }).from(reviews).where(eq(reviews.id, reviewId));
    return { ok: true as const, value: { helpfulCount: after?.n ?? 0, courseId: row.courseId } };
  });
}

/** The course's teacher answers a review in public (once; a second reply replaces the first). */
export async function replyToReview(userId: number, reviewId: number, rawBody: string, now = new Date()): Promise<ReviewResult<{ courseId: number }>> {
  const body = cleanPlainText(rawBody);
  if (!body) return fail("empty");
  const outcome = await db().transaction(async (tx): Promise<ReviewResult<{ courseId: number; authorId: number }>> => {
    const row = await lockReview(tx, reviewId);
    if (!row || row.status === "deleted" || row.status === "hidden") return fail("not_found");
    const [teacher] = await tx
      .select({ userId: teachers.userId })
      .from(courses)
      .innerJoin(teachers, eq(teachers.id, courses.teacherId))
      .where(eq(courses.id, row.courseId));
    if (!teacher || teacher.userId !== userId) return fail("not_teacher");
    await tx.update(reviews).set({ replyBody: body, replyUserId: userId, repliedAt: now }).where(eq(reviews.id, reviewId));
    return { ok: true, value: { courseId: row.courseId, authorId: row.userId } };
  });
  if (!outcome.ok) return outcome;
  const [course] = await db().select({ slug: courses.slug, title: courses.title }).from(courses).where(eq(courses.id, outcome.value.courseId));
  if (course) await notify(outcome.value.authorId, "review.replied", { courseSlug: course.slug, courseTitle: course.title }, { key: `review.replied:${reviewId}` }).catch((err: unknown) => log.warn({ err, reviewId }, "reply notification failed"));
  await afterRatingChange(outcome.value.courseId);
  return { ok: true, value: { courseId: outcome.value.courseId } };
}

/**
 * A moderator's decision on a review (lib/moderation calls this inside its audited transaction): publish
 * (approve a held one, restore a hidden one), hide or delete. Returns the review before, or null when none.
 */
export async function setReviewStatus(tx: Tx, reviewId: number, status: PostStatus): Promise<{ courseId: number; userId: number; status: PostStatus; body: string } | null> {
  const row = await lockReviewAndCourse(tx, reviewId);
  if (!row) return null;
  if (row.status !== status) {
    await tx.update(reviews).set({ status }).where(eq(reviews.id, reviewId));
    await applyRatingChange(tx, row.courseId, row, { status, rating: row.rating });
  }
  return { courseId: row.courseId, userId: row.userId, status: row.status, body: row.body };
}

/** After a moderator's decision commits. */
export const reviewStatusChanged = afterRatingChange;
