"use server";
// The lesson page's Q&A forms: ask, answer (or reply to an answer), edit within the window, delete one's own,
// accept an answer, report. Each reads the person from the session and works before hydration.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db";
import { lessonPosts } from "@/db/schema";
import { eq } from "drizzle-orm";
import { currentUserId } from "@/lib/auth/current-user";
import { fieldErrors } from "@/lib/http/api";
import { logger } from "@/lib/log";
import { admitReaction, isBot } from "@/lib/moderation/gate";
import { fileReport } from "@/lib/moderation/reports";
import { EDIT_WINDOW_MINUTES, QA_MAX_CHARS, questionInputSchema } from "./schemas";
import { acceptAnswer, answerQuestion, askQuestion, deleteOwnPost, editPost, type QaFailure, type SavedPost } from "./writes";

const log = logger.child({ component: "qa-actions" });

export interface QaFormState {
  ok: boolean;
  /** A key under LessonQA.messages. */
  message: string | null;
  values?: Record<string, string | number>;
  fieldErrors?: Record<string, string[]>;
}

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

function refused(failure: QaFailure): QaFormState {
  if ("until" in failure) return { ok: false, message: "muted", values: { until: failure.until.toISOString().slice(0, 16).replace("T", " ") } };
  if ("retryAfterSeconds" in failure) return { ok: false, message: "rate_limited", values: { seconds: failure.retryAfterSeconds } };
  if (failure.error === "edit_window") return { ok: false, message: "edit_window", values: { minutes: EDIT_WINDOW_MINUTES } };
  if (failure.error === "too_deep") return { ok: false, message: "too_deep" };
  return { ok: false, message: failure.error };
}

function refresh(saved: SavedPost): void {
  if (saved.courseSlug) revalidatePath(`/courses/${saved.courseSlug}/lessons/${saved.lessonId}`);
}

async function guarded(what: string, run: (userId: number) => Promise<QaFormState>): Promise<QaFormState> {
  const userId = await currentUserId();
  if (userId === null) return { ok: false, message: "sign_in_required" };
  try {
    return await run(userId);
  } catch (error) {
    log.error({ err: error, userId, what }, "Q&A action failed");
    return { ok: false, message: "unavailable" };
  }
}

function parseBody(form: FormData): { ok: true; body: string } | { ok: false; state: QaFormState } {
  const parsed = questionInputSchema.safeParse({ body: form.get("body") ?? "" });
  if (parsed.success) return { ok: true, body: parsed.data.body };
  const errors = fieldErrors(parsed.error);
  const long = String(form.get("body") ?? "").trim().length > QA_MAX_CHARS;
  return { ok: false, state: { ok: false, message: long ? "too_long" : "empty", values: { max: QA_MAX_CHARS }, fieldErrors: errors } };
}

/** Asks (lessonId) or answers (questionId, optional parentId). */
export async function postAction(_prev: QaFormState, form: FormData): Promise<QaFormState> {
  return guarded("post", async (userId) => {
    if (isBot(form)) return { ok: true, message: "posted" };
    const body = parseBody(form);
    if (!body.ok) return body.state;
    const questionId = form.get("questionId");
    let result;
    if (questionId) {
      const q = idSchema.safeParse(questionId);
      const parent = form.get("parentId") ? idSchema.safeParse(form.get("parentId")) : null;
      if (!q.success || (parent && !parent.success)) return { ok: false, message: "not_found" };
      result = await answerQuestion(userId, q.data, body.body, parent?.data);
    } else {
      const lessonId = idSchema.safeParse(form.get("lessonId"));
      if (!lessonId.success) return { ok: false, message: "not_found" };
      result = await askQuestion(userId, lessonId.data, body.body);
    }
    if (!result.ok) return refused(result);
    refresh(result.value);
    return { ok: true, message: result.value.status === "held" ? "postedHeld" : "posted" };
  });
}

export async function editPostAction(_prev: QaFormState, form: FormData): Promise<QaFormState> {
  return guarded("edit", async (userId) => {
    const id = idSchema.safeParse(form.get("postId"));
    if (!id.success) return { ok: false, message: "not_found" };
    const body = parseBody(form);
    if (!body.ok) return body.state;
    const result = await editPost(userId, id.data, body.body);
    if (!result.ok) return refused(result);
    refresh(result.value);
    return { ok: true, message: result.value.status === "held" ? "postedHeld" : "updated" };
  });
}

export async function deletePostAction(_prev: QaFormState, form: FormData): Promise<QaFormState> {
  return guarded("delete", async (userId) => {
    const id = idSchema.safeParse(form.get("postId"));
    if (!id.success) return { ok: false, message: "not_found" };
    const result = await deleteOwnPost(userId, id.data);
    if (!result.ok) return refused(result);
    refresh(result.value);
    return { ok: true, message: "deleted" };
  });
}

export async function acceptAction(_prev: QaFormState, form: FormData): Promise<QaFormState> {
  return guarded("accept", async (userId) => {
    const q = idSchema.safeParse(form.get("questionId"));
    const a = idSchema.safeParse(form.get("answerId"));
    if (!q.success || !a.success) return { ok: false, message: "not_found" };
    const result = await acceptAnswer(userId, q.data, a.data);
    if (!result.ok) return refused(result);
    refresh(result.value);
    return { ok: true, message: "accepted" };
  });
}

export async function reportPostAction(_prev: QaFormState, form: FormData): Promise<QaFormState> {
  return guarded("report", async (userId) => {
    const id = idSchema.safeParse(form.get("postId"));
    if (!id.success) return { ok: false, message: "not_found" };
    const [post] = await db().select({ status: lessonPosts.status }).from(lessonPosts).where(eq(lessonPosts.id, id.data));
    if (!post || post.status !== "published") return { ok: false, message: "not_found" };
    const limited = await admitReaction(userId);
    if (limited) return refused({ ok: false, ...limited });
    await fileReport(userId, "post", id.data, String(form.get("reason") ?? ""));
    return { ok: true, message: "reported" };
  });
}
