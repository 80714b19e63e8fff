// What sitemap.xml lists: every published course with its last change, and every teacher with a published
// course (their page's last change is their courses' latest). Read straight from MySQL (small indexed queries);
// crawlers fetch the sitemap rarely and want it current.
import "server-only";
import { asc, eq, max } from "drizzle-orm";
import { replicaDb } from "@/db";
import { courses, teachers } from "@/db/schema";

export async function publishedCoursesForSitemap(): Promise<Array<{ slug: string; lastModified: Date }>> {
  return replicaDb().select({ slug: courses.slug, lastModified: courses.updatedAt }).from(courses).where(eq(courses.status, "published")).orderBy(asc(courses.id));
}

/** Teachers with at least one published course: the ones who have a page. */
export async function teachersForSitemap(): Promise<Array<{ slug: string; lastModified: Date | null }>> {
  return replicaDb()
    .select({ slug: teachers.slug, lastModified: max(courses.updatedAt) })
    .from(teachers)
    .innerJoin(courses, eq(courses.teacherId, teachers.id))
    .where(eq(courses.status, "published"))
    .groupBy(teachers.id, teachers.slug)
    .orderBy(asc(teachers.id));
}
