// Password hashing (argon2id through @node-rs/argon2) and the password policy shared by every form and API.
import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem, type PasswordProblem } from "./password-policy";

const MESSAGES: Record<PasswordProblem, string> = {
  password_too_short: `At least ${PASSWORD_MIN_LENGTH} characters`,
  password_too_long: `At most ${PASSWORD_MAX_LENGTH} characters`,
  password_letters_and_digits: "Use both letters and digits",
  password_too_common: "This password is too common",
};

/** The policy (password-policy.ts) with English messages, for the API. */
export const passwordSchema = z.string().superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: "custom", message: MESSAGES[problem] });
});

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/** Spends the same time as a real check, so a missing account cannot be told apart by timing. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hash("not-a-real-password-0");
  await verifyPassword(await dummy, password);
}
