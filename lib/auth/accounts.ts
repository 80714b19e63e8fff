// Account life cycle behind the sign-up, password-reset and account-settings forms: plain functions, so the
// rules can be tested without a request. The server actions (account-actions.ts) add the session and the form.
import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import type { AppLocale } from "@/lib/i18n/config";
import type { ChangePasswordInput, ResetPasswordInput, SignUpInput } from "./account-schemas";
import type { Identifier } from "./identifiers";
import { verifyCode, type VerifyResult } from "./codes";
import { hashPassword, verifyPassword } from "./password";
import { listSessions, revokeAllSessions, revokeSession } from "./session-registry";
import { findUserById } from "./users";

type CodeFailure = Exclude<VerifyResult, "ok">;
/** Why a code was refused, as `Account.errors` keys. */
export type CodeError = `code_${CodeFailure}`;

const codeError = (result: CodeFailure): CodeError => `code_${result}`;

const identifierColumn = (id: Identifier) => (id.kind === "email" ? users.email : users.mobile);

export async function findAccountByIdentifier(id: Identifier): Promise<{ id: number; locale: string } | undefined> {
  const [row] = await db().select({ id: users.id, locale: users.locale }).from(users).where(eq(identifierColumn(id), id.value)).limit(1);
  return row;
}

function isDuplicateKey(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "ER_DUP_ENTRY") return true;
  }
  return false;
}

export type SignUpResult = { ok: true; userId: number } | { ok: false; error: CodeError | "identifier_unavailable" };

/**
 * Creates an account once the code sent to its email or mobile number checks out. Sign-up codes are only sent
 * to addresses without an account, so someone typing a stranger's address never gets past the code; the
 * "unavailable" answer reaches only whoever holds the address (an account created meanwhile, or a race).
 */
export async function registerAccount(input: SignUpInput, locale: AppLocale): Promise<SignUpResult> {
  const verdict = await verifyCode({ purpose: "sign_up", target: input.identifier.value, code: input.code });
  if (verdict !== "ok") return { ok: false, error: codeError(verdict) };
  if (await findAccountByIdentifier(input.identifier)) return { ok: false, error: "identifier_unavailable" };
  const passwordHash = await hashPassword(input.password);
  try {
    const [row] = await db()
      .insert(users)
      .values({
        name: input.name,
        email: input.identifier.kind === "email" ? input.identifier.value : null,
        mobile: input.identifier.kind === "mobile" ? input.identifier.value : null,
        passwordHash,
        locale,
        // signUpSchema refuses a sign-up without consent, so reaching here means the box was ticked just now.
        termsAcceptedAt: new Date(),
      })
      .$returningId();
    if (!row) throw new Error("registerAccount: the insert returned no id");
    return { ok: true, userId: Number(row.id) };
  } catch (error) {
    if (isDuplicateKey(error)) return { ok: false, error: "identifier_unavailable" };
    throw error;
  }
}

export type ResetResult = { ok: true; userId: number; revokedSessions: number } | { ok: false; error: CodeError };

/** Sets a new password with a reset code and signs the account out everywhere: whoever knew the old one is out. */
export async function resetPassword(input: ResetPasswordInput): Promise<ResetResult> {
  const verdict = await verifyCode({ purpose: "reset_password", target: input.identifier.value, code: input.code });
  if (verdict !== "ok") return { ok: false, error: codeError(verdict) };
  const account = await findAccountByIdentifier(input.identifier);
  // Reset codes only go to existing accounts; one deleted since then reads like a stale code.
  if (!account) return { ok: false, error: "code_expired" };
  await db().update(users).set({ passwordHash: await hashPassword(input.password) }).where(eq(users.id, account.id));
  return { ok: true, userId: account.id, revokedSessions: await revokeAllSessions(account.id) };
}

export type ChangePasswordResult = { ok: true; revokedSessions: number } | { ok: false; error: "current_password_wrong" | "no_password" };

/** Changes the password of a signed-in user and ends every other session, keeping `currentSid`. */
export async function changePassword(userId: number, currentSid: string, input: ChangePasswordInput): Promise<ChangePasswordResult> {
  const user = await findUserById(userId);
  if (!user) throw new Error(`changePassword: no user ${userId}`);
  if (!user.passwordHash) return { ok: false, error: "no_password" };
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) return { ok: false, error: "current_password_wrong" };
  await db().update(users).set({ passwordHash: await hashPassword(input.password) }).where(eq(users.id, userId));
  return { ok: true, revokedSessions: await revokeOtherSessions(userId, currentSid) };
}

/** Ends every session and API token of the user except `keepSid`. */
export async function revokeOtherSessions(userId: number, keepSid: string): Promise<number> {
  const others = (await listSessions(userId)).filter((s) => s.sid !== keepSid);
  await Promise.all(others.map((s) => revokeSession(s.sid)));
  return others.length;
}

/** Ends one session, only if it belongs to the user: a session id from a form is never trusted on its own. */
export async function revokeOwnSession(userId: number, sid: string): Promise<boolean> {
  const mine = (await listSessions(userId)).some((s) => s.sid === sid);
  if (mine) await revokeSession(sid);
  return mine;
}

export async function renameUser(userId: number, name: string): Promise<void> {
  await db().update(users).set({ name }).where(eq(users.id, userId));
}

/**
 * Disables or re-enables an account. Disabling ends every session and token at once (on every instance: the
 * registry is in Redis); sign-in and the API refuse a disabled account from then on. The admin's user
 * management calls this.
 */
export async function setUserDisabled(userId: number, disabled: boolean): Promise<{ revokedSessions: number }> {
  await db().update(users).set({ disabled }).where(eq(users.id, userId));
  return { revokedSessions: disabled ? await revokeAllSessions(userId) : 0 };
}
