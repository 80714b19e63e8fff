// Shared by the live room's route handlers: ids from the path, and refusals as the API's error answers.
import "server-only";
import { ApiError } from "@/lib/http/api";
import { ChatRefused } from "./chat";

export function idParam(raw: string | undefined): number {
  if (!raw || !/^[1-9]\d{0,15}$/.test(raw)) throw new ApiError(404, "NOT_FOUND", "No such live lesson.");
  const id = Number(raw);
  if (!Number.isSafeInteger(id)) throw new ApiError(404, "NOT_FOUND", "No such live lesson.");
  return id;
}

const MESSAGES: Record<ChatRefused["refusal"]["code"], string> = {
  not_in_room: "Only learners enrolled in this course (and staff) may take part in its live room.",
  closed: "The live room's chat is not open now.",
  muted: "A moderator has muted you in this room for a while.",
  rate_limited: "You are sending messages too fast.",
  sensitive: "The message contains words that are not allowed.",
};

/** Runs `work`, answering a refusal with its status (and Retry-After for a mute or the rate limit). */
export async function refusalsAsErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ChatRefused)) throw error;
    const r = error.refusal;
    const retry = "retryAfterSeconds" in r ? { "Retry-After": String(r.retryAfterSeconds) } : undefined;
    throw new ApiError(r.status, r.code.toUpperCase(), MESSAGES[r.code], "retryAfterSeconds" in r ? { retryAfterSeconds: r.retryAfterSeconds } : undefined, retry);
  }
}
