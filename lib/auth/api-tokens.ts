// API access tokens for other clients (mobile apps, services): a registered session of kind "api" and an
// RS256 JWT naming it. Password checks and their guard against guessing are sign-in-guard.ts's, shared with
// the sign-in form.
import "server-only";
import { z } from "zod";
import { ApiError, clientIp, requestCookie } from "@/lib/http/api";
import { localeCookieName, resolveLocale } from "@/lib/i18n/config";
import { tooManyRequests } from "@/lib/security/rate-limit";
import { signToken } from "./jwt";
import { registerSession } from "./session-registry";
import { signInWithPassword } from "./sign-in-guard";
import { recordSignIn } from "./users";

export { SIGN_IN_LIMITS } from "./sign-in-guard";

export const API_TOKEN_TTL_SECONDS = 60 * 60;

export const tokenRequestSchema = z.object({
  login: z.string().trim().min(1, "Enter your email or mobile number").max(191),
  password: z.string().min(1, "Enter your password").max(256),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "The code has 6 digits")
    .optional()
    .describe("The 6-digit code sent to the account's email or mobile number, when an answer asked for it (VERIFICATION_REQUIRED)."),
});

export async function issueApiToken(request: Request, input: z.infer<typeof tokenRequestSchema>) {
  const ip = clientIp(request);
  const result = await signInWithPassword({ ...input, ip, locale: resolveLocale(requestCookie(request, localeCookieName)) });
  if (!result.ok) {
    switch (result.reason) {
      case "rate_limited":
        return tooManyRequests(result.retryAfterSeconds);
      case "account_disabled":
        throw new ApiError(403, "ACCOUNT_DISABLED", "This account has been disabled. Please contact support.");
      case "verification_required":
        throw new ApiError(
          401,
          "VERIFICATION_REQUIRED",
          "Too many failed sign-ins to this account: send the password again with `code`, the 6-digit code we have sent to the account's email or mobile number if the password is right.",
        );
      case "verification_failed":
        throw new ApiError(401, "VERIFICATION_FAILED", "The password or the code is wrong, or the code has expired (then a new one has been sent).");
      default:
        throw new ApiError(401, "INVALID_CREDENTIALS", "The login or the password is wrong.");
    }
  }
  const user = result.user;
  const session = await registerSession(user.id, "api", { userAgent: request.headers.get("user-agent") ?? "", ip }, API_TOKEN_TTL_SECONDS);
  const accessToken = await signToken({ sub: String(user.id), sid: session.sid, kind: "api" }, API_TOKEN_TTL_SECONDS);
  await recordSignIn(user.id);
  return { access_token: accessToken, token_type: "Bearer" as const, expires_in: API_TOKEN_TTL_SECONDS };
}
