// The request gate in front of every page and API route:
// - gives each request an id (kept from a trusted load balancer's `x-request-id` when well formed) that the
//   logs and the response carry;
// - checks a browser session cookie: a valid RS256 signature and a session still registered in Redis (one
//   GET: the only round trip on the request's path; "last seen" is refreshed after the response, at most
//   every few minutes). A revoked or forged cookie is dropped before the page sees it, and pages
//   that need an account redirect to sign-in. Route handlers and server actions check again themselves.
// Next.js 16 calls this convention "proxy"; the product brief names the file middleware.ts, which Next still runs.
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { verifyToken } from "@/lib/auth/jwt";
import { getSession, needsTouch, touchSession } from "@/lib/auth/session-registry";

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];
/** Pages that only make sense signed in. */
const SIGNED_IN_ONLY = ["/account"];

async function sessionIsLive(token: string, event: NextFetchEvent): Promise<boolean> {
  const result = await verifyToken(token);
  if (!result.ok || result.claims.kind !== "web") return false;
  const session = await getSession(result.claims.sid);
  if (!session) return false;
  if (needsTouch(session)) event.waitUntil(touchSession(session).catch(() => undefined));
  return true;
}

export async function middleware(request: NextRequest, event: NextFetchEvent): Promise<NextResponse> {
  const incoming = request.headers.get("x-request-id");
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);

  const cookieName = SESSION_COOKIES.find((name) => request.cookies.has(name));
  const token = cookieName ? request.cookies.get(cookieName)?.value : undefined;
  let signedIn = false;
  if (token) {
    signedIn = await sessionIsLive(token, event).catch(() => false);
    if (!signedIn) {
      request.cookies.delete(cookieName!);
      headers.set("cookie", request.cookies.toString());
    }
  }

  const path = request.nextUrl.pathname;
  let response: NextResponse;
  if (!signedIn && SIGNED_IN_ONLY.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", path + request.nextUrl.search);
    response = NextResponse.redirect(signIn);
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  if (token && !signedIn) response.cookies.delete(cookieName!);
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  runtime: "nodejs",
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
