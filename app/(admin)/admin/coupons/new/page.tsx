import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CouponForm } from "@/components/admin/coupons/coupon-form";
import adminLook from "@/components/admin/admin-page.module.css";
import { AdminPageHeader } from "@/components/admin/page-header";
import { LinkButton } from "@/components/ui/link-button";
import { chinaDateTimeValue } from "@/lib/orders/admin-coupon-rules";
import { adminPage } from "@/lib/rbac/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminCoupons"))("newTitle") };
}

export default adminPage("/admin/coupons/new", { category: "marketing", zh: "新建优惠券页面", en: "New coupon page", roles: ["marketing_admin"] }, async function NewCouponPage() {
  const t = await getTranslations("AdminCoupons");
  const start = new Date(Math.ceil(Date.now() / 3600_000) * 3600_000);
  return (
    <>
      <AdminPageHeader
        title={t("newTitle")}
        subtitle={t("newSubtitle")}
        actions={
          <LinkButton href="/admin/coupons" variant="secondary" size="sm">
            {t("back")}
          </LinkButton>
        }
      />
      <section className={adminLook.section}>
        <CouponForm defaults={{ kind: "percent", startsAt: chinaDateTimeValue(start), endsAt: chinaDateTimeValue(new Date(start.getTime() + 30 * 86_400_000)) }} />
      </section>
    </>
  );
});
