"use server";
// Server actions of the sign-in form and the sign-out button. Next.js checks that a server action's Origin
// matches the host, which is the CSRF protection for these forms.
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "./auth";
import { sameSitePath } from "./return-path";

export type SignInState = {
  error: "invalid_credentials" | "rate_limited" | "account_disabled" | "missing_fields" | "unavailable" | "verification_required" | "verification_failed" | null;
  login: string;
};

// `code`: the extra step after too many failed sign-ins (lib/auth/sign-in-guard.ts); the guard judges it.
const form = z.object({ login: z.string().trim().min(1).max(191), password: z.string().min(1).max(256), code: z.string().trim().max(16).optional() });
const PASSED_ON = new Set(["invalid_credentials", "rate_limited", "account_disabled", "verification_required", "verification_failed"]);

export async function signInWithPassword(_prev: SignInState, data: FormData): Promise<SignInState> {
  const parsed = form.safeParse({ login: data.get("login"), password: data.get("password"), code: data.get("code") || undefined });
  const login = typeof data.get("login") === "string" ? String(data.get("login")).slice(0, 191) : "";
  if (!parsed.success) return { error: "missing_fields", login };
  try {
    const { login: account, password, code } = parsed.data;
    await signIn("credentials", { login: account, password, ...(code ? { code } : {}), redirectTo: sameSitePath(data.get("returnTo")) });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      if (code && PASSED_ON.has(code)) return { error: code as NonNullable<SignInState["error"]>, login };
      return { error: "unavailable", login };
    }
    throw error; // the redirect after a successful sign-in
  }
  return { error: null, login };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
