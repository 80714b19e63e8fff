// Reads for the flash-sale admin pages.
import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { courses } from "@/db/schema";

/** Published courses for the sale form's course picker. */
export async function courseChoices(): Promise<Array<{ id: number; title: string }>> {
  return db().select({ id: courses.id, title: courses.title }).from(courses).where(eq(courses.status, "published")).orderBy(asc(courses.title)).limit(1000);
}
