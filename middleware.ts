// The request gate in front of every page and API route:
// - gives each request an id (kept from a trusted load balancer's `x-request-id` when well formed) that the
//   logs and the response carry;
// - checks a browser session cookie: a valid RS256 signature and a session still registered in Redis (one
//   GET: the only round trip on the request's path; "last seen" is refreshed after the response, at most
//   every few minutes). A revoked or forged cookie is dropped before the page sees it, and pages
//   that need an account redirect to sign-in. Route handlers and server actions check again themselves.
// - gates /admin and /api/v1/admin with the RBAC decision (lib/rbac/decide.ts): a visitor is sent to sign in
//   (the API answers 401), a user without the permission gets the 403 page (the API a 403 error). Pages,
//   route handlers and server actions decide again themselves (lib/rbac/guard.ts). A server action posted to an
//   admin page is let through on the page's permission; the action checks its own.
// - answers anonymous GETs of the catalogue pages from the full-page cache (lib/page-cache) when it holds a
//   current copy, before anything renders; a miss renders as usual and refills the cache in the background.
// Next.js 16 calls this convention "proxy"; the product brief names the file middleware.ts, which Next still runs.
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { verifyToken } from "@/lib/auth/jwt";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie";
import { isSessionActive, needsTouch, parseSession, sessionKey, touchSession } from "@/lib/auth/session-registry";
import { sealViewer, VIEWER_HEADER, type ForwardedViewer } from "@/lib/auth/viewer-header";
import { localeCookieName } from "@/lib/i18n/config";
import { cacheablePage, cachedResponseInit, fillPage, isFillRequest, lookupPage, PAGE_CACHE_HEADER, PAGE_FILL_HEADER, pageCacheEnabled, shouldRefill } from "@/lib/page-cache";
import { decide } from "@/lib/rbac/decide";
import { cachedPermissionsRead, effectivePermissions, type EffectivePermissions } from "@/lib/rbac/permissions";
import { getMany } from "@/lib/redis/hot-reads";

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;
/** Pages that only make sense signed in. */
const SIGNED_IN_ONLY = ["/account", "/admin"];

interface LiveSession {
  viewer: ForwardedViewer;
  /** The user's permissions when Redis held a current copy (read in the same round trip), else null. */
  permissions: EffectivePermissions | null;
}

/**
 * A live browser session; null when the cookie is forged, expired or signed out. It reads the token's signature,
 * then the session's registration and the user's cached permissions in one Redis round trip (so the header's
 * "Admin" link costs nothing more). Throws when Redis cannot be asked: that says nothing about the session.
 */
async function liveSession(token: string, event: NextFetchEvent): Promise<LiveSession | null> {
  const result = await verifyToken(token);
  if (!result.ok || result.claims.kind !== "web") return null;
  const userId = Number(result.claims.sub);
  if (!Number.isSafeInteger(userId) || userId <= 0) return null;
  const permissionsRead = cachedPermissionsRead(userId);
  const [rawSession, rawEpoch, rawPermissions] = await getMany([sessionKey(result.claims.sid), ...permissionsRead.keys]);
  const session = parseSession(rawSession);
  if (!session) return null;
  if (needsTouch(session)) event.waitUntil(touchSession(session).catch(() => undefined));
  const permissions = permissionsRead.interpret([rawEpoch, rawPermissions]);
  const admin = permissions ? decide({ userId, permissions: permissions.permissions }, "GET", "/admin").outcome === "allow" : null;
  const name = typeof result.claims.name === "string" ? result.claims.name : "";
  return { viewer: { userId, sessionId: result.claims.sid, name, admin }, permissions };
}

/** The user id of a valid bearer token whose session is live, or null. */
async function bearerUser(header: string): Promise<number | null> {
  const match = /^Bearer\s+(\S+)$/.exec(header.trim());
  if (!match) return null;
  const result = await verifyToken(match[1]!);
  if (!result.ok || !(await isSessionActive(result.claims.sid))) return null;
  return Number(result.claims.sub);
}

const isAdminPage = (path: string) => path === "/admin" || path.startsWith("/admin/");
const isAdminApi = (path: string) => path === "/api/v1/admin" || path.startsWith("/api/v1/admin/");

function apiError(status: 401 | 403, code: string, message: string): NextResponse {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (status === 401) headers["WWW-Authenticate"] = 'Bearer realm="xuefu"';
  return NextResponse.json({ error: { code, message } }, { status, headers });
}

/** The RBAC gate: a response that ends the request, or null to let it through. */
async function adminGate(request: NextRequest, headers: Headers, path: string, userId: number | null, known: EffectivePermissions | null): Promise<NextResponse | null> {
  const api = isAdminApi(path);
  if (!api && !isAdminPage(path)) return null;
  let principal = null;
  try {
    principal = userId === null ? null : { userId, permissions: (known ?? (await effectivePermissions(userId))).permissions };
  } catch {
    // MySQL unreachable: the API says so; a page goes on to its own guard, which fails with the error page.
    if (api) return NextResponse.json({ error: { code: "UNAVAILABLE", message: "Permissions cannot be checked right now. Please try again." } }, { status: 503 });
    return null;
  }
  // A server action is a POST to the page it was rendered on: the page's permission lets it in, the action decides.
  const method = !api && request.headers.has("next-action") ? "GET" : request.method;
  const decision = decide(principal, method, path);
  if (decision.outcome === "allow") return null;
  if (api) {
    return decision.reason === "unauthenticated"
      ? apiError(401, "UNAUTHORIZED", "Sign in first: send an access token as `Authorization: Bearer <token>`.")
      : apiError(403, "FORBIDDEN", "Your roles do not allow this.");
  }
  if (decision.reason === "unauthenticated") return null; // handled with the other signed-in-only pages
  return NextResponse.rewrite(new URL("/forbidden", request.url), { status: 403, request: { headers } });
}

/**
 * The page cache's part: a cached answer for an anonymous request, or null to render. `outcome` (for the
 * x-xuefu-page-cache header) says what happened to a request the cache could have answered.
 */
async function fromPageCache(request: NextRequest, event: NextFetchEvent, signedIn: boolean): Promise<{ response: NextResponse | null; outcome: string | null }> {
  const page = cacheablePage(request.method, request.nextUrl.pathname, request.nextUrl.search, request.headers, request.cookies.get(localeCookieName)?.value);
  if (!page) return { response: null, outcome: null };
  if (!pageCacheEnabled()) return { response: null, outcome: "off" };
  if (signedIn || isFillRequest(request.headers.get(PAGE_FILL_HEADER))) return { response: null, outcome: "bypass" };
  try {
    const found = await lookupPage(page);
    if (found.state === "miss") {
      event.waitUntil(fillPage(page));
      return { response: null, outcome: "miss" };
    }
    if (shouldRefill(found.page)) event.waitUntil(fillPage(page));
    const { body, headers } = cachedResponseInit(found.page);
    return { response: new NextResponse(body, { status: 200, headers }), outcome: found.state };
  } catch {
    // Redis unreachable: render (the data cache falls back to MySQL the same way).
    return { response: null, outcome: "bypass" };
  }
}

export async function middleware(request: NextRequest, event: NextFetchEvent): Promise<NextResponse> {
  const incoming = request.headers.get("x-request-id");
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);

  // Only this middleware may tell the page who is signed in (lib/auth/viewer-header.ts).
  headers.delete(VIEWER_HEADER);
  const cookieName = SESSION_COOKIE_NAMES.find((name) => request.cookies.has(name));
  const token = cookieName ? request.cookies.get(cookieName)?.value : undefined;
  let live: LiveSession | null = null;
  // A session that could not be checked (Redis unreachable) keeps its cookie: it renders as a visitor now and is
  // signed in again once Redis answers. Only a session known to be dead loses the cookie.
  let unchecked = false;
  if (token) {
    live = await liveSession(token, event).catch(() => ((unchecked = true), null));
    if (live === null) {
      request.cookies.delete(cookieName!);
      headers.set("cookie", request.cookies.toString());
    } else {
      headers.set(VIEWER_HEADER, sealViewer(live.viewer, requestId));
    }
  }
  const userId = live?.viewer.userId ?? null;

  const signedIn = userId !== null;
  const path = request.nextUrl.pathname;
  // The address as a person sees it: without the client router's cache-busting `_rsc` (which middleware sees,
  // as next.config.js sets skipProxyUrlNormalize for the page cache).
  const shown = new URL(request.nextUrl.href);
  shown.searchParams.delete("_rsc");
  const search = shown.search;
  headers.set("x-xuefu-path", path + search);
  const authorization = request.headers.get("authorization");
  const apiUser = isAdminApi(path) && authorization ? await bearerUser(authorization).catch(() => null) : userId;
  const gate = await adminGate(request, headers, path, apiUser, apiUser === userId ? (live?.permissions ?? null) : null);

  const cachedPage = gate ? { response: null, outcome: null } : await fromPageCache(request, event, signedIn);

  let response: NextResponse;
  if (gate) {
    response = gate;
  } else if (cachedPage.response) {
    response = cachedPage.response;
  } else if (!signedIn && SIGNED_IN_ONLY.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", path + search);
    response = NextResponse.redirect(signIn);
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  if (token && !signedIn && !unchecked) response.cookies.delete(cookieName!);
  response.headers.set("x-request-id", requestId);
  if (cachedPage.outcome) response.headers.set(PAGE_CACHE_HEADER, cachedPage.outcome);
  return response;
}

export const config = {
  runtime: "nodejs",
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
