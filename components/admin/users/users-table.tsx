// The rows of /admin/users: who, how to reach them, their roles, when they joined and last signed in.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import styles from "@/components/admin/admin-page.module.css";
import { Badge } from "@/components/ui/badge";
import { roleName, type AdminUserRow } from "@/lib/rbac/admin-users";
import own from "./users.module.css";

export async function UsersTable({ rows }: { rows: AdminUserRow[] }) {
  const t = await getTranslations("AdminUsers");
  const locale = await getLocale();
  const format = await getFormatter();
  const when = (date: Date) => <time dateTime={date.toISOString()}>{format.dateTime(date, "zoned")}</time>;
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid="users-table">
        <caption>{t("tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("name")}</th>
            <th scope="col">{t("email")}</th>
            <th scope="col">{t("mobile")}</th>
            <th scope="col">{t("roles")}</th>
            <th scope="col">{t("created")}</th>
            <th scope="col">{t("lastSignIn")}</th>
            <th scope="col">{t("status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.id} data-user-id={u.id}>
              <th scope="row" className={own.nameCell}>
                <Link href={`/admin/users/${u.id}`}>{u.name}</Link>
                <span className={`${styles.muted} ${styles.mono}`}>#{u.id}</span>
              </th>
              <td>{u.email ?? <span className={styles.muted}>{t("empty")}</span>}</td>
              <td className={styles.mono}>{u.mobile ?? <span className={styles.muted}>{t("empty")}</span>}</td>
              <td>
                <span className={own.badges}>
                  {u.roles.length > 0 ? (
                    u.roles.map((r) => (
                      <Badge key={r.key} tone={r.key === "super_admin" ? "accent" : "brand"}>
                        {roleName(r, locale)}
                      </Badge>
                    ))
                  ) : (
                    <span className={styles.muted}>{t("learner")}</span>
                  )}
                </span>
              </td>
              <td className={styles.muted}>{when(u.createdAt)}</td>
              <td className={styles.muted}>{u.lastSignInAt ? when(u.lastSignInAt) : t("never")}</td>
              <td>
                <Badge tone={u.disabled ? "danger" : "success"}>{u.disabled ? t("status_disabled") : t("status_active")}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
