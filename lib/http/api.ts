// The JSON API's error shape and the wrapper every route handler runs in:
//   { "error": { "code": "VALIDATION_FAILED", "message": "readable text", "details": {...} } }
// Handlers throw ApiError (or let a zod error escape) and the wrapper answers with the right status; anything
// else is logged with the request id and answered as a plain 500 without internals.
import "server-only";
import { z } from "zod";
import { requestLogger } from "@/lib/log/request";
import { clientIpFromHeaders } from "./client-ip";
import { BODY_LIMITS, formatBytes } from "./routes";

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

export interface ReadBodyOptions {
  /** Largest body accepted, in bytes (default BODY_LIMITS.json, 16 kB); beyond it the answer is 413. */
  limit?: number;
}

function payloadTooLarge(limit: number): ApiError {
  // The rest of the body is not read: the connection closes after the answer instead of waiting for it.
  return new ApiError(413, "PAYLOAD_TOO_LARGE", `The request body may be at most ${formatBytes(limit)}.`, undefined, { connection: "close" });
}

/**
 * The raw body, read as a stream and never more than `limit` bytes of it: a declared Content-Length above the
 * limit is refused before reading, and a body without one (chunked) is counted while it arrives and
 * abandoned as soon as it passes the limit. Both answer 413. (The HTTP server hook applies the same limits
 * before Next.js buffers anything: lib/http/server-hook.ts.)
 */
export async function readBody(request: Request, options: ReadBodyOptions = {}): Promise<Uint8Array> {
  const limit = options.limit ?? BODY_LIMITS.json;
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) throw payloadTooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The body parsed as JSON, at most `limit` bytes (413 beyond); 400 when it is not JSON. */
export async function readJsonValue(request: Request, options: ReadBodyOptions = {}): Promise<unknown> {
  const body = await readBody(request, options);
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body)) as unknown;
  } catch {
    throw new ApiError(400, "BAD_REQUEST", "The request body must be valid JSON.");
  }
}

/**
 * Parses a JSON body with a schema: 413 beyond the size limit (16 kB unless `options.limit` says otherwise),
 * 400 for a body that is not JSON, 422 with field errors for invalid data.
 */
export async function readJson<T extends z.ZodType>(request: Request, schema: T, options: ReadBodyOptions = {}): Promise<z.infer<T>> {
  const body = await readJsonValue(request, options);
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

/**
 * The client's address: the socket's peer, or, when that peer is one of TRUSTED_PROXIES, the right-most
 * address in X-Forwarded-For that is not a trusted proxy; "unknown" when it cannot be known (./client-ip.ts).
 */
export function clientIp(request: Request): string {
  return clientIpFromHeaders(request.headers);
}
