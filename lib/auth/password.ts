// Password hashing (argon2id through @node-rs/argon2) and the password policy shared by every form and API.
import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

/** Too common to allow whatever else they contain. */
const COMMON = new Set(["password", "password1", "12345678", "123456789", "1234567890", "qwerty123", "11111111", "88888888", "abc12345", "a1234567", "iloveyou", "woaini1314", "passw0rd"]);

export const passwordSchema = z
  .string()
  .min(8, "At least 8 characters")
  .max(128, "At most 128 characters")
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), "Use both letters and digits")
  .refine((p) => !COMMON.has(p.toLowerCase()), "This password is too common");

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
