"use server";
// Server actions of the role editor (/admin/roles). Each is guarded by adminAction (only super admins by
// default), validates its form with the schema the form itself uses (role-admin-rules.ts), and leaves the
// rules and the transaction with its audit row to role-admin.ts. Signatures fit useActionState:
// (previous state, form data) -> next state; create and delete redirect when they succeed.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { logger } from "@/lib/log";
import { adminAction } from "./guard";
import { createRole, deleteRole, setRolePermissions, updateRole, type RoleWriteResult } from "./role-admin";
import {
  createRoleSchema,
  deleteRoleSchema,
  idField,
  roleFieldErrors,
  setPermissionsSchema,
  updateRoleSchema,
  type RoleFormState,
} from "./role-admin-rules";

const log = logger.child({ component: "admin-role-actions" });

const text = (data: FormData, name: string): string => {
  const value = data.get(name);
  return typeof value === "string" ? value : "";
};

const failed = (values: RoleFormState["values"], error: RoleFormState["error"], extra: Partial<RoleFormState> = {}): RoleFormState => ({
  fieldErrors: {},
  error,
  values,
  done: false,
  ...extra,
});

/** A refused write as form state; `key_taken` belongs to the key field. */
function refused(values: RoleFormState["values"], result: Extract<RoleWriteResult, { ok: false }>): RoleFormState {
  if (result.error === "key_taken") return { fieldErrors: { key: "key_taken" }, error: null, values, done: false };
  return failed(values, result.error, result.count === undefined ? {} : { count: result.count });
}

function revalidateRoles(roleId?: number): void {
  revalidatePath("/admin/roles");
  if (roleId) revalidatePath(`/admin/roles/${roleId}`);
  revalidatePath("/admin/resources");
}

export const createRoleAction = adminAction(
  "roles.create",
  { category: "permissions", zh: "新建角色", en: "Create a role", roles: ["super_admin"] },
  async (admin, _prev: RoleFormState, data: FormData): Promise<RoleFormState> => {
    const raw = { key: text(data, "key"), nameZh: text(data, "nameZh"), nameEn: text(data, "nameEn"), description: text(data, "description") };
    const values = { key: raw.key.slice(0, 64), nameZh: raw.nameZh.slice(0, 64), nameEn: raw.nameEn.slice(0, 64), description: raw.description.slice(0, 255) };
    const parsed = createRoleSchema.safeParse(raw);
    if (!parsed.success) return { fieldErrors: roleFieldErrors(parsed.error), error: null, values, done: false };
    let result: RoleWriteResult<{ roleId: number }>;
    try {
      result = await createRole(admin, parsed.data);
    } catch (error) {
      log.error({ err: error, key: parsed.data.key }, "creating a role failed");
      return failed(values, "unavailable");
    }
    if (!result.ok) return refused(values, result);
    revalidateRoles();
    redirect(`/admin/roles/${result.roleId}`);
  },
);

export const updateRoleAction = adminAction(
  "roles.update",
  { category: "permissions", zh: "编辑角色名称", en: "Rename a role", roles: ["super_admin"] },
  async (admin, _prev: RoleFormState, data: FormData): Promise<RoleFormState> => {
    const raw = { nameZh: text(data, "nameZh"), nameEn: text(data, "nameEn"), description: text(data, "description") };
    const values = { nameZh: raw.nameZh.slice(0, 64), nameEn: raw.nameEn.slice(0, 64), description: raw.description.slice(0, 255) };
    const roleId = idField.safeParse(text(data, "roleId"));
    if (!roleId.success) return failed(values, "role_not_found");
    const parsed = updateRoleSchema.safeParse(raw);
    if (!parsed.success) return { fieldErrors: roleFieldErrors(parsed.error), error: null, values, done: false };
    try {
      const result = await updateRole(admin, roleId.data, parsed.data);
      if (!result.ok) return refused(values, result);
    } catch (error) {
      log.error({ err: error, roleId: roleId.data }, "editing a role failed");
      return failed(values, "unavailable");
    }
    revalidateRoles(roleId.data);
    return { fieldErrors: {}, error: null, values: parsed.data, done: true };
  },
);

export const setRolePermissionsAction = adminAction(
  "roles.setPermissions",
  { category: "permissions", zh: "设置角色权限", en: "Set a role's permissions", roles: ["super_admin"] },
  async (admin, _prev: RoleFormState, data: FormData): Promise<RoleFormState> => {
    const parsed = setPermissionsSchema.safeParse({ roleId: text(data, "roleId"), permissionIds: data.getAll("permissionId") });
    if (!parsed.success) return failed({}, parsed.error.issues.some((i) => i.path[0] === "roleId") ? "role_not_found" : "unknown_permission");
    try {
      const result = await setRolePermissions(admin, parsed.data.roleId, parsed.data.permissionIds);
      if (!result.ok) return refused({}, result);
      revalidateRoles(parsed.data.roleId);
      return { fieldErrors: {}, error: null, values: {}, done: true, count: result.added.length + result.removed.length };
    } catch (error) {
      log.error({ err: error, roleId: parsed.data.roleId }, "setting a role's permissions failed");
      return failed({}, "unavailable");
    }
  },
);

export const deleteRoleAction = adminAction(
  "roles.delete",
  { category: "permissions", zh: "删除角色", en: "Delete a role", roles: ["super_admin"] },
  async (admin, _prev: RoleFormState, data: FormData): Promise<RoleFormState> => {
    const parsed = deleteRoleSchema.safeParse({ roleId: text(data, "roleId"), expectedUsers: text(data, "expectedUsers") || undefined });
    if (!parsed.success) return failed({}, "invalid_input");
    try {
      const result = await deleteRole(admin, parsed.data.roleId, parsed.data.expectedUsers);
      if (!result.ok) return refused({}, result);
    } catch (error) {
      log.error({ err: error, roleId: parsed.data.roleId }, "deleting a role failed");
      return failed({}, "unavailable");
    }
    revalidateRoles();
    redirect("/admin/roles");
  },
);
