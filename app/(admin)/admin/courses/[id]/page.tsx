import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CourseEditorLoader } from "@/components/admin/course-editor/course-editor-loader";
import { AdminPageHeader } from "@/components/admin/page-header";
import { LinkButton } from "@/components/ui/link-button";
import { editorOptions, getAdminCourse } from "@/lib/catalogue/admin-course-writes";
import { adminPage } from "@/lib/rbac/guard";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const courseId = (raw: string) => (/^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : 0);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("CourseEditor");
  const course = await getAdminCourse(courseId((await params).id));
  return { title: course ? t("editTitle", { title: course.title }) : t("notFound") };
}

export default adminPage("/admin/courses/[id]", { category: "courses", zh: "编辑课程", en: "Edit course", roles: ["course_admin"] }, async function EditCoursePage({ params, searchParams }: Props) {
  const t = await getTranslations("CourseEditor");
  const course = await getAdminCourse(courseId((await params).id));
  if (!course) notFound();
  const { categories, teachers } = await editorOptions(await getLocale());
  const created = (await searchParams).created === "1";
  return (
    <>
      <AdminPageHeader
        title={t("editTitle", { title: course.title })}
        subtitle={course.slug}
        actions={
          course.status === "published" ? (
            <LinkButton href={`/courses/${course.slug}`} variant="ghost" size="sm">
              {t("viewPublic")}
            </LinkButton>
          ) : null
        }
      />
      <CourseEditorLoader key={course.id} course={course} categories={categories} teachers={teachers} notice={created ? "created" : undefined} />
    </>
  );
});
