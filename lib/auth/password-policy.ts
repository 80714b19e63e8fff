// The password policy as a pure function, so the sign-up, reset and change-password forms can check it in the
// browser with the same rules the server applies (password.ts builds the API's schema from it).

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Too common to allow whatever else they contain. */
const COMMON = new Set(["password", "password1", "12345678", "123456789", "1234567890", "qwerty123", "11111111", "88888888", "abc12345", "a1234567", "iloveyou", "woaini1314", "passw0rd"]);

export type PasswordProblem = "password_too_short" | "password_too_long" | "password_letters_and_digits" | "password_too_common";

/** The first rule the password breaks, or null when it is acceptable. */
export function passwordProblem(password: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return "password_too_short";
  if (password.length > PASSWORD_MAX_LENGTH) return "password_too_long";
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return "password_letters_and_digits";
  if (COMMON.has(password.toLowerCase())) return "password_too_common";
  return null;
}
