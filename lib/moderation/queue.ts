// The moderators' queue: reviews and lesson posts held by the word list, and published ones learners reported
// (with how often), oldest first so nothing waits forever. Reads only; decisions are in ./admin-actions.ts.
import "server-only";
import { and, asc, count, eq, gt, inArray, isNull } from "drizzle-orm";
import { db } from "@/db";
import { contentReports, courses, lessonPosts, reviews, userMutes, users } from "@/db/schema";
import type { ReportTarget } from "./reports";

export interface QueueItem {
  type: ReportTarget;
  id: number;
  status: "published" | "held" | "hidden" | "deleted";
  body: string;
  authorId: number;
  authorName: string;
  courseTitle: string;
  /** For a review: its stars. */
  rating: number | null;
  reports: number;
  createdAt: Date;
  mutedUntil: Date | null;
}

const LIMIT = 50;

async function reviewsWhere(ids: number[] | null) {
  return db()
    .select({ id: reviews.id, status: reviews.status, body: reviews.body, authorId: reviews.userId, authorName: users.name, courseTitle: courses.title, rating: reviews.rating, createdAt: reviews.createdAt })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.userId))
    .innerJoin(courses, eq(courses.id, reviews.courseId))
    .where(ids === null ? eq(reviews.status, "held") : inArray(reviews.id, ids))
    .orderBy(asc(reviews.id))
    .limit(LIMIT);
}

async function postsWhere(ids: number[] | null) {
  return db()
    .select({ id: lessonPosts.id, status: lessonPosts.status, body: lessonPosts.body, authorId: lessonPosts.userId, authorName: users.name, courseTitle: courses.title, createdAt: lessonPosts.createdAt })
    .from(lessonPosts)
    .innerJoin(users, eq(users.id, lessonPosts.userId))
    .innerJoin(courses, eq(courses.id, lessonPosts.courseId))
    .where(ids === null ? eq(lessonPosts.status, "held") : inArray(lessonPosts.id, ids))
    .orderBy(asc(lessonPosts.id))
    .limit(LIMIT);
}

async function mutes(userIds: number[], now: Date): Promise<Map<number, Date>> {
  if (userIds.length === 0) return new Map();
  const rows = await db().select({ userId: userMutes.userId, until: userMutes.until }).from(userMutes).where(and(inArray(userMutes.userId, userIds), gt(userMutes.until, now)));
  return new Map(rows.map((r) => [r.userId, r.until]));
}

export async function moderationQueue(now = new Date()): Promise<{ held: QueueItem[]; reported: QueueItem[] }> {
  const open = await db()
    .select({ type: contentReports.targetType, id: contentReports.targetId, n: count() })
    .from(contentReports)
    .where(isNull(contentReports.resolvedAt))
    .groupBy(contentReports.targetType, contentReports.targetId)
    .limit(200);
  const reportCount = new Map(open.map((r) => [`${r.type}:${r.id}`, Number(r.n)]));
  const reportedReviewIds = open.filter((r) => r.type === "review").map((r) => r.id);
  const reportedPostIds = open.filter((r) => r.type === "post").map((r) => r.id);
  const [heldReviews, heldPosts, repReviews, repPosts] = await Promise.all([
    reviewsWhere(null),
    postsWhere(null),
    reportedReviewIds.length ? reviewsWhere(reportedReviewIds) : Promise.resolve([]),
    reportedPostIds.length ? postsWhere(reportedPostIds) : Promise.resolve([]),
  ]);
  const muted = await mutes([...new Set([...heldReviews, ...heldPosts, ...repReviews, ...repPosts].map((r) => r.authorId))], now);
  const review = (r: (typeof heldReviews)[number]): QueueItem => ({ type: "review", ...r, reports: reportCount.get(`review:${r.id}`) ?? 0, mutedUntil: muted.get(r.authorId) ?? null });
  const post = (p: (typeof heldPosts)[number]): QueueItem => ({ type: "post", ...p, rating: null, reports: reportCount.get(`post:${p.id}`) ?? 0, mutedUntil: muted.get(p.authorId) ?? null });
  const byAge = (a: QueueItem, b: QueueItem) => a.createdAt.getTime() - b.createdAt.getTime();
  return {
    held: [...heldReviews.map(review), ...heldPosts.map(post)].sort(byAge),
    reported: [...repReviews.map(review), ...repPosts.map(post)].filter((i) => i.status !== "deleted").sort(byAge),
  };
}
