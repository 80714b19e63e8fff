// The request gate in front of every page and API route. For now it gives each request an id (kept from a
// trusted load balancer's `x-request-id` when it is well formed) that the logs and the response carry.
// Next.js 16 calls this convention "proxy"; the product brief names the file middleware.ts, which Next still runs.
import { NextResponse, type NextRequest } from "next/server";

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function middleware(request: NextRequest): NextResponse {
  const incoming = request.headers.get("x-request-id");
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
