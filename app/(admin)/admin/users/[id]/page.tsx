import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminPageHeader } from "@/components/admin/page-header";
import { UserFacts } from "@/components/admin/users/user-facts";
import { UserRolesForm } from "@/components/admin/users/user-roles-form";
import { UserStatusForm } from "@/components/admin/users/user-status-form";
import styles from "@/components/admin/users/users.module.css";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/link-button";
import { getAdminUser, listRoleOptions, roleName } from "@/lib/rbac/admin-users";
import { adminPage } from "@/lib/rbac/guard";

type Props = { params: Promise<{ id: string }> };

/** The id from the address, or null when it is not a positive safe integer written plainly. */
function userIdOf(raw: string): number | null {
  if (!/^[1-9]\d{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminUsers"))("title") };
}

export default adminPage("/admin/users/[id]", { category: "permissions", zh: "用户详情", en: "User detail", roles: ["super_admin"] }, async function AdminUserPage({ params }: Props, admin) {
  const id = userIdOf((await params).id);
  if (id === null) notFound();
  const [user, roles] = await Promise.all([getAdminUser(id), listRoleOptions()]);
  if (!user) notFound();
  const t = await getTranslations("AdminUserDetail");
  const locale = await getLocale();
  const canSetRoles = admin.can("ACTION", "users.setRoles");
  const canSetDisabled = admin.can("ACTION", "users.setDisabled");
  const assigned = user.roles.map((r) => r.key);

  return (
    <>
      <AdminPageHeader
        title={t("title", { name: user.name })}
        subtitle={<Badge tone={user.disabled ? "danger" : "success"}>{user.disabled ? t("status_disabled") : t("status_active")}</Badge>}
        actions={
          <LinkButton href="/admin/users" variant="secondary" size="sm">
            {t("back")}
          </LinkButton>
        }
      />
      <div className={styles.sections}>
        <section className={styles.section} aria-labelledby="user-profile">
          <h2 id="user-profile" className={styles.sectionTitle}>
            {t("profile")}
          </h2>
          <UserFacts user={user} />
        </section>
        <section className={styles.section} aria-labelledby="user-roles">
          <h2 id="user-roles" className={styles.sectionTitle}>
            {t("rolesTitle")}
          </h2>
          <p className={styles.hint}>{t("rolesHint")}</p>
          {canSetRoles ? (
            <UserRolesForm userId={user.id} userName={user.name} roles={roles} assigned={assigned} />
          ) : (
            <>
              <p className={styles.hint}>{user.roles.length > 0 ? user.roles.map((r) => roleName(r, locale)).join(" · ") : t("rolesNone")}</p>
              <p className={styles.hint}>{t("rolesReadOnly")}</p>
            </>
          )}
        </section>
        <section className={styles.section} aria-labelledby="user-access">
          <h2 id="user-access" className={styles.sectionTitle}>
            {t("accessTitle")}
          </h2>
          {canSetDisabled ? (
            <UserStatusForm userId={user.id} userName={user.name} disabled={user.disabled} isSelf={user.id === admin.userId} />
          ) : (
            <p className={styles.hint}>{t("statusReadOnly")}</p>
          )}
        </section>
      </div>
    </>
  );
});
