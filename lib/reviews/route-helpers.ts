// Shared by the reviews route handlers: the caller, the path's review id, and JSON bodies with the posts' limit.
import "server-only";
import type { z } from "zod";
import { ApiError, readJson } from "@/lib/http/api";
import { BODY_LIMITS } from "@/lib/http/routes";
import { requireJson, requireLearner } from "@/lib/progress/auth";

export { requireLearner };

export function idParam(raw: string, what = "review"): number {
  if (!/^[1-9]\d{0,15}$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw new ApiError(404, "NOT_FOUND", `No such ${what}.`);
  return Number(raw);
}

/** A JSON body (415 otherwise: a cross-site form cannot send it with the cookie) checked against `schema`. */
export async function postBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  requireJson(request);
  return readJson(request, schema, { limit: BODY_LIMITS.communityPost });
}
