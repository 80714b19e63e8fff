import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CourseEditorLoader } from "@/components/admin/course-editor/course-editor-loader";
import { AdminPageHeader } from "@/components/admin/page-header";
import { editorOptions } from "@/lib/catalogue/admin-course-writes";
import { adminPage } from "@/lib/rbac/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("CourseEditor"))("newTitle") };
}

export default adminPage("/admin/courses/new", { category: "courses", zh: "新建课程", en: "New course", roles: ["course_admin"] }, async function NewCoursePage() {
  const t = await getTranslations("CourseEditor");
  const { categories, teachers } = await editorOptions(await getLocale());
  return (
    <>
      <AdminPageHeader title={t("newTitle")} subtitle={t("newSubtitle")} />
      <CourseEditorLoader course={null} categories={categories} teachers={teachers} />
    </>
  );
});
