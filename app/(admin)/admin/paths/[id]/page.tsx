import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminPageHeader } from "@/components/admin/page-header";
import { PathForm } from "@/components/admin/paths/path-form";
import { Button } from "@/components/ui/button";
import { LinkButton } from "@/components/ui/link-button";
import { deletePathAction } from "@/lib/paths/admin-actions";
import { pathForAdmin } from "@/lib/paths/paths";
import { adminPage } from "@/lib/rbac/guard";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Following.admin"))("edit") };
}

export default adminPage("/admin/paths/[id]", { category: "courses", zh: "编辑学习路径", en: "Edit learning path", roles: ["course_admin"] }, async function EditPathPage({ params }: Props, admin) {
  const raw = (await params).id;
  if (!/^[1-9]\d{0,15}$/.test(raw)) notFound();
  const path = await pathForAdmin(Number(raw));
  if (!path) notFound();
  const t = await getTranslations("Following.admin");
  return (
    <>
      <AdminPageHeader
        title={`${t("edit")}: ${path.title}`}
        actions={path.status === "published" ? <LinkButton href={`/paths/${encodeURIComponent(path.slug)}`} variant="secondary">{t("view")}</LinkButton> : null}
      />
      <PathForm path={{ id: path.id, slug: path.slug, title: path.title, summary: path.summary, status: path.status, courseSlugs: path.courses.map((c) => c.slug) }} />
      {admin.can("ACTION", "paths.delete") ? (
        <form action={deletePathAction}>
          <input type="hidden" name="id" value={path.id} />
          <Button type="submit" variant="danger" data-testid="path-delete">
            {t("delete")}
          </Button>
        </form>
      ) : null}
    </>
  );
});
