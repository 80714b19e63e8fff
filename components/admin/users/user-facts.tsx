// The profile facts of one user on /admin/users/[id].
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { AdminUserDetail } from "@/lib/rbac/admin-users";
import styles from "./users.module.css";

export async function UserFacts({ user }: { user: AdminUserDetail }) {
  const t = await getTranslations("AdminUserDetail");
  const format = await getFormatter();
  const when = (date: Date) => <time dateTime={date.toISOString()}>{format.dateTime(date, "zoned")}</time>;
  const facts: Array<[string, ReactNode]> = [
    [t("id"), user.id],
    [t("email"), user.email ?? t("empty")],
    [t("mobile"), user.mobile ?? t("empty")],
    [t("locale"), user.locale],
    [t("created"), when(user.createdAt)],
    [t("lastSignIn"), user.lastSignInAt ? when(user.lastSignInAt) : t("never")],
    [t("identities"), user.identities],
    [t("password"), user.hasPassword ? t("passwordSet") : t("passwordNone")],
    [t("status"), <Badge key="status" tone={user.disabled ? "danger" : "success"}>{user.disabled ? t("status_disabled") : t("status_active")}</Badge>],
  ];
  return (
    <dl className={styles.facts} data-testid="user-facts">
      {facts.map(([label, value]) => (
        <div key={label} style={{ display: "contents" }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
