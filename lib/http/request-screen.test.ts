// What the server hook answers before Next.js sees a request (lib/http/request-screen.ts).
import { describe, expect, it } from "vitest";
import { screenRequest, type Screened } from "./request-screen";
import { BODY_LIMITS } from "./routes";

const screen = (method: string, target: string, contentLength?: number) => screenRequest({ method, target, contentLength: contentLength === undefined ? undefined : String(contentLength) });
const answered = (s: Screened) => {
  if (s.kind !== "answer") throw new Error("expected an answer");
  return { status: s.status, allow: s.headers.allow, type: s.headers["content-type"], body: s.body ? (s.headers["content-type"]?.startsWith("application/json") ? JSON.parse(s.body) : s.body) : "" };
};

describe("methods", () => {
  it("answers TRACE, TRACK and CONNECT on an API route with 405, its Allow header and the JSON error", () => {
    for (const method of ["TRACE", "TRACK", "CONNECT"]) {
      expect(answered(screen(method, "/api/v1/courses"))).toEqual({
        status: 405,
        allow: "GET, HEAD, OPTIONS",
        type: "application/json",
        body: { error: { code: "METHOD_NOT_ALLOWED", message: `${method} is not allowed here; this resource accepts GET, HEAD, OPTIONS.` } },
      });
    }
  });

  it("answers a wrong standard method on an API route with 405 and the route's methods", () => {
    expect(answered(screen("DELETE", "/api/v1/tokens"))).toMatchObject({ status: 405, allow: "OPTIONS, POST", body: { error: { code: "METHOD_NOT_ALLOWED" } } });
    expect(answered(screen("GET", "/api/v1/tokens"))).toMatchObject({ status: 405, allow: "OPTIONS, POST" });
    expect(answered(screen("HEAD", "/api/v1/tokens"))).toMatchObject({ status: 405 });
    expect(answered(screen("POST", "/api/v1/courses/42?x=1"))).toMatchObject({ status: 405, allow: "GET, HEAD, OPTIONS" });
    expect(answered(screen("PROPFIND", "/api/v1/admin/courses/7"))).toMatchObject({ status: 405, allow: "GET, HEAD, OPTIONS, PUT, PATCH, DELETE" });
  });

  it("lets the methods a route takes through, OPTIONS included (Next.js answers it)", () => {
    for (const [method, target] of [
      ["GET", "/api/v1/courses"],
      ["HEAD", "/api/v1/courses"],
      ["OPTIONS", "/api/v1/courses"],
      ["POST", "/api/v1/tokens"],
      ["PATCH", "/api/v1/admin/courses/7"],
      ["POST", "/api/auth/callback/credentials"],
    ]) {
      expect(screen(method!, target!).kind, `${method} ${target}`).toBe("pass");
    }
  });

  it("leaves unknown API paths to Next.js, except for methods it cannot represent", () => {
    expect(screen("GET", "/api/v1/nothing").kind).toBe("pass");
    expect(screen("DELETE", "/api/v1/nothing").kind).toBe("pass");
    expect(answered(screen("TRACE", "/api/v1/nothing"))).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND" } } });
  });

  it("answers pages and files in plain text: 405 for methods they do not take, 204 for OPTIONS", () => {
    expect(answered(screen("TRACE", "/"))).toEqual({ status: 405, allow: "GET, HEAD, OPTIONS, POST", type: "text/plain; charset=utf-8", body: "405 Method Not Allowed\n" });
    for (const method of ["PUT", "PATCH", "DELETE", "PROPFIND", "CONNECT"]) expect(answered(screen(method, "/courses")).status, method).toBe(405);
    expect(answered(screen("DELETE", "/robots.txt")).status).toBe(405);
    expect(answered(screen("TRACE", "/.well-known/jwks.json"))).toMatchObject({ status: 405, allow: "GET, HEAD, OPTIONS", type: "text/plain; charset=utf-8" });
    expect(answered(screen("POST", "/_next/static/chunks/app.js"))).toMatchObject({ status: 405, allow: "GET, HEAD, OPTIONS" });
    expect(answered(screen("OPTIONS", "/courses"))).toMatchObject({ status: 204, allow: "GET, HEAD, OPTIONS, POST", body: "" });
    expect(answered(screen("OPTIONS", "*"))).toMatchObject({ status: 204 });
    // Server actions are POSTs to pages; Next.js's own tools live under /_next/.
    expect(screen("POST", "/admin/courses/7").kind).toBe("pass");
    expect(screen("POST", "/_next/mcp").kind).toBe("pass");
    expect(answered(screen("TRACE", "/_next/mcp")).status).toBe(405);
  });
});

describe("paths", () => {
  it("answers broken percent-encoding with 400: JSON on API paths, text elsewhere", () => {
    expect(answered(screen("GET", "/api/v1/courses/%E0%A4%A"))).toEqual({
      status: 400,
      allow: undefined,
      type: "application/json",
      body: { error: { code: "BAD_REQUEST", message: "The request path is not valid percent-encoding." } },
    });
    expect(answered(screen("GET", "/api/v1/%ZZ"))).toMatchObject({ status: 400, type: "application/json" });
    expect(answered(screen("GET", "/courses/%E0%A4%A"))).toMatchObject({ status: 400, type: "text/plain; charset=utf-8" });
    // The query string is the handlers' business (URLSearchParams reads it leniently).
    expect(screen("GET", "/api/v1/courses?q=%E0%A4%A").kind).toBe("pass");
    expect(screen("GET", "/api/v1/courses/%E5%AD%A6").kind).toBe("pass");
  });
});

describe("body limits", () => {
  it("refuses a declared Content-Length above the route's limit without reading the body", () => {
    expect(answered(screen("POST", "/api/v1/tokens", BODY_LIMITS.json + 1))).toMatchObject({ status: 413, body: { error: { code: "PAYLOAD_TOO_LARGE", message: "The request body may be at most 16 kB." } } });
    expect(screen("POST", "/api/v1/tokens", BODY_LIMITS.json)).toEqual({ kind: "pass", bodyLimit: BODY_LIMITS.json });
    expect(answered(screen("PUT", "/api/v1/admin/courses/7", BODY_LIMITS.course + 1)).status).toBe(413);
    expect(screen("PUT", "/api/v1/admin/courses/7", BODY_LIMITS.course)).toEqual({ kind: "pass", bodyLimit: BODY_LIMITS.course });
    expect(screen("POST", "/api/payments/wechat/notify", 10_000)).toEqual({ kind: "pass", bodyLimit: BODY_LIMITS.paymentCallback });
    expect(answered(screen("POST", "/courses/x", BODY_LIMITS.serverAction + 1))).toMatchObject({ status: 413, type: "text/plain; charset=utf-8" });
    expect(screen("POST", "/api/v1/nothing", 100)).toEqual({ kind: "pass", bodyLimit: BODY_LIMITS.json });
  });
});
