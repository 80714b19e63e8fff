"use client";
// Creates a role (key, names, description) or edits an existing one's names and description. The key is
// only asked for when creating: it is fixed afterwards. Checked in the browser with the server's schema.
import { useTranslations } from "next-intl";
import { useActionState, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { createRoleAction, updateRoleAction } from "@/lib/rbac/admin-role-actions";
import { createRoleSchema, initialRoleFormState, roleFieldErrors, updateRoleSchema, type RoleFieldErrors } from "@/lib/rbac/role-admin-rules";
import adminLook from "@/components/admin/admin-page.module.css";
import styles from "./roles.module.css";

export interface RoleFormProps {
  /** Absent: a new role. */
  role?: { id: number; key: string; nameZh: string; nameEn: string; description: string };
}

export function RoleForm({ role }: RoleFormProps) {
  const t = useTranslations("AdminRoles");
  const [state, action, pending] = useActionState(role ? updateRoleAction : createRoleAction, initialRoleFormState(role ? { nameZh: role.nameZh, nameEn: role.nameEn, description: role.description } : {}));
  const [clientErrors, setClientErrors] = useState<RoleFieldErrors | null>(null);
  const errors = clientErrors ?? state.fieldErrors;
  const message = (field: keyof RoleFieldErrors) => (errors[field] ? t(`errors.${errors[field]}`) : undefined);

  const check = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const data = Object.fromEntries([...new FormData(form).entries()].filter(([, v]) => typeof v === "string"));
    const parsed = (role ? updateRoleSchema : createRoleSchema).safeParse(data);
    if (parsed.success) return setClientErrors(null);
    event.preventDefault();
    setClientErrors(roleFieldErrors(parsed.error));
    requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  return (
    <form action={action} onSubmit={check} className={adminLook.form} noValidate data-testid={role ? "role-details-form" : "role-create-form"}>
      {role ? <input type="hidden" name="roleId" value={role.id} /> : null}
      {role ? (
        <p className={styles.hint}>
          {t("key")}: <code>{role.key}</code> · {t("keyFixed")}
        </p>
      ) : (
        <Input label={t("key")} name="key" required minLength={3} maxLength={64} pattern="[a-z0-9_]{3,64}" autoComplete="off" spellCheck={false} hint={t("keyHint")} defaultValue={state.values.key ?? ""} error={message("key")} />
      )}
      <Input label={t("nameZh")} name="nameZh" required maxLength={64} autoComplete="off" defaultValue={state.values.nameZh ?? ""} error={message("nameZh")} />
      <Input label={t("nameEn")} name="nameEn" required maxLength={64} autoComplete="off" defaultValue={state.values.nameEn ?? ""} error={message("nameEn")} />
      <label className={styles.label}>
        {t("description")}
        <textarea className={styles.textarea} name="description" maxLength={255} defaultValue={state.values.description ?? ""} aria-invalid={errors.description ? true : undefined} />
        {errors.description ? <span className={styles.fieldError}>{t(`errors.${errors.description}`)}</span> : null}
      </label>
      {state.error ? (
        <p role="alert" className={styles.alert} tabIndex={-1}>
          {t(`errors.${state.error}`, { count: state.count ?? 0 })}
        </p>
      ) : null}
      {state.done && !clientErrors ? (
        <p role="status" className={styles.success}>
          {t("detailsSaved")}
        </p>
      ) : null}
      <div>
        <Button type="submit" loading={pending}>
          {role ? t("saveDetails") : t("createSubmit")}
        </Button>
      </div>
    </form>
  );
}
