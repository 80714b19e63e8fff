import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import styles from "@/components/admin/admin-page.module.css";
import { AdminPageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/link-button";
import { listRolesWithCounts } from "@/lib/rbac/admin-roles";
import { adminPage } from "@/lib/rbac/guard";
import { BUILTIN_ROLES, SUPER_ADMIN } from "@/lib/rbac/types";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminRoles"))("title") };
}

export default adminPage("/admin/roles", { category: "permissions", zh: "角色管理", en: "Roles", roles: ["super_admin"] }, async function AdminRolesPage() {
  const t = await getTranslations("AdminRoles");
  const locale = await getLocale();
  const roles = await listRolesWithCounts();

  return (
    <>
      <AdminPageHeader
        title={t("title")}
        subtitle={t("subtitle", { count: roles.length })}
        actions={
          <LinkButton href="/admin/roles/new" size="sm">
            {t("create")}
          </LinkButton>
        }
      />
      <div className={styles.tableWrap}>
        <table className={styles.table} data-testid="roles-table">
          <thead>
            <tr>
              <th scope="col">{t("role")}</th>
              <th scope="col">{t("key")}</th>
              <th scope="col">{t("description")}</th>
              <th scope="col" className={styles.num}>
                {t("users")}
              </th>
              <th scope="col" className={styles.num}>
                {t("permissions")}
              </th>
            </tr>
          </thead>
          <tbody>
            {roles.map((role) => {
              const name = locale === "en" ? role.nameEn : role.nameZh;
              return (
                <tr key={role.id} data-role-key={role.key}>
                  <th scope="row">
                    <Link href={`/admin/roles/${role.id}`} aria-label={t("editLabel", { name })}>
                      {name}
                    </Link>{" "}
                    {(BUILTIN_ROLES as readonly string[]).includes(role.key) ? <Badge>{t("builtin")}</Badge> : null}
                  </th>
                  <td className={styles.mono}>{role.key}</td>
                  <td className={styles.muted}>{role.description}</td>
                  <td className={styles.num}>{role.userCount.toLocaleString(locale)}</td>
                  <td className={styles.num}>{role.key === SUPER_ADMIN ? t("allPermissions") : role.permissionCount.toLocaleString(locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
});
