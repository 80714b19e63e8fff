"use server";
// The course page's review forms: write or edit a review, delete it, mark others' helpful, the teacher's reply
// and the report button. Each works before hydration (plain form posts through useActionState), reads the
// learner from the session and the course from the database, and validates with the API's own schemas.
import { revalidatePath } from "next/cache";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { courses } from "@/db/schema";
import { currentUserId } from "@/lib/auth/current-user";
import { fieldErrors } from "@/lib/http/api";
import { logger } from "@/lib/log";
import { admitReaction, isBot } from "@/lib/moderation/gate";
import { fileReport } from "@/lib/moderation/reports";
import { reviewById } from "./queries";
import { replyInputSchema, reviewInputSchema } from "./schemas";
import { createReview, deleteReview, replyToReview, setHelpful, updateReview, type ReviewFailure } from "./writes";

const log = logger.child({ component: "review-actions" });

export interface ReviewFormState {
  ok: boolean;
  /** A key under Reviews.messages. */
  message: string | null;
  /** Values for the message (seconds to wait, a date). */
  values?: Record<string, string | number>;
  fieldErrors?: Record<string, string[]>;
}

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

function refused(failure: ReviewFailure): ReviewFormState {
  if ("until" in failure) return { ok: false, message: "muted", values: { until: failure.until.toISOString().slice(0, 16).replace("T", " ") } };
  if ("retryAfterSeconds" in failure) return { ok: false, message: "rate_limited", values: { seconds: failure.retryAfterSeconds } };
  return { ok: false, message: failure.error };
}

async function refresh(courseId: number): Promise<void> {
  const [course] = await db().select({ slug: courses.slug }).from(courses).where(eq(courses.id, courseId));
  if (course) revalidatePath(`/courses/${course.slug}`);
}

async function guarded(what: string, run: (userId: number) => Promise<ReviewFormState>): Promise<ReviewFormState> {
  const userId = await currentUserId();
  if (userId === null) return { ok: false, message: "sign_in_required" };
  try {
    return await run(userId);
  } catch (error) {
    log.error({ err: error, userId, what }, "review action failed");
    return { ok: false, message: "unavailable" };
  }
}

/** Writes a new review (no reviewId) or edits the learner's own. */
export async function saveReviewAction(_prev: ReviewFormState, form: FormData): Promise<ReviewFormState> {
  return guarded("save", async (userId) => {
    const courseId = idSchema.safeParse(form.get("courseId"));
    if (!courseId.success) return { ok: false, message: "not_found" };
    // A bot filled the field people never see: answer as if it worked, store nothing.
    if (isBot(form)) return { ok: true, message: "created" };
    const parsed = reviewInputSchema.safeParse({ rating: form.get("rating") ?? undefined, body: form.get("body") ?? "" });
    if (!parsed.success) return { ok: false, message: "invalid", fieldErrors: fieldErrors(parsed.error) };
    const reviewId = form.get("reviewId") ? idSchema.safeParse(form.get("reviewId")) : null;
    if (reviewId && !reviewId.success) return { ok: false, message: "not_found" };
    const result = reviewId ? await updateReview(userId, reviewId.data!, parsed.data) : await createReview(userId, courseId.data, parsed.data);
    if (!result.ok) return refused(result);
    await refresh(courseId.data);
    const held = result.value.status === "held";
    return { ok: true, message: reviewId ? (held ? "createdHeld" : "updated") : held ? "createdHeld" : "created" };
  });
}

export async function deleteReviewAction(_prev: ReviewFormState, form: FormData): Promise<ReviewFormState> {
  return guarded("delete", async (userId) => {
    const id = idSchema.safeParse(form.get("reviewId"));
    if (!id.success) return { ok: false, message: "not_found" };
    const result = await deleteReview(userId, id.data);
    if (!result.ok) return refused(result);
    await refresh(result.value.courseId);
    return { ok: true, message: "deleted" };
  });
}

export async function helpfulAction(_prev: ReviewFormState, form: FormData): Promise<ReviewFormState> {
  return guarded("helpful", async (userId) => {
    const id = idSchema.safeParse(form.get("reviewId"));
    if (!id.success) return { ok: false, message: "not_found" };
    const result = await setHelpful(userId, id.data, form.get("helpful") !== "0");
    if (!result.ok) return refused(result);
    await refresh(result.value.courseId);
    return { ok: true, message: "voted" };
  });
}

export async function replyAction(_prev: ReviewFormState, form: FormData): Promise<ReviewFormState> {
  return guarded("reply", async (userId) => {
    const id = idSchema.safeParse(form.get("reviewId"));
    if (!id.success) return { ok: false, message: "not_found" };
    const parsed = replyInputSchema.safeParse({ body: form.get("body") ?? "" });
    if (!parsed.success) return { ok: false, message: "invalid", fieldErrors: fieldErrors(parsed.error) };
    const result = await replyToReview(userId, id.data, parsed.data.body);
    if (!result.ok) return refused(result);
    await refresh(result.value.courseId);
    return { ok: true, message: "replied" };
  });
}

export async function reportReviewAction(_prev: ReviewFormState, form: FormData): Promise<ReviewFormState> {
  return guarded("report", async (userId) => {
    const id = idSchema.safeParse(form.get("reviewId"));
    if (!id.success) return { ok: false, message: "not_found" };
    const review = await reviewById(id.data);
    if (!review || review.status !== "published") return { ok: false, message: "not_found" };
    const limited = await admitReaction(userId);
    if (limited) return refused({ ok: false, ...limited });
    await fileReport(userId, "review", id.data, String(form.get("reason") ?? ""));
    return { ok: true, message: "reported" };
  });
}
