"use client";
// Checkboxes of every role; saving makes the user's roles exactly the checked ones (users.setRoles).
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { setUserRoles } from "@/lib/rbac/admin-user-actions";
import type { UserAdminState } from "@/lib/rbac/user-admin-rules";
import { ActionMessage } from "./action-message";
import styles from "./users.module.css";


// (user-admin-rules.ts is server-only: only its types come here.)
const initial: UserAdminState = { ok: null };
export interface RoleChoice {
  key: string;
  nameZh: string;
  nameEn: string;
  description: string;
}

export function UserRolesForm({ userId, userName, roles, assigned }: { userId: number; userName: string; roles: RoleChoice[]; assigned: string[] }) {
  const t = useTranslations("AdminUserDetail");
  const locale = useLocale();
  const [state, action, pending] = useActionState(setUserRoles, initial);
  // React resets a form after its action runs, so the boxes go back to what is stored (defaultChecked) even
  // after a refused change; the key re-mounts them when the stored roles themselves change.
  return (
    <form action={action} className={styles.fieldset} key={assigned.join()}>
      <input type="hidden" name="userId" value={userId} />
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t("rolesLegend", { name: userName })}</legend>
        {roles.map((role) => {
          const id = `role-${role.key}`;
          return (
            <label key={role.key} className={styles.check} htmlFor={id}>
              <input id={id} type="checkbox" name="roles" value={role.key} defaultChecked={assigned.includes(role.key)} />
              <span>{locale === "en" ? role.nameEn : role.nameZh}</span>
              {role.description ? <span className={styles.checkHint}>{role.description}</span> : null}
            </label>
          );
        })}
      </fieldset>
      <div className={styles.row}>
        <Button type="submit" loading={pending}>
          {t("saveRoles")}
        </Button>
      </div>
      <ActionMessage state={state} testId="roles-message" />
    </form>
  );
}
