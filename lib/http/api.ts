// The JSON API's error shape and the wrapper every route handler runs in:
//   { "error": { "code": "VALIDATION_FAILED", "message": "readable text", "details": {...} } }
// Handlers throw ApiError (or let a zod error escape) and the wrapper answers with the right status; anything
// else is logged with the request id and answered as a plain 500 without internals.
import "server-only";
import { z } from "zod";
import { requestLogger } from "@/lib/log/request";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function errorResponse(status: number, code: string, message: string, details?: unknown, headers?: Record<string, string>): Response {
  return Response.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** Field errors keyed by path, e.g. { "password": ["At least 8 characters"] }. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parses a JSON body with a schema: 400 for a body that is not JSON, 422 with field errors for invalid data. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ApiError(400, "BAD_REQUEST", "The request body must be valid JSON.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(422, "VALIDATION_FAILED", "Some fields are invalid.", fieldErrors(parsed.error));
  return parsed.data;
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error.status, error.code, error.message, error.details, error.headers);
      if (error instanceof z.ZodError) return errorResponse(422, "VALIDATION_FAILED", "Some fields are invalid.", fieldErrors(error));
      const log = await requestLogger({ path: new URL(request.url).pathname, method: request.method });
      log.error({ err: error }, "unhandled error in API route");
      return errorResponse(500, "INTERNAL", "Something went wrong on our side. Please try again.");
    }
  };
}

/** A cookie's value from the request's Cookie header (route handlers get a plain Request). */
export function requestCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw; // not percent-encoded after all
    }
  }
  return undefined;
}

/** The client's address as the load balancer reports it (first hop of x-forwarded-for). */
export function clientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || "unknown";
}
