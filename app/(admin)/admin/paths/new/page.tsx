import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminPageHeader } from "@/components/admin/page-header";
import { PathForm } from "@/components/admin/paths/path-form";
import { adminPage } from "@/lib/rbac/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Following.admin"))("new") };
}

export default adminPage("/admin/paths/new", { category: "courses", zh: "新建学习路径页面", en: "New learning path page", roles: ["course_admin"] }, async function NewPathPage() {
  const t = await getTranslations("Following.admin");
  return (
    <>
      <AdminPageHeader title={t("new")} />
      <PathForm path={{ id: null, slug: "", title: "", summary: "", status: "draft", courseSlugs: [] }} />
    </>
  );
});
