// What the HTTP server hook (./server-hook.ts) answers itself, before Next.js sees a request, and how much
// body it lets through. Pure, so every rule is unit-tested (request-screen.test.ts):
// - a path whose percent-encoding is broken: 400 (Next.js would fail with a 500);
// - a method the resource does not take: 405 with Allow. TRACE, TRACK and CONNECT in particular make Next.js
//   throw while it builds the Request object (500 with a stack trace in development);
// - a declared Content-Length above the route's limit: 413, without reading a byte of the body;
// - otherwise the request goes on, with the route's body limit (the hook stops passing bytes beyond it).
// API paths answer in the API's JSON error shape, everything else in plain text.
import { BODY_LIMITS, HTTP_METHODS, allowedMethods, bodyLimitOf, findRoute, formatBytes, type HttpMethod } from "./routes";

export type Screened =
  | { kind: "answer"; status: number; headers: Record<string, string>; body: string }
  | { kind: "pass"; bodyLimit: number };

const PAGE_METHODS: HttpMethod[] = ["GET", "HEAD", "OPTIONS", "POST"];
const ASSET_METHODS: HttpMethod[] = ["GET", "HEAD", "OPTIONS"];
const isStandard = (method: string): method is HttpMethod => (HTTP_METHODS as readonly string[]).includes(method);

const REASONS: Record<number, string> = { 204: "No Content", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 413: "Payload Too Large" };

function answer(api: boolean, status: number, code: string, message: string, headers: Record<string, string> = {}): Screened {
  const common = { "cache-control": "no-store", "x-content-type-options": "nosniff", ...headers };
  if (status === 204) return { kind: "answer", status, headers: common, body: "" };
  return api
    ? { kind: "answer", status, headers: { ...common, "content-type": "application/json" }, body: JSON.stringify({ error: { code, message } }) }
    : { kind: "answer", status, headers: { ...common, "content-type": "text/plain; charset=utf-8" }, body: `${status} ${REASONS[status] ?? ""}\n` };
}

/** The path of a request target (origin form, absolute form or "*"), undecoded; null when unreadable. */
function rawPath(target: string): string | null {
  if (target.startsWith("/")) return target.split("?", 1)[0]!;
  if (target === "*") return "*";
  try {
    return new URL(target).pathname;
  } catch {
    return null;
  }
}

function decodedSegments(path: string): string[] | null {
  try {
    return path.split("/").map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}

export function screenRequest(input: { method: string; target: string; contentLength?: string }): Screened {
  const method = input.method.toUpperCase();
  const path = rawPath(input.target);
  if (path === null) return answer(false, 400, "BAD_REQUEST", "The request target is not a path.");
  if (path === "*") {
    return method === "OPTIONS" ? answer(false, 204, "", "", { allow: PAGE_METHODS.join(", ") }) : answer(false, 400, "BAD_REQUEST", "Only OPTIONS may ask about *.");
  }
  const api = path === "/api" || path.startsWith("/api/");
  const segments = decodedSegments(path);
  if (!segments) return answer(api, 400, "BAD_REQUEST", "The request path is not valid percent-encoding.");

  const route = findRoute(segments);
  let limit: number = api ? BODY_LIMITS.json : BODY_LIMITS.serverAction;
  if (route) {
    const allowed = allowedMethods(route.spec);
    if (!(allowed as string[]).includes(method)) {
      return answer(api, 405, "METHOD_NOT_ALLOWED", `${method} is not allowed here; this resource accepts ${allowed.join(", ")}.`, { allow: allowed.join(", ") });
    }
    limit = bodyLimitOf(route.spec);
  } else if (api) {
    // No such route: Next.js answers 404 itself, except for methods it cannot even represent.
    if (!isStandard(method)) return answer(true, 404, "NOT_FOUND", "There is no API resource at this path.");
  } else {
    const assets = path.startsWith("/_next/static/") || path === "/_next/image";
    const allowed = assets ? ASSET_METHODS : PAGE_METHODS;
    // Other /_next/ paths are Next.js's own (development tools among them): only their method must be one it handles.
    const internal = !assets && path.startsWith("/_next/");
    if (internal ? !isStandard(method) : !allowed.includes(method as HttpMethod)) {
      return answer(false, 405, "METHOD_NOT_ALLOWED", "", { allow: allowed.join(", ") });
    }
    // Next.js answers OPTIONS on a page with an empty 400.
    if (method === "OPTIONS" && !internal) return answer(false, 204, "", "", { allow: allowed.join(", ") });
    if (assets) limit = BODY_LIMITS.json;
  }

  const declared = input.contentLength === undefined ? NaN : Number(input.contentLength);
  if (declared > limit) return answer(api, 413, "PAYLOAD_TOO_LARGE", `The request body may be at most ${formatBytes(limit)}.`);
  return { kind: "pass", bodyLimit: limit };
}
