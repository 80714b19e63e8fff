// The Q&A API's side of lib/http: refused writes as the project's error answers, posts as JSON.
import "server-only";
import { ApiError } from "@/lib/http/api";
import type { PostView, QuestionView } from "./queries";
import { EDIT_WINDOW_MINUTES, MAX_DEPTH, QA_MAX_CHARS } from "./schemas";
import type { QaFailure } from "./writes";

export function qaApiError(failure: QaFailure): ApiError {
  if ("until" in failure) return new ApiError(403, "MUTED", `A moderator muted you until ${failure.until.toISOString()}.`, { until: failure.until.toISOString() });
  if ("retryAfterSeconds" in failure) return new ApiError(429, "RATE_LIMITED", "You are posting too often; try again shortly.", { retry_after_seconds: failure.retryAfterSeconds }, { "retry-after": String(failure.retryAfterSeconds) });
  switch (failure.error) {
    case "not_found":
      return new ApiError(404, "NOT_FOUND", "No such lesson, question or answer (it may have been deleted).");
    case "forbidden":
      return new ApiError(403, "FORBIDDEN", "Only learners enrolled in the course and its staff take part here.");
    case "edit_window":
      return new ApiError(403, "EDIT_WINDOW_CLOSED", `Posts can be edited for ${EDIT_WINDOW_MINUTES} minutes after posting.`);
    case "too_deep":
      return new ApiError(422, "TOO_DEEP", `Replies go at most ${MAX_DEPTH} levels deep.`);
    case "empty":
      return new ApiError(422, "VALIDATION_FAILED", "Some fields are invalid.", { body: [`The text cannot be empty (at most ${QA_MAX_CHARS} characters).`] });
  }
}

const post = (p: PostView) => ({
  id: p.id,
  kind: p.kind,
  author: { id: p.userId, name: p.authorName },
  parent_id: p.parentId,
  depth: p.depth,
  body: p.status === "deleted" ? null : p.body,
  status: p.status,
  by_staff: p.byStaff,
  created_at: p.createdAt.toISOString(),
  edited_at: p.editedAt?.toISOString() ?? null,
});

export const questionJson = (q: QuestionView) => ({ ...post(q), accepted_answer_id: q.acceptedAnswerId, answer_count: q.answerCount, answers: q.answers.map(post) });
