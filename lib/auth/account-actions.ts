"use server";
// Server actions of the sign-up, forgot-password and account pages. Each validates its form with the schema
// the form itself uses (account-schemas.ts) and answers field errors as message keys. The account actions
// find the user from the session cookie, never from the form. Next.js checks a server action's Origin
// against the host, which is the CSRF protection for these forms.
import { AuthError } from "next-auth";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { ApiError, clientIp } from "@/lib/http/api";
import { logger } from "@/lib/log";
import { rateLimit } from "@/lib/security/rate-limit";
import {
  changePasswordSchema,
  fieldErrors,
  formFields,
  renameSchema,
  resetPasswordSchema,
  sendCodeSchema,
  signUpSchema,
  type FieldErrors,
} from "./account-schemas";
import { changePassword, findAccountByIdentifier, registerAccount, renameUser, resetPassword, revokeOwnSession, type CodeError } from "./accounts";
import { auth, signIn, signOut } from "./auth";
import { issueCode, type CodePurpose } from "./codes";
import { resolveLocale } from "@/lib/i18n/config";
import { revokeAllSessions } from "./session-registry";

const log = logger.child({ component: "account-actions" });

/** Form-level errors, as `Account.errors` keys. */
export type FormErrorKey = CodeError | "identifier_unavailable" | "current_password_wrong" | "no_password" | "rate_limited" | "unavailable" | "signed_up_sign_in_failed";

export interface FormState<F extends string> {
  fieldErrors: FieldErrors<F>;
  error: FormErrorKey | null;
  /** What the person typed (passwords excepted), to refill the form after an error. */
  values: Partial<Record<F, string>>;
  done: boolean;
}

type SignUpField = "name" | "identifier" | "code" | "password" | "terms";
type ResetField = "identifier" | "code" | "password";
export type SignUpState = FormState<SignUpField>;
export type ResetPasswordState = FormState<ResetField>;
export type RenameState = FormState<"name">;
export type ChangePasswordState = FormState<"currentPassword" | "password">;

const failed = <F extends string>(values: Partial<Record<F, string>>, fields: FieldErrors<F>, error: FormErrorKey | null = null): FormState<F> => ({
  fieldErrors: fields,
  error,
  values,
  done: false,
});

async function requestIp(): Promise<string> {
  return clientIp(new Request("http://local", { headers: await headers() }));
}

/** The signed-in user and this browser's session id; a visitor is sent to sign in. Fails closed. */
async function requireSession(): Promise<{ userId: number; sessionId: string }> {
  const session = await auth();
  const userId = Number(session?.user?.id);
  if (!session || !Number.isSafeInteger(userId) || userId <= 0 || !session.sessionId) redirect("/sign-in?callbackUrl=/account");
  return { userId, sessionId: session.sessionId };
}

export type SendCodeResult = { ok: true; expiresInSeconds: number } | { ok: false; error: "identifier_invalid" | "rate_limited" | "unavailable"; retryAfterSeconds?: number };

/**
 * Sends a sign-up or reset code. The answer is the same whether or not an account exists (issueCode decides
 * quietly whether a message goes out), so the form cannot be used to find out who has an account.
 */
export async function sendCode(purpose: CodePurpose, rawIdentifier: string): Promise<SendCodeResult> {
  const parsed = sendCodeSchema.safeParse({ identifier: rawIdentifier });
  if (!parsed.success || (purpose !== "sign_up" && purpose !== "reset_password")) return { ok: false, error: "identifier_invalid" };
  const target = parsed.data.identifier;
  try {
    const { expiresInSeconds } = await issueCode({
      purpose,
      target: target.value,
      ip: await requestIp(),
      locale: resolveLocale(await getLocale()),
      findAccount: async () => {
        const account = await findAccountByIdentifier(target);
        return account && { locale: resolveLocale(account.locale) };
      },
    });
    return { ok: true, expiresInSeconds };
  } catch (error) {
    if (error instanceof ApiError && error.status === 429) {
      return { ok: false, error: "rate_limited", retryAfterSeconds: Number(error.headers?.["Retry-After"]) || 60 };
    }
    log.error({ err: error, purpose }, "sending a verification code failed");
    return { ok: false, error: "unavailable" };
  }
}

export async function signUpAction(_prev: SignUpState, data: FormData): Promise<SignUpState> {
  const raw = formFields(data, ["name", "identifier", "code", "password", "terms"] as const);
  // The consent box is given back as it was, so a refusal for another field does not untick it.
  const values = { name: raw.name.slice(0, 64), identifier: raw.identifier.slice(0, 191), code: raw.code.slice(0, 12), terms: raw.terms === "on" ? "on" : "" };
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return failed(values, fieldErrors<SignUpField>(parsed.error));
  try {
    const result = await registerAccount(parsed.data, resolveLocale(await getLocale()));
    if (!result.ok) return failed(values, {}, result.error);
  } catch (error) {
    log.error({ err: error }, "sign-up failed");
    return failed(values, {}, "unavailable");
  }
  try {
    await signIn("credentials", { login: parsed.data.identifier.value, password: parsed.data.password, redirectTo: "/" });
  } catch (error) {
    if (error instanceof AuthError) return { ...failed(values, {}, "signed_up_sign_in_failed"), done: true };
    throw error; // the redirect home after signing in
  }
  return { ...failed(values, {}), done: true };
}

export async function resetPasswordAction(_prev: ResetPasswordState, data: FormData): Promise<ResetPasswordState> {
  const raw = formFields(data, ["identifier", "code", "password"] as const);
  const values = { identifier: raw.identifier.slice(0, 191), code: raw.code.slice(0, 12) };
  const parsed = resetPasswordSchema.safeParse(raw);
  if (!parsed.success) return failed(values, fieldErrors<ResetField>(parsed.error));
  try {
    const result = await resetPassword(parsed.data);
    if (!result.ok) return failed(values, {}, result.error);
    log.info({ userId: result.userId, revokedSessions: result.revokedSessions }, "password reset with a code; every session ended");
  } catch (error) {
    log.error({ err: error }, "password reset failed");
    return failed(values, {}, "unavailable");
  }
  return { fieldErrors: {}, error: null, values: { identifier: values.identifier }, done: true };
}

export async function renameAction(_prev: RenameState, data: FormData): Promise<RenameState> {
  const { userId } = await requireSession();
  const raw = formFields(data, ["name"] as const);
  const parsed = renameSchema.safeParse(raw);
  if (!parsed.success) return failed({ name: raw.name.slice(0, 64) }, fieldErrors<"name">(parsed.error));
  await renameUser(userId, parsed.data.name);
  revalidatePath("/", "layout");
  return { fieldErrors: {}, error: null, values: { name: parsed.data.name }, done: true };
}

/** Guessing the current password through this form is limited like signing in. */
const CHANGE_PASSWORD_RULE = { limit: 10, windowSeconds: 15 * 60 };

export async function changePasswordAction(_prev: ChangePasswordState, data: FormData): Promise<ChangePasswordState> {
  const { userId, sessionId } = await requireSession();
  const parsed = changePasswordSchema.safeParse(formFields(data, ["currentPassword", "password"] as const));
  if (!parsed.success) return failed({}, fieldErrors<"currentPassword" | "password">(parsed.error));
  if (!(await rateLimit("account:change-password", String(userId), CHANGE_PASSWORD_RULE)).ok) return failed({}, {}, "rate_limited");
  const result = await changePassword(userId, sessionId, parsed.data);
  if (!result.ok) return failed({}, {}, result.error);
  log.info({ userId, revokedSessions: result.revokedSessions }, "password changed; other sessions ended");
  revalidatePath("/account");
  return { fieldErrors: {}, error: null, values: {}, done: true };
}

export async function revokeSessionAction(data: FormData): Promise<void> {
  const { userId, sessionId } = await requireSession();
  const sid = data.get("sid");
  // The current session is ended by signing out, which also clears the cookie.
  if (typeof sid === "string" && sid !== sessionId) await revokeOwnSession(userId, sid);
  revalidatePath("/account");
}

export async function signOutEverywhereAction(): Promise<void> {
  const { userId } = await requireSession();
  await revokeAllSessions(userId);
  try {
    await signOut({ redirect: false });
  } catch (error) {
    // The session is already gone from the registry; clearing the cookie is a courtesy.
    log.warn({ err: error }, "clearing the session cookie after signing out everywhere failed");
  }
  redirect("/sign-in?callbackUrl=/account");
}
