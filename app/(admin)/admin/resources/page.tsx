import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import styles from "@/components/admin/admin-page.module.css";
import { AdminPageHeader } from "@/components/admin/page-header";
import { ResourceTable } from "@/components/admin/resources/resource-table";
import { permissionsWithRoles, roleNamesByKey } from "@/lib/rbac/admin-roles";
import { adminPage } from "@/lib/rbac/guard";
import { resourceByKey } from "@/lib/rbac/registry";
import { SUPER_ADMIN } from "@/lib/rbac/types";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminResources"))("title") };
}

export default adminPage("/admin/resources", { category: "permissions", zh: "资源列表", en: "Resources", roles: ["super_admin"] }, async function AdminResourcesPage() {
  const [t, tr] = await Promise.all([getTranslations("AdminResources"), getTranslations("AdminRoles")]);
  const en = (await getLocale()) === "en";
  const [groups, roleNames] = await Promise.all([permissionsWithRoles(), roleNamesByKey()]);
  const roleName = (key: string) => {
    const r = roleNames.get(key);
    return r ? (en ? r.nameEn : r.nameZh) : key;
  };
  const total = groups.reduce((n, g) => n + g.permissions.length, 0);

  return (
    <>
      <AdminPageHeader title={t("title")} subtitle={t("subtitle", { count: total })} />
      <p className={styles.subtitle} style={{ marginTop: 0, marginBottom: "1.25rem", maxWidth: "60rem" }}>
        {t("explanation")}
      </p>
      {groups.map((g) => (
        <ResourceTable
          key={g.category}
          category={g.category}
          heading={tr(`category_${g.category}`)}
          rows={g.permissions.map((p) => ({
            key: p.key,
            name: en ? p.nameEn : p.nameZh,
            kind: t(`kind_${p.kind}`),
            method: p.method,
            route: p.route,
            roles: [t("superAdminImplicit", { name: roleName(SUPER_ADMIN) }), ...p.roleKeys.filter((k) => k !== SUPER_ADMIN).map(roleName)],
            source: resourceByKey(p.key)?.file ?? null,
          }))}
        />
      ))}
    </>
  );
});
