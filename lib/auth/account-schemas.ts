// The schemas of the sign-up, password-reset and account forms, shared by the forms (checked in the browser
// before sending) and the server actions (checked again, since the browser check can be skipped). Pure: no
// server imports. Issue messages are keys of the `Account.errors` messages, so both sides can translate them.
import { z } from "zod";
import { parseIdentifier } from "./identifiers";
import { passwordProblem, type PasswordProblem } from "./password-policy";

export type FieldErrorKey =
  | PasswordProblem
  | "name_required"
  | "name_too_long"
  | "identifier_invalid"
  | "code_format"
  | "current_password_required"
  | "password_same_as_current"
  | "terms_required";

/** Matches `users.name` (64 characters). */
export const NAME_MAX_LENGTH = 64;

const message = (key: FieldErrorKey) => ({ error: key });

const nameField = z.string(message("name_required")).trim().min(1, message("name_required")).max(NAME_MAX_LENGTH, message("name_too_long"));

const identifierField = z.string(message("identifier_invalid")).transform((raw, ctx) => {
  const identifier = parseIdentifier(raw);
  if (identifier) return identifier;
  ctx.addIssue({ code: "custom", message: "identifier_invalid" satisfies FieldErrorKey });
  return z.NEVER;
});

const codeField = z
  .string(message("code_format"))
  .transform((raw) => raw.normalize("NFKC").replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, message("code_format")));

const newPasswordField = z.string(message("password_too_short")).superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/**
 * The sign-up consent checkbox: a browser sends "on" when it is ticked and nothing at all when it is not, so
 * anything but "on" (missing, empty, forged) is a refusal.
 */
const termsField = z.literal("on", message("terms_required")).transform(() => true as const);

export const signUpSchema = z.object({ name: nameField, identifier: identifierField, code: codeField, password: newPasswordField, terms: termsField });
export type SignUpInput = z.output<typeof signUpSchema>;

/** The first step of sign-up and reset: where to send a code. */
export const sendCodeSchema = z.object({ identifier: identifierField });

export const resetPasswordSchema = z.object({ identifier: identifierField, code: codeField, password: newPasswordField });
export type ResetPasswordInput = z.output<typeof resetPasswordSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string(message("current_password_required")).min(1, message("current_password_required")).max(256),
    password: newPasswordField,
  })
  .refine((v) => v.currentPassword !== v.password, { path: ["password"], message: "password_same_as_current" satisfies FieldErrorKey });
export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

export const renameSchema = z.object({ name: nameField });

export type FieldErrors<F extends string> = Partial<Record<F, FieldErrorKey>>;

/** The first issue of each field, as message keys. */
export function fieldErrors<F extends string>(error: z.ZodError): FieldErrors<F> {
  const out: Record<string, FieldErrorKey> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    if (field && !(field in out)) out[field] = issue.message as FieldErrorKey;
  }
  return out as FieldErrors<F>;
}

/** The named string fields of a FormData (a missing field or a file reads as ""). */
export function formFields<F extends string>(data: FormData, names: readonly F[]): Record<F, string> {
  const out = {} as Record<F, string>;
  for (const name of names) {
    const value = data.get(name);
    out[name] = typeof value === "string" ? value : "";
  }
  return out;
}
