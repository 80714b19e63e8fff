// Reading reviews: a course's rating summary (damped average, count, distribution), one page of its published
// reviews newest or most helpful first, and the viewer's own review in whatever state it is.
import "server-only";
import { and, count, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { courses, reviews, reviewVotes, teachers, users } from "@/db/schema";
import { displayRating, distribution, plainAverage } from "./rating";
import { REVIEWS_PER_PAGE, type ReviewSort } from "./schemas";
import type { PostStatus } from "./writes";

export interface RatingSummary {
  /** Damped average to one decimal; null before the first review. */
  rating: number | null;
  /** The plain mean of the stars, for the few who want it. */
  average: number | null;
  count: number;
  sum: number;
  bars: Array<{ stars: number; count: number; percent: number }>;
}

export interface ReviewView {
  id: number;
  courseId: number;
  userId: number;
  authorName: string;
  rating: number;
  body: string;
  status: PostStatus;
  helpfulCount: number;
  /** Whether the viewer marked it helpful. */
  votedByViewer: boolean;
  reply: { body: string; authorName: string; at: Date } | null;
  createdAt: Date;
  editedAt: Date | null;
}

export async function ratingSummary(courseId: number): Promise<RatingSummary> {
  const [course] = await db().select({ sum: courses.ratingSum, n: courses.ratingCount }).from(courses).where(eq(courses.id, courseId));
  const rows = await db()
    .select({ stars: reviews.rating, n: count() })
    .from(reviews)
    .where(and(eq(reviews.courseId, courseId), eq(reviews.status, "published")))
    .groupBy(reviews.rating);
  const sum = course?.sum ?? 0;
  const n = course?.n ?? 0;
  return { rating: displayRating(sum, n), average: plainAverage(sum, n), count: n, sum, bars: distribution(new Map(rows.map((r) => [r.stars, Number(r.n)]))) };
}

function selectReviews(viewerId: number | null) {
  return db()
    .select({
      id: reviews.id,
      courseId: reviews.courseId,
      userId: reviews.userId,
      authorName: users.name,
      rating: reviews.rating,
      body: reviews.body,
      status: reviews.status,
      helpfulCount: reviews.helpfulCount,
      votedByViewer: viewerId === null ? sql<number>`0` : sql<number>`EXISTS (SELECT 1 FROM ${reviewVotes} WHERE ${reviewVotes.reviewId} = ${reviews.id} AND ${reviewVotes.userId} = ${viewerId})`,
      replyBody: reviews.replyBody,
      // The teacher replies as the teacher the course page shows.
      replyAuthor: teachers.name,
      repliedAt: reviews.repliedAt,
      createdAt: reviews.createdAt,
      editedAt: reviews.editedAt,
    })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.userId))
    .innerJoin(courses, eq(courses.id, reviews.courseId))
    .innerJoin(teachers, eq(teachers.id, courses.teacherId))
    .$dynamic();
}

type Row = Awaited<ReturnType<ReturnType<typeof selectReviews>["execute"]>>[number];

function toView(row: Row): ReviewView {
  return {
    id: row.id,
    courseId: row.courseId,
    userId: row.userId,
    authorName: row.authorName,
    rating: row.rating,
    body: row.body,
    status: row.status,
    helpfulCount: row.helpfulCount,
    votedByViewer: Number(row.votedByViewer) === 1,
    reply: row.replyBody && row.repliedAt ? { body: row.replyBody, authorName: row.replyAuthor ?? "", at: row.repliedAt } : null,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
  };
}

export interface ReviewPage {
  items: ReviewView[];
  total: number;
  page: number;
  pages: number;
  sort: ReviewSort;
}

/** One page of a course's published reviews. */
export async function listReviews(courseId: number, opts: { sort: ReviewSort; page: number; viewerId: number | null; perPage?: number }): Promise<ReviewPage> {
  const perPage = opts.perPage ?? REVIEWS_PER_PAGE;
  const where = and(eq(reviews.courseId, courseId), eq(reviews.status, "published"));
  const order = opts.sort === "helpful" ? [desc(reviews.helpfulCount), desc(reviews.id)] : [desc(reviews.createdAt), desc(reviews.id)];
  const [rows, [total]] = await Promise.all([
    selectReviews(opts.viewerId)
      .where(where)
      .orderBy(...order)
      .limit(perPage)
      .offset((opts.page - 1) * perPage),
    db().select({ n: count() }).from(reviews).where(where),
  ]);
  const n = Number(total?.n ?? 0);
  return { items: rows.map(toView), total: n, page: opts.page, pages: Math.max(1, Math.ceil(n / perPage)), sort: opts.sort };
}

/** The viewer's own review of the course, in any state but deleted. */
export async function ownReview(courseId: number, userId: number): Promise<ReviewView | null> {
  const [row] = await selectReviews(userId)
    .where(and(eq(reviews.courseId, courseId), eq(reviews.userId, userId), sql`${reviews.status} <> 'deleted'`))
    .limit(1);
  return row ? toView(row) : null;
}

export async function reviewById(id: number): Promise<ReviewView | null> {
  const [row] = await selectReviews(null).where(eq(reviews.id, id)).limit(1);
  return row ? toView(row) : null;
}

/** The account of the course's teacher (who replies to its reviews), or null when the teacher has none. */
export async function courseTeacherUserId(courseId: number): Promise<number | null> {
  const [row] = await db().select({ userId: teachers.userId }).from(courses).innerJoin(teachers, eq(teachers.id, courses.teacherId)).where(eq(courses.id, courseId));
  return row?.userId ?? null;
}
