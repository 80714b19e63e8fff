// The reviews API's side of lib/http: a refused write becomes the project's error answer with its status,
// and a review becomes its JSON shape.
import "server-only";
import { ApiError } from "@/lib/http/api";
import type { ReviewView } from "./queries";
import { REVIEW_MAX_CHARS } from "./schemas";
import type { ReviewFailure } from "./writes";

export function reviewApiError(failure: ReviewFailure): ApiError {
  if ("until" in failure) return new ApiError(403, "MUTED", `A moderator muted you until ${failure.until.toISOString()}.`, { until: failure.until.toISOString() });
  if ("retryAfterSeconds" in failure) return new ApiError(429, "RATE_LIMITED", "You are posting too often; try again shortly.", { retry_after_seconds: failure.retryAfterSeconds }, { "retry-after": String(failure.retryAfterSeconds) });
  switch (failure.error) {
    case "not_found":
      return new ApiError(404, "NOT_FOUND", "No such review or course.");
    case "not_enrolled":
      return new ApiError(403, "NOT_ENROLLED", "Only learners who hold the course may review it.");
    case "exists":
      return new ApiError(409, "ALREADY_REVIEWED", "You have already reviewed this course; edit your review instead.");
    case "forbidden":
      return new ApiError(403, "FORBIDDEN", "Only the author may change this review.");
    case "own_review":
      return new ApiError(403, "OWN_REVIEW", "You cannot vote on your own review.");
    case "not_teacher":
      return new ApiError(403, "NOT_TEACHER", "Only the course's teacher may reply to its reviews.");
    case "empty":
      return new ApiError(422, "VALIDATION_FAILED", "Some fields are invalid.", { body: [`The text cannot be empty (at most ${REVIEW_MAX_CHARS} characters).`], limit: REVIEW_MAX_CHARS });
  }
}

export function reviewJson(r: ReviewView) {
  return {
    id: r.id,
    course_id: r.courseId,
    author: { id: r.userId, name: r.authorName },
    rating: r.rating,
    body: r.body,
    status: r.status,
    helpful_count: r.helpfulCount,
    voted_helpful: r.votedByViewer,
    reply: r.reply ? { body: r.reply.body, author_name: r.reply.authorName, replied_at: r.reply.at.toISOString() } : null,
    created_at: r.createdAt.toISOString(),
    edited_at: r.editedAt?.toISOString() ?? null,
  };
}
