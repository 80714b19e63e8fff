"use client";
// Deletes a role. When users hold it, the button stays disabled until the admin ticks a box stating how many
// users lose it; that number is sent and the server refuses if it has changed meanwhile.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { deleteRoleAction } from "@/lib/rbac/admin-role-actions";
import { initialRoleFormState } from "@/lib/rbac/role-admin-rules";
import adminLook from "@/components/admin/admin-page.module.css";
import styles from "./roles.module.css";

export function DeleteRoleForm({ roleId, userCount }: { roleId: number; userCount: number }) {
  const t = useTranslations("AdminRoles");
  const [state, action, pending] = useActionState(deleteRoleAction, initialRoleFormState());
  const [confirmed, setConfirmed] = useState(false);
  const needsConfirm = userCount > 0;
  return (
    <form action={action} className={adminLook.form} data-testid="delete-role-form">
      <input type="hidden" name="roleId" value={roleId} />
      <input type="hidden" name="expectedUsers" value={userCount} />
      <p className={styles.hint}>{t("deleteHint")}</p>
      {needsConfirm ? (
        <label className={styles.check}>
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
          {t("deleteConfirmUsers", { count: userCount })}
        </label>
      ) : (
        <p className={styles.hint}>{t("deleteNoUsers")}</p>
      )}
      {state.error ? (
        <p role="alert" className={styles.alert}>
          {t(`errors.${state.error}`, { count: state.count ?? 0 })}
        </p>
      ) : null}
      <div>
        <Button type="submit" variant="danger" loading={pending} disabled={needsConfirm && !confirmed}>
          {t("deleteSubmit")}
        </Button>
      </div>
    </form>
  );
}
