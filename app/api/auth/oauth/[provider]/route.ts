// GET /api/auth/oauth/{qq|wechat|weibo}[?mode=link][&returnTo=/path] — starts a social sign-in, or (signed in)
// the linking of a provider to the account; see lib/auth/oauth-flow.ts.
import { cookies } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/lib/auth/auth";
import { beginOAuth, failureUrl, isProviderId, OAuthFlowFailure, STATE_COOKIE, STATE_TTL_SECONDS, type OAuthMode } from "@/lib/auth/oauth-flow";
import { sameSitePath } from "@/lib/auth/return-path";
import { env } from "@/lib/config/env";
import { clientIp } from "@/lib/http/api";
import { rateLimitAddress } from "@/lib/http/client-ip";
import { rateLimit } from "@/lib/security/rate-limit";

export const dynamic = "force-dynamic";

/** Each start stores a state in Redis for 10 minutes: bound how many one address can leave there. */
const START_RULE = { limit: 60, windowSeconds: 600 };

const to = (path: string) => NextResponse.redirect(new URL(path, env().APP_URL), 302);

export async function GET(request: NextRequest, ctx: { params: Promise<{ provider: string }> }): Promise<NextResponse> {
  const { provider } = await ctx.params;
  const query = request.nextUrl.searchParams;
  const mode: OAuthMode = query.get("mode") === "link" ? "link" : "sign_in";
  const returnTo = sameSitePath(query.get("returnTo"), mode === "link" ? "/account" : "/");
  if (!isProviderId(provider)) return to(failureUrl({ code: "unknown_provider", mode, returnTo }));

  if (!(await rateLimit("oauth-start:ip", rateLimitAddress(clientIp(request)), START_RULE)).ok) return to(failureUrl({ code: "rate_limited", mode, returnTo }));

  const session = await auth();
  const userId = session?.user?.id ? Number(session.user.id) : null;
  if (mode === "link" && !userId) {
    return to(`/sign-in?${new URLSearchParams({ callbackUrl: request.nextUrl.pathname + request.nextUrl.search })}`);
  }
  try {
    const { url, state } = await beginOAuth({ provider, mode, userId, returnTo });
    (await cookies()).set(STATE_COOKIE, state, {
      httpOnly: true,
      sameSite: "lax",
      secure: env().APP_URL.startsWith("https:"),
      path: "/api/auth/oauth",
      maxAge: STATE_TTL_SECONDS,
    });
    return NextResponse.redirect(url, 302);
  } catch (error) {
    if (error instanceof OAuthFlowFailure) return to(failureUrl(error));
    throw error;
  }
}
