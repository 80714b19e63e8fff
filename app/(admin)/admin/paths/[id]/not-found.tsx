import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";

export default async function PathNotFound() {
  const t = await getTranslations("Following.admin");
  return <EmptyState title={t("errors.not_found")} action={<LinkButton href="/admin/paths">{t("title")}</LinkButton>} />;
}
