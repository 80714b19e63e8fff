// What a learner follows: a course, or a learning path. Following is how a learner asks to hear of new
// lessons (lib/paths/fanout.ts). Only published courses and paths can be followed; unfollowing is always allowed.
import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { courses, follows, learningPaths } from "@/db/schema";

export type FollowTarget = "course" | "path";

async function followable(type: FollowTarget, id: number): Promise<boolean> {
  const [row] =
    type === "course"
      ? await db().select({ status: courses.status }).from(courses).where(eq(courses.id, id))
      : await db().select({ status: learningPaths.status }).from(learningPaths).where(eq(learningPaths.id, id));
  return row?.status === "published";
}

/** False when there is no such published course or path. Following twice is following once. */
export async function follow(userId: number, type: FollowTarget, id: number, now = new Date()): Promise<boolean> {
  if (!(await followable(type, id))) return false;
  await db().insert(follows).ignore().values({ userId, targetType: type, targetId: id, createdAt: now });
  return true;
}

export async function unfollow(userId: number, type: FollowTarget, id: number): Promise<void> {
  await db()
    .delete(follows)
    .where(and(eq(follows.userId, userId), eq(follows.targetType, type), eq(follows.targetId, id)));
}

export async function isFollowing(userId: number | null, type: FollowTarget, id: number): Promise<boolean> {
  if (userId === null) return false;
  const [row] = await db()
    .select({ id: follows.targetId })
    .from(follows)
    .where(and(eq(follows.userId, userId), eq(follows.targetType, type), eq(follows.targetId, id)));
  return Boolean(row);
}

export interface FollowedItem {
  type: FollowTarget;
  id: number;
  slug: string;
  title: string;
  since: Date;
}

/** The learner's follows, newest first, with the names to link them by (unpublished ones left out). */
export async function listFollows(userId: number): Promise<FollowedItem[]> {
  const mine = await db().select().from(follows).where(eq(follows.userId, userId)).orderBy(desc(follows.createdAt)).limit(500);
  const courseIds = mine.filter((f) => f.targetType === "course").map((f) => f.targetId);
  const pathIds = mine.filter((f) => f.targetType === "path").map((f) => f.targetId);
  const [courseRows, pathRows] = await Promise.all([
    courseIds.length
      ? db()
          .select({ id: courses.id, slug: courses.slug, title: courses.title })
          .from(courses)
          .where(and(inArray(courses.id, courseIds), eq(courses.status, "published")))
      : [],
    pathIds.length
      ? db()
          .select({ id: learningPaths.id, slug: learningPaths.slug, title: learningPaths.title })
          .from(learningPaths)
          .where(and(inArray(learningPaths.id, pathIds), eq(learningPaths.status, "published")))
      : [],
  ]);
  const byKey = new Map([...courseRows.map((c) => [`course:${c.id}`, c] as const), ...pathRows.map((p) => [`path:${p.id}`, p] as const)]);
  return mine.flatMap((f) => {
    const target = byKey.get(`${f.targetType}:${f.targetId}`);
    return target ? [{ type: f.targetType, id: f.targetId, slug: target.slug, title: target.title, since: f.createdAt }] : [];
  });
}
