"use server";
// Joining a free course ("join learning path"). Paid courses are bought, never joined: the price and the
// course come from the database, not from the form, and the user from the session cookie. Joining twice is
// harmless (the unique user/course index keeps one row, and the learner count only moves for a new one).
import { eq, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db";
import { courses, enrolments } from "@/db/schema";
import { logger } from "@/lib/log";
import { courseChanged } from "./changes";
import { getCourse } from "./course-detail";
import { currentUserId } from "./enrolment-access";
import { countEnrolments } from "@/lib/orders/settle";

const log = logger.child({ component: "enrol-actions" });

export type JoinCourseResult =
  | { ok: true; created: boolean }
  | { ok: false; error: "sign_in_required" | "not_found" | "not_free" | "unavailable" };

const courseIdInput = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Enrols the signed-in learner in a free, published course. */
export async function joinFreeCourse(rawCourseId: unknown): Promise<JoinCourseResult> {
  const userId = await currentUserId();
  if (userId === null) return { ok: false, error: "sign_in_required" };
  const parsed = courseIdInput.safeParse(rawCourseId);
  if (!parsed.success) return { ok: false, error: "not_found" };
  const course = await getCourse(parsed.data);
  if (!course) return { ok: false, error: "not_found" };
  if (course.priceFen !== 0) return { ok: false, error: "not_free" };
  try {
    const created = await db().transaction(async (tx) => {
      const [result] = await tx.insert(enrolments).ignore().values({ userId, courseId: course.id, source: "free" });
      if (result.affectedRows !== 1) return false;
      await tx.update(courses).set({ enrolmentCount: sql`${courses.enrolmentCount} + 1` }).where(eq(courses.id, course.id));
      return true;
    });
    if (created) {
      await countEnrolments([course.id]);
      await courseChanged(course.id);
      // "layout" covers the lesson pages under the course too.
      revalidatePath(`/courses/${course.slug}`, "layout");
    }
    return { ok: true, created };
  } catch (error) {
    log.error({ err: error, userId, courseId: course.id }, "joining a free course failed");
    return { ok: false, error: "unavailable" };
  }
}

export interface JoinFormState {
  result: JoinCourseResult | null;
}

/** The form flavour of joinFreeCourse, for useActionState (works before hydration too). */
export async function joinFreeCourseForm(_prev: JoinFormState, data: FormData): Promise<JoinFormState> {
  return { result: await joinFreeCourse(data.get("courseId")) };
}
