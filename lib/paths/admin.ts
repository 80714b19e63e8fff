// Composing learning paths in the admin: title, address (slug), summary, status and the ordered courses, saved
// whole with its audit row in one transaction. Adding a course to a published path does not notify anyone
// (followers hear of new lessons, lib/paths/fanout.ts); deleting a path removes its follows with it.
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { courses, follows, learningPathCourses, learningPaths } from "@/db/schema";
import type { AdminContext } from "@/lib/rbac/guard";

export const MAX_PATH_COURSES = 50;

export const pathInput = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug")
    .max(128, "slug"),
  title: z.string().trim().min(1, "required").max(191, "too_long"),
  summary: z.string().trim().max(5000, "too_long"),
  status: z.enum(["draft", "published"]),
  courseIds: z.array(z.number().int().positive()).max(MAX_PATH_COURSES, "too_many"),
});

export type PathInput = z.infer<typeof pathInput>;

export class PathError extends Error {
  constructor(readonly code: "not_found" | "slug_taken" | "unknown_courses" | "duplicate_courses") {
    super(code);
  }
}

function duplicateSlug(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) if ((e as { code?: unknown }).code === "ER_DUP_ENTRY") return true;
  return false;
}

/** Creates (no id) or replaces a path. Returns its id. */
export async function savePath(admin: AdminContext, id: number | null, input: PathInput, now = new Date()): Promise<number> {
  if (new Set(input.courseIds).size !== input.courseIds.length) throw new PathError("duplicate_courses");
  try {
    return await db().transaction(async (tx) => {
      if (input.courseIds.length > 0) {
        const found = await tx.select({ id: courses.id }).from(courses).where(inArray(courses.id, input.courseIds));
        if (found.length !== input.courseIds.length) throw new PathError("unknown_courses");
      }
      const values = { slug: input.slug, title: input.title, summary: input.summary, status: input.status, updatedAt: now };
      let pathId: number;
      let before: Record<string, unknown> | null = null;
      if (id === null) {
        const [row] = await tx.insert(learningPaths).values({ ...values, createdAt: now }).$returningId();
        pathId = row!.id;
      } else {
        const [locked] = await tx.select().from(learningPaths).where(eq(learningPaths.id, id)).for("update");
        if (!locked) throw new PathError("not_found");
        const old = await tx.select({ courseId: learningPathCourses.courseId }).from(learningPathCourses).where(eq(learningPathCourses.pathId, id)).orderBy(learningPathCourses.position);
        before = { slug: locked.slug, title: locked.title, status: locked.status, courseIds: old.map((o) => o.courseId) };
        await tx.update(learningPaths).set(values).where(eq(learningPaths.id, id));
        await tx.delete(learningPathCourses).where(eq(learningPathCourses.pathId, id));
        pathId = id;
      }
      if (input.courseIds.length > 0) await tx.insert(learningPathCourses).values(input.courseIds.map((courseId, i) => ({ pathId, courseId, position: i + 1 })));
      await admin.audit(tx, {
        targetType: "learning_path",
        targetId: pathId,
        summary: `${id === null ? "Created" : "Updated"} learning path ${input.title} (${input.slug}), ${input.courseIds.length} courses, ${input.status}`,
        before,
        after: { slug: input.slug, title: input.title, status: input.status, courseIds: input.courseIds },
      });
      return pathId;
    });
  } catch (error) {
    if (!(error instanceof PathError) && duplicateSlug(error)) throw new PathError("slug_taken");
    throw error;
  }
}

export async function deletePath(admin: AdminContext, id: number): Promise<void> {
  await db().transaction(async (tx) => {
    const [locked] = await tx.select().from(learningPaths).where(eq(learningPaths.id, id)).for("update");
    if (!locked) throw new PathError("not_found");
    await tx.delete(follows).where(and(eq(follows.targetType, "path"), eq(follows.targetId, id)));
    await tx.delete(learningPaths).where(eq(learningPaths.id, id));
    await admin.audit(tx, { targetType: "learning_path", targetId: id, summary: `Deleted learning path ${locked.title} (${locked.slug})`, before: { slug: locked.slug, title: locked.title }, after: null });
  });
}
