import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";

export default async function AdminOrderNotFound() {
  const t = await getTranslations("AdminOrders");
  return <EmptyState title={t("detail.notFoundTitle")} description={t("detail.notFoundDescription")} action={<LinkButton href="/admin/orders">{t("detail.back")}</LinkButton>} />;
}
