import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";

export default async function AdminCourseNotFound() {
  const t = await getTranslations("CourseEditor");
  return <EmptyState title={t("notFound")} description={t("notFoundDescription")} action={<LinkButton href="/admin/courses">{t("backToList")}</LinkButton>} />;
}
