"use client";
// The permission matrix of one role: every permission grouped by category, a checkbox each, "select all in
// this category", and one save that sends the whole set (roles.setPermissions replaces it in one
// transaction). For super_admin it is read-only: that role holds everything without rows.
import { useTranslations } from "next-intl";
import { useActionState, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { setRolePermissionsAction } from "@/lib/rbac/admin-role-actions";
import { initialRoleFormState } from "@/lib/rbac/role-admin-rules";
import adminLook from "@/components/admin/admin-page.module.css";
import styles from "./roles.module.css";

export interface MatrixPermission {
  id: number;
  key: string;
  method: string;
  route: string;
  name: string;
}

export interface MatrixGroup {
  category: string;
  label: string;
  permissions: MatrixPermission[];
}

export interface PermissionMatrixProps {
  roleId: number;
  groups: MatrixGroup[];
  granted: number[];
  readOnly: boolean;
}

export function PermissionMatrix({ roleId, groups, granted, readOnly }: PermissionMatrixProps) {
  const t = useTranslations("AdminRoles");
  const [state, action, pending] = useActionState(setRolePermissionsAction, initialRoleFormState());
  const [selected, setSelected] = useState<ReadonlySet<number>>(() => new Set(granted));
  const total = useMemo(() => groups.reduce((n, g) => n + g.permissions.length, 0), [groups]);

  const toggle = (ids: number[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  return (
    <form action={action} className={adminLook.form} style={{ maxWidth: "none" }} data-testid="permission-matrix">
      <input type="hidden" name="roleId" value={roleId} />
      {readOnly ? <p className={styles.note}>{t("superAdminNote")}</p> : <p className={styles.hint}>{t("matrixHint")}</p>}
      <p className={styles.hint} aria-live="polite">
        {t("selectedCount", { selected: readOnly ? total : selected.size, total })}
      </p>
      {groups.map((group) => {
        const ids = group.permissions.map((p) => p.id);
        const all = ids.every((id) => readOnly || selected.has(id));
        const some = ids.some((id) => selected.has(id));
        return (
          <fieldset key={group.category} className={styles.category} disabled={readOnly} data-category={group.category}>
            <legend>{group.label}</legend>
            {readOnly ? null : (
              <div className={styles.categoryHead}>
                <label className={styles.check}>
                  <input
                    type="checkbox"
                    checked={all}
                    ref={(el) => {
                      if (el) el.indeterminate = some && !all;
                    }}
                    onChange={(e) => toggle(ids, e.currentTarget.checked)}
                  />
                  {t("selectAll", { category: group.label })}
                </label>
              </div>
            )}
            <ul className={styles.checks}>
              {group.permissions.map((p) => (
                <li key={p.id}>
                  <label className={styles.check}>
                    <input
                      type="checkbox"
                      name="permissionId"
                      value={p.id}
                      checked={readOnly || selected.has(p.id)}
                      onChange={(e) => toggle([p.id], e.currentTarget.checked)}
                      data-permission-key={p.key}
                    />
                    <span className={styles.checkText}>
                      <span>{p.name}</span>
                      <span className={styles.route}>
                        {p.method} {p.route}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
      {readOnly ? null : (
        <div className={styles.actions}>
          <Button type="submit" loading={pending}>
            {t("saveMatrix")}
          </Button>
          {state.error ? (
            <p role="alert" className={styles.alert}>
              {t(`errors.${state.error}`, { count: state.count ?? 0 })}
            </p>
          ) : state.done && !pending ? (
            <p role="status" className={styles.success}>
              {t("matrixSaved", { count: state.count ?? 0 })}
            </p>
          ) : null}
        </div>
      )}
    </form>
  );
}
