import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminPageHeader } from "@/components/admin/page-header";
import { DeleteRoleForm } from "@/components/admin/roles/delete-role-form";
import { PermissionMatrix, type MatrixGroup } from "@/components/admin/roles/permission-matrix";
import { RoleForm } from "@/components/admin/roles/role-form";
import adminLook from "@/components/admin/admin-page.module.css";
import styles from "@/components/admin/roles/roles.module.css";
import { LinkButton } from "@/components/ui/link-button";
import { findRoleWithGrants, permissionsByCategory } from "@/lib/rbac/admin-roles";
import { adminPage } from "@/lib/rbac/guard";
import { idField } from "@/lib/rbac/role-admin-rules";
import { BUILTIN_ROLES, SUPER_ADMIN } from "@/lib/rbac/types";

type Props = { params: Promise<{ id: string }> };

// A static title: metadata runs beside the page, outside its guard, so it reads nothing from the database.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminRoles"))("title") };
}

export default adminPage("/admin/roles/[id]", { category: "permissions", zh: "编辑角色", en: "Edit a role", roles: ["super_admin"] }, async function EditRolePage({ params }: Props) {
  const id = idField.safeParse((await params).id);
  if (!id.success) notFound();
  const [role, groups] = await Promise.all([findRoleWithGrants(id.data), permissionsByCategory()]);
  if (!role) notFound();
  const t = await getTranslations("AdminRoles");
  const locale = await getLocale();
  const en = locale === "en";
  const matrix: MatrixGroup[] = groups.map((g) => ({
    category: g.category,
    label: t(`category_${g.category}`),
    permissions: g.permissions.map((p) => ({ id: p.id, key: p.key, method: p.method, route: p.route, name: en ? p.nameEn : p.nameZh })),
  }));
  const builtin = (BUILTIN_ROLES as readonly string[]).includes(role.key);

  return (
    <>
      <AdminPageHeader
        title={en ? role.nameEn : role.nameZh}
        subtitle={t("editSubtitle", { key: role.key, count: role.userCount })}
        actions={
          <LinkButton href="/admin/roles" variant="secondary" size="sm">
            {t("back")}
          </LinkButton>
        }
      />
      <section className={adminLook.section} aria-labelledby="role-details">
        <h2 id="role-details" className={adminLook.sectionTitle}>
          {t("detailsHeading")}
        </h2>
        <RoleForm role={{ id: role.id, key: role.key, nameZh: role.nameZh, nameEn: role.nameEn, description: role.description }} />
      </section>
      <section className={adminLook.section} aria-labelledby="role-permissions">
        <h2 id="role-permissions" className={adminLook.sectionTitle}>
          {t("matrixHeading")}
        </h2>
        <PermissionMatrix roleId={role.id} groups={matrix} granted={role.permissionIds} readOnly={role.key === SUPER_ADMIN} />
      </section>
      <section className={`${adminLook.section} ${adminLook.dangerSection}`} aria-labelledby="role-delete">
        <h2 id="role-delete" className={adminLook.sectionTitle}>
          {t("deleteHeading")}
        </h2>
        {builtin ? <p className={styles.hint}>{t("builtinCannotDelete")}</p> : <DeleteRoleForm roleId={role.id} userCount={role.userCount} />}
      </section>
    </>
  );
});
