import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";

export default async function AdminSeckillNotFound() {
  const t = await getTranslations("AdminSeckill");
  return <EmptyState title={t("notFound")} description={t("notFoundHint")} action={<LinkButton href="/admin/seckill">{t("backToList")}</LinkButton>} />;
}
