import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminPageHeader } from "@/components/admin/page-header";
import { RoleForm } from "@/components/admin/roles/role-form";
import adminLook from "@/components/admin/admin-page.module.css";
import { LinkButton } from "@/components/ui/link-button";
import { adminPage } from "@/lib/rbac/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminRoles"))("newTitle") };
}

export default adminPage("/admin/roles/new", { category: "permissions", zh: "新建角色页面", en: "New role page", roles: ["super_admin"] }, async function NewRolePage() {
  const t = await getTranslations("AdminRoles");
  return (
    <>
      <AdminPageHeader
        title={t("newTitle")}
        subtitle={t("newSubtitle")}
        actions={
          <LinkButton href="/admin/roles" variant="secondary" size="sm">
            {t("back")}
          </LinkButton>
        }
      />
      <section className={adminLook.section}>
        <RoleForm />
      </section>
    </>
  );
});
