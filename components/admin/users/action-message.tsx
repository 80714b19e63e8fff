"use client";
// The outcome of a user-admin action: a polite status on success, an alert on refusal or failure.
import { useTranslations } from "next-intl";
import type { UserAdminState } from "@/lib/rbac/user-admin-rules";
import styles from "./users.module.css";

export function ActionMessage({ state, testId }: { state: UserAdminState; testId: string }) {
  const t = useTranslations("AdminUserDetail");
  if (state.ok === true) {
    return (
      <p role="status" className={styles.success} data-testid={testId}>
        {t(`messages.${state.message}`, { count: state.revokedSessions ?? 0 })}
      </p>
    );
  }
  if (state.ok === false) {
    return (
      <p role="alert" className={styles.error} data-testid={testId}>
        {t(`errors.${state.error}`)}
      </p>
    );
  }
  return null;
}
