// What sitemap.xml lists: every published course with its last change. Read straight from MySQL (one small
// indexed query); crawlers fetch the sitemap rarely and want it current.
import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { courses } from "@/db/schema";

export async function publishedCoursesForSitemap(): Promise<Array<{ slug: string; lastModified: Date }>> {
  return db().select({ slug: courses.slug, lastModified: courses.updatedAt }).from(courses).where(eq(courses.status, "published")).orderBy(asc(courses.id));
}
