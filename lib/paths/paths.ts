// Learning paths: an ordered list of published courses an admin composes ("From zero to full-stack"). Read by
// the public /paths pages; written by the admin (admin.ts). Drafts are seen only in the admin.
import "server-only";
import { and, asc, count, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { courses, follows, learningPathCourses, learningPaths } from "@/db/schema";

export interface PathCourse {
  id: number;
  slug: string;
  title: string;
  subtitle: string;
  status: string;
}

export interface PathDetail {
  id: number;
  slug: string;
  title: string;
  summary: string;
  status: "draft" | "published";
  courses: PathCourse[];
  followers: number;
}

async function coursesOf(pathId: number): Promise<PathCourse[]> {
  return db()
    .select({ id: courses.id, slug: courses.slug, title: courses.title, subtitle: courses.subtitle, status: courses.status })
    .from(learningPathCourses)
    .innerJoin(courses, eq(courses.id, learningPathCourses.courseId))
    .where(eq(learningPathCourses.pathId, pathId))
    .orderBy(asc(learningPathCourses.position));
}

async function detail(row: typeof learningPaths.$inferSelect | undefined, publishedCoursesOnly: boolean): Promise<PathDetail | null> {
  if (!row) return null;
  const [list, [followers]] = await Promise.all([
    coursesOf(row.id),
    db()
      .select({ n: count() })
      .from(follows)
      .where(and(eq(follows.targetType, "path"), eq(follows.targetId, row.id))),
  ]);
  return { ...row, courses: publishedCoursesOnly ? list.filter((c) => c.status === "published") : list, followers: followers?.n ?? 0 };
}

/** A published path for its public page; null for a draft or an unknown slug. */
export async function publishedPath(slug: string): Promise<PathDetail | null> {
  const [row] = await db().select().from(learningPaths).where(eq(learningPaths.slug, slug));
  return row?.status === "published" ? detail(row, true) : null;
}

/** Any path, drafts too, for the admin editor. */
export async function pathForAdmin(id: number): Promise<PathDetail | null> {
  const [row] = await db().select().from(learningPaths).where(eq(learningPaths.id, id));
  return detail(row, false);
}

export async function listPublishedPaths(): Promise<Array<{ id: number; slug: string; title: string; summary: string; courseCount: number }>> {
  const rows = await db()
    .select({ id: learningPaths.id, slug: learningPaths.slug, title: learningPaths.title, summary: learningPaths.summary, courseCount: count(learningPathCourses.courseId) })
    .from(learningPaths)
    .leftJoin(learningPathCourses, eq(learningPathCourses.pathId, learningPaths.id))
    .where(eq(learningPaths.status, "published"))
    .groupBy(learningPaths.id)
    .orderBy(desc(learningPaths.id))
    .limit(100);
  return rows;
}

export async function listPathsForAdmin(): Promise<Array<{ id: number; slug: string; title: string; status: string; courseCount: number }>> {
  return db()
    .select({ id: learningPaths.id, slug: learningPaths.slug, title: learningPaths.title, status: learningPaths.status, courseCount: count(learningPathCourses.courseId) })
    .from(learningPaths)
    .leftJoin(learningPathCourses, eq(learningPathCourses.pathId, learningPaths.id))
    .groupBy(learningPaths.id)
    .orderBy(desc(learningPaths.id))
    .limit(500);
}
