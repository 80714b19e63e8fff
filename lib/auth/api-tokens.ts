// API access tokens for other clients (mobile apps, services): a registered session of kind "api" and an
// RS256 JWT naming it.
import "server-only";
import { z } from "zod";
import { ApiError, clientIp } from "@/lib/http/api";
import { peekRateLimit, rateLimit, tooManyRequests } from "@/lib/security/rate-limit";
import { signToken } from "./jwt";
import { registerSession } from "./session-registry";
import { checkCredentials, recordSignIn } from "./users";

export const API_TOKEN_TTL_SECONDS = 60 * 60;

export const tokenRequestSchema = z.object({
  login: z.string().trim().min(1, "Enter your email or mobile number").max(191),
  password: z.string().min(1, "Enter your password").max(256),
});

/** Sign-in attempts allowed per account and per address, successful or not. */
export const SIGN_IN_LIMITS = {
  perLogin: { limit: 10, windowSeconds: 15 * 60 },
  perIp: { limit: 60, windowSeconds: 5 * 60 },
} as const;

/**
 * Refuses a sign-in (429) once too many attempts FAILED for this login or from this address. Only failures
 * count (countFailedSignIn), so a classroom behind one address signing in together is never locked out,
 * while guessing passwords is; once over the limit even the right password is refused until the window ends.
 */
export async function throttleSignIn(login: string, ip: string): Promise<void> {
  const [byLogin, byIp] = await Promise.all([
    peekRateLimit("sign-in:login", login.trim().toLowerCase(), SIGN_IN_LIMITS.perLogin),
    peekRateLimit("sign-in:ip", ip, SIGN_IN_LIMITS.perIp),
  ]);
  if (!byLogin.ok || !byIp.ok) tooManyRequests(Math.max(byLogin.retryAfterSeconds, byIp.retryAfterSeconds));
}

export async function countFailedSignIn(login: string, ip: string): Promise<void> {
  await Promise.all([rateLimit("sign-in:login", login.trim().toLowerCase(), SIGN_IN_LIMITS.perLogin), rateLimit("sign-in:ip", ip, SIGN_IN_LIMITS.perIp)]);
}

export async function issueApiToken(request: Request, input: z.infer<typeof tokenRequestSchema>) {
  const ip = clientIp(request);
  await throttleSignIn(input.login, ip);
  const user = await checkCredentials(input.login, input.password);
  if (!user) {
    await countFailedSignIn(input.login, ip);
    throw new ApiError(401, "INVALID_CREDENTIALS", "The login or the password is wrong.");
  }
  if (user.disabled) throw new ApiError(403, "ACCOUNT_DISABLED", "This account has been disabled. Please contact support.");
  const session = await registerSession(user.id, "api", { userAgent: request.headers.get("user-agent") ?? "", ip }, API_TOKEN_TTL_SECONDS);
  const accessToken = await signToken({ sub: String(user.id), sid: session.sid, kind: "api" }, API_TOKEN_TTL_SECONDS);
  await recordSignIn(user.id);
  return { access_token: accessToken, token_type: "Bearer" as const, expires_in: API_TOKEN_TTL_SECONDS };
}
