"use server";
// Joining a course without buying it: a free course ("join learning path"), or, for a member, a course
// included in membership (held while the membership lasts). Other paid courses are bought, never joined: the
// price, the course and the membership come from the database, not from the form, and the user from the
// session cookie. Joining twice is harmless (the unique user/course index keeps one row, and the learner
// count only moves for a new one).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db";
import { currentUserId } from "@/lib/auth/current-user";
import { courseChanged } from "@/lib/catalogue/changes";
import { getCourse } from "@/lib/catalogue/course-detail";
import { clockNow } from "@/lib/clock";
import { logger } from "@/lib/log";
import { isMember } from "@/lib/memberships/status";
import { countNewEnrolments } from "./counts";
import { grantEnrolments } from "./grants";

const log = logger.child({ component: "enrol-actions" });

export type JoinCourseResult =
  | { ok: true; created: boolean }
  | { ok: false; error: "sign_in_required" | "not_found" | "not_free" | "not_included" | "not_member" | "unavailable" };

const courseIdInput = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Enrols the signed-in learner in a free, published course. */
export async function joinFreeCourse(rawCourseId: unknown): Promise<JoinCourseResult> {
  return join(rawCourseId, "free");
}

/** Opens a course included in membership to the signed-in member, for as long as the membership lasts. */
export async function joinWithMembership(rawCourseId: unknown): Promise<JoinCourseResult> {
  return join(rawCourseId, "membership");
}

async function join(rawCourseId: unknown, source: "free" | "membership"): Promise<JoinCourseResult> {
  const userId = await currentUserId();
  if (userId === null) return { ok: false, error: "sign_in_required" };
  const parsed = courseIdInput.safeParse(rawCourseId);
  if (!parsed.success) return { ok: false, error: "not_found" };
  const course = await getCourse(parsed.data);
  if (!course) return { ok: false, error: "not_found" };
  if (source === "free" && course.priceFen !== 0) return { ok: false, error: "not_free" };
  if (source === "membership" && !course.includedInMembership) return { ok: false, error: "not_included" };
  try {
    const granted = await db().transaction(async (tx) => {
      // Checked inside the transaction that grants, so a membership that ends meanwhile opens nothing.
      if (source === "membership" && !(await isMember(tx, userId, await clockNow(userId)))) return null;
      return grantEnrolments(tx, { userId, courseIds: [course.id], source });
    });
    if (granted === null) return { ok: false, error: "not_member" };
    const created = granted.length > 0;
    if (created) {
      await countNewEnrolments(granted);
      await courseChanged(course.id);
      // "layout" covers the lesson pages under the course too.
      revalidatePath(`/courses/${course.slug}`, "layout");
    }
    return { ok: true, created };
  } catch (error) {
    log.error({ err: error, userId, courseId: course.id, source }, "joining a course failed");
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

/** The form flavour of joinWithMembership. */
export async function joinWithMembershipForm(_prev: JoinFormState, data: FormData): Promise<JoinFormState> {
  return { result: await joinWithMembership(data.get("courseId")) };
}
