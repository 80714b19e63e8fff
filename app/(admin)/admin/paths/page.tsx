import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdminPageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/link-button";
import { listPathsForAdmin } from "@/lib/paths/paths";
import { adminPage } from "@/lib/rbac/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Following.admin"))("title") };
}

export default adminPage("/admin/paths", { category: "courses", zh: "学习路径管理", en: "Learning paths", roles: ["course_admin"] }, async function AdminPathsPage(_props: object, admin) {
  const [t, paths] = await Promise.all([getTranslations("Following.admin"), listPathsForAdmin()]);
  return (
    <>
      <AdminPageHeader title={t("title")} actions={admin.can("ACTION", "paths.save") ? <LinkButton href="/admin/paths/new">{t("new")}</LinkButton> : null} />
      {paths.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <table data-testid="admin-paths">
          <thead>
            <tr>
              <th scope="col">{t("pathTitle")}</th>
              <th scope="col">{t("slug")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("count")}</th>
            </tr>
          </thead>
          <tbody>
            {paths.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/admin/paths/${p.id}`}>{p.title}</Link>
                </td>
                <td>{p.slug}</td>
                <td>{p.status === "published" ? <Badge tone="success">{t("published")}</Badge> : <Badge tone="neutral">{t("draft")}</Badge>}</td>
                <td>{p.courseCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
});
