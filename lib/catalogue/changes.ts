// What the authoring code calls after a catalogue write, so that lists, course pages and search show the
// change on every instance within seconds: the search index is updated and the cache tags invalidated.
import "server-only";
import { invalidateTags } from "@/lib/cache";
import { indexCourse, removeCourse } from "@/lib/search";
import { CATALOGUE_TAGS } from "./tags";

/** After a course was created, edited, published, archived or had its syllabus changed. */
export async function courseChanged(id: number): Promise<void> {
  await indexCourse(id);
  await invalidateTags([CATALOGUE_TAGS.courses]);
}

/** After a course was deleted. */
export async function courseDeleted(id: number): Promise<void> {
  await removeCourse(id);
  await invalidateTags([CATALOGUE_TAGS.courses]);
}

/** After categories were created, renamed, moved or deleted (their names are in the search index too). */
export async function categoriesChanged(): Promise<void> {
  await invalidateTags([CATALOGUE_TAGS.categories, CATALOGUE_TAGS.courses]);
}

/** After a teacher's name or profile changed. */
export async function teachersChanged(): Promise<void> {
  await invalidateTags([CATALOGUE_TAGS.teachers, CATALOGUE_TAGS.courses]);
}
