"use server";
// Server actions of /admin/users/[id]: assign roles, disable or re-enable an account. Each takes the form's
// previous state and either the submitted FormData or a plain object of the same fields, validates it with
// the schema of user-admin-rules.ts and answers a state the form shows (message keys, never raw errors).
import { revalidatePath } from "next/cache";
import { logger } from "@/lib/log";
import { adminAction } from "./guard";
import { changeUserDisabled, changeUserRoles, setDisabledInput, setRolesInput, type UserAdminState } from "./user-admin-rules";

const log = logger.child({ component: "admin-user-actions" });

type RolesFields = { userId: unknown; roles: unknown };
type DisabledFields = { userId: unknown; disabled: unknown };

const fromForm = (input: FormData | RolesFields | DisabledFields, multi: string[]): Record<string, unknown> => {
  if (!(input instanceof FormData)) return input;
  const out: Record<string, unknown> = {};
  for (const k of new Set(input.keys())) out[k] = multi.includes(k) ? input.getAll(k) : input.get(k);
  for (const k of multi) out[k] ??= [];
  return out;
};

function refresh(userId: number) {
  revalidatePath("/admin/users");
  revalidatePath(`/admin/users/${userId}`);
}

/** `{ userId, roles: string[] }` (form: `userId`, one `roles` field per checked role): the user's roles become exactly these. */
export const setUserRoles = adminAction(
  "users.setRoles",
  { category: "permissions", zh: "分配用户角色", en: "Assign user roles", roles: ["super_admin"] },
  async (admin, _previous: UserAdminState, input: FormData | RolesFields): Promise<UserAdminState> => {
    const parsed = setRolesInput.safeParse(fromForm(input, ["roles"]));
    if (!parsed.success) return { ok: false, error: "invalid_input" };
    try {
      const outcome = await changeUserRoles(admin, parsed.data);
      if (outcome.ok || outcome.error === "partially_applied") refresh(parsed.data.userId);
      if (!outcome.ok) return outcome;
      return { ok: true, message: outcome.changed ? "roles_saved" : "roles_unchanged" };
    } catch (error) {
      log.error({ err: error, userId: parsed.data.userId, actorId: admin.userId }, "setting user roles failed");
      return { ok: false, error: "unavailable" };
    }
  },
);

/** `{ userId, disabled: boolean }` (form: `disabled` is "true" or "false"). Disabling ends every session and token. */
export const setUserDisabled = adminAction(
  "users.setDisabled",
  { category: "permissions", zh: "停用或启用用户", en: "Disable or enable users", roles: ["super_admin"] },
  async (admin, _previous: UserAdminState, input: FormData | DisabledFields): Promise<UserAdminState> => {
    const parsed = setDisabledInput.safeParse(fromForm(input, []));
    if (!parsed.success) return { ok: false, error: "invalid_input" };
    try {
      const outcome = await changeUserDisabled(admin, parsed.data);
      if (outcome.ok || outcome.error === "partially_applied") refresh(parsed.data.userId);
      if (!outcome.ok) return outcome;
      if (!outcome.changed) return { ok: true, message: "status_unchanged" };
      return { ok: true, message: parsed.data.disabled ? "user_disabled" : "user_enabled", revokedSessions: outcome.revokedSessions };
    } catch (error) {
      log.error({ err: error, userId: parsed.data.userId, actorId: admin.userId }, "setting user disabled failed");
      return { ok: false, error: "unavailable" };
    }
  },
);
