// GET /api/auth/oauth/{qq|wechat|weibo}/callback — where the provider sends the browser back. Finishes the
// flow (lib/auth/oauth-flow.ts), then signs in through the one-time ticket or returns to the linking page.
import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";
import { auth, signIn } from "@/lib/auth/auth";
import { completeOAuth, failureUrl, isProviderId, issueTicket, OAuthFlowFailure, STATE_COOKIE, type OAuthOutcome } from "@/lib/auth/oauth-flow";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/log";

export const dynamic = "force-dynamic";

const to = (path: string) => NextResponse.redirect(new URL(path, env().APP_URL), 302);

export async function GET(request: NextRequest, ctx: { params: Promise<{ provider: string }> }): Promise<NextResponse> {
  const { provider } = await ctx.params;
  if (!isProviderId(provider)) return to(failureUrl({ code: "unknown_provider", mode: "sign_in", returnTo: "/" }));
  const jar = await cookies();
  const browserState = jar.get(STATE_COOKIE)?.value ?? null;
  jar.delete({ name: STATE_COOKIE, path: "/api/auth/oauth" });

  const session = await auth();
  let outcome: OAuthOutcome;
  try {
    outcome = await completeOAuth({
      provider,
      query: request.nextUrl.searchParams,
      currentUserId: session?.user?.id ? Number(session.user.id) : null,
      browserState,
    });
  } catch (error) {
    if (error instanceof OAuthFlowFailure) return to(failureUrl(error));
    logger.error({ err: error, provider }, "social sign-in callback failed");
    return to(failureUrl({ code: "unavailable", mode: "sign_in", returnTo: "/" }));
  }

  if (outcome.kind === "linked") {
    const url = new URL(outcome.returnTo, "http://x");
    url.searchParams.set("oauth_linked", provider);
    return to(url.pathname + url.search);
  }
  const ticket = await issueTicket(outcome.userId);
  try {
    // Throws Next's redirect to returnTo once the session cookie is set; that must propagate.
    await signIn("oauth-ticket", { ticket, redirectTo: outcome.returnTo });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const code = (error as AuthError & { code?: string }).code === "account_disabled" ? "account_disabled" : "unavailable";
    if (code === "unavailable") logger.error({ err: error, provider }, "redeeming a social sign-in ticket failed");
    return to(failureUrl({ code, mode: "sign_in", returnTo: outcome.returnTo }));
  }
  return to(outcome.returnTo);
}
