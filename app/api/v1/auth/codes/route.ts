import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { codeRequestSchema } from "@/lib/auth/code-request";
import { CODE_TTL_SECONDS, issueCode } from "@/lib/auth/codes";
import type { Identifier } from "@/lib/auth/identifiers";
import { apiRoute, clientIp, readJson, requestCookie } from "@/lib/http/api";
import { localeCookieName, resolveLocale, type AppLocale } from "@/lib/i18n/config";

export const dynamic = "force-dynamic";

async function findAccount(target: Identifier): Promise<{ locale: AppLocale } | undefined> {
  const column = target.kind === "email" ? users.email : users.mobile;
  const [account] = await db().select({ locale: users.locale }).from(users).where(eq(column, target.value)).limit(1);
  return account && { locale: resolveLocale(account.locale) };
}

/** The UI language from the locale cookie, for people who have no account (and so no saved language) yet. */
const cookieLocale = (request: Request) => requestCookie(request, localeCookieName);

/**
 * POST {"purpose": "sign_up" | "reset_password", "target": email or mobile} → 202 {"sent": true, "expires_in": 300}.
 * The answer is the same whether or not an account exists (a sign-up code only goes to a new address or
 * number, a reset code only to an existing account), and the throttles count both cases alike, so neither
 * the status nor a 429 tells a caller who has an account.
 */
export const POST = apiRoute(async (request: Request) => {
  const { purpose, target } = await readJson(request, codeRequestSchema);
  await issueCode({
    purpose,
    target: target.value,
    ip: clientIp(request),
    locale: resolveLocale(cookieLocale(request)),
    findAccount: () => findAccount(target),
  });
  return Response.json({ sent: true, expires_in: CODE_TTL_SECONDS }, { status: 202, headers: { "cache-control": "no-store" } });
});
