import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";

export default async function AdminUserNotFound() {
  const t = await getTranslations("AdminUserDetail");
  return <EmptyState title={t("notFoundTitle")} description={t("notFoundDescription")} action={<LinkButton href="/admin/users">{t("back")}</LinkButton>} />;
}
