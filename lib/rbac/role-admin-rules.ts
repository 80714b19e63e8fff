// The rules of the role editor, shared by its forms (checked in the browser before sending) and the server
// actions in admin-role-actions.ts (checked again). Pure: no server imports. Issue messages are keys of the
// `AdminRoles.errors` messages, so both sides can translate them.
import { z } from "zod";

export type RoleFieldErrorKey = "key_format" | "key_taken" | "name_zh_required" | "name_en_required" | "name_too_long" | "description_too_long";

/** Form-level errors, as `AdminRoles.errors` keys. */
export type RoleFormErrorKey =
  | "invalid_input"
  | "role_not_found"
  | "unknown_permission"
  | "super_admin_fixed"
  | "builtin_role"
  | "confirm_users"
  | "not_held"
  | "unavailable";

export const ROLE_KEY_PATTERN = /^[a-z0-9_]{3,64}$/;
export const ROLE_NAME_MAX = 64;
export const ROLE_DESCRIPTION_MAX = 255;
/** A bound on one matrix submission; far above the number of resources the code declares. */
export const MAX_PERMISSIONS_PER_SAVE = 2000;

const name = (required: RoleFieldErrorKey) => z.string({ error: required }).trim().min(1, { error: required }).max(ROLE_NAME_MAX, { error: "name_too_long" satisfies RoleFieldErrorKey });

const roleNames = {
  nameZh: name("name_zh_required"),
  nameEn: name("name_en_required"),
  description: z
    .string()
    .trim()
    .max(ROLE_DESCRIPTION_MAX, { error: "description_too_long" satisfies RoleFieldErrorKey })
    .default(""),
};

export const createRoleSchema = z.object({
  key: z.string({ error: "key_format" }).trim().regex(ROLE_KEY_PATTERN, { error: "key_format" satisfies RoleFieldErrorKey }),
  ...roleNames,
});
export type CreateRoleInput = z.output<typeof createRoleSchema>;

/** The role's names; the key is fixed once created. */
export const updateRoleSchema = z.object(roleNames);
export type UpdateRoleInput = z.output<typeof updateRoleSchema>;

/** A database id from a form field: a positive integer written in decimal. */
export const idField = z
  .string()
  .regex(/^[1-9]\d{0,15}$/)
  .transform(Number)
  .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER));

export const setPermissionsSchema = z.object({
  roleId: idField,
  permissionIds: z.array(idField).max(MAX_PERMISSIONS_PER_SAVE),
});

/** `expectedUsers` is the number of holders the person confirmed; it must still be the number at deletion. */
export const deleteRoleSchema = z.object({
  roleId: idField,
  expectedUsers: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number)
    .default(0),
});

export type RoleFieldErrors = Partial<Record<"key" | "nameZh" | "nameEn" | "description", RoleFieldErrorKey>>;

/** The first issue of each field, as message keys. */
export function roleFieldErrors(error: z.ZodError): RoleFieldErrors {
  const out: Record<string, RoleFieldErrorKey> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    if (field && !(field in out)) out[field] = issue.message as RoleFieldErrorKey;
  }
  return out as RoleFieldErrors;
}

/** The state every role form keeps between submissions (useActionState). */
export interface RoleFormState {
  fieldErrors: RoleFieldErrors;
  error: RoleFormErrorKey | null;
  /** What the person typed, to refill the form after an error. */
  values: Partial<Record<"key" | "nameZh" | "nameEn" | "description", string>>;
  done: boolean;
  /** For `confirm_users`: how many users hold the role now. For a saved matrix: how many grants changed. */
  count?: number;
}

export const initialRoleFormState = (values: RoleFormState["values"] = {}): RoleFormState => ({ fieldErrors: {}, error: null, values, done: false });

/** What a grant change did, in one readable line: "+GET /admin/orders, −ACTION users.setRoles". */
export function permissionChangeSummary(added: readonly string[], removed: readonly string[]): string {
  return [...added.map((k) => `+${k}`), ...removed.map((k) => `\u2212${k}`)].join(", ");
}
