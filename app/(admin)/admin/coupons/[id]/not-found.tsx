import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";

export default async function CouponNotFound() {
  const t = await getTranslations("AdminCoupons");
  return <EmptyState title={t("notFoundTitle")} description={t("notFoundDescription")} action={<LinkButton href="/admin/coupons">{t("back")}</LinkButton>} />;
}
