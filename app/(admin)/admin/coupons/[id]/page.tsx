import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CouponForm } from "@/components/admin/coupons/coupon-form";
import { CouponToggle } from "@/components/admin/coupons/coupon-toggle";
import adminLook from "@/components/admin/admin-page.module.css";
import styles from "@/components/admin/coupons/coupons.module.css";
import { AdminPageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/link-button";
import { chinaDateTimeValue } from "@/lib/orders/admin-coupon-rules";
import { getCoupon } from "@/lib/orders/admin-coupons";
import { adminPage } from "@/lib/rbac/guard";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminCoupons"))("editTitle", { code: "" }) };
}

export default adminPage("/admin/coupons/[id]", { category: "marketing", zh: "编辑优惠券页面", en: "Edit coupon page", roles: ["marketing_admin"] }, async function EditCouponPage({ params, searchParams }: Props, admin) {
  const raw = (await params).id;
  if (!/^[1-9]\d{0,15}$/.test(raw)) notFound();
  const coupon = await getCoupon(Number(raw));
  if (!coupon) notFound();
  const t = await getTranslations("AdminCoupons");
  const created = (await searchParams).created === "1";
  const values = {
    code: coupon.code,
    kind: coupon.kind,
    value: coupon.kind === "percent" ? String(coupon.value) : (coupon.value / 100).toFixed(2),
    courseId: coupon.courseId === null ? "" : String(coupon.courseId),
    maxUses: coupon.maxUses === null ? "" : String(coupon.maxUses),
    startsAt: chinaDateTimeValue(coupon.startsAt),
    endsAt: chinaDateTimeValue(coupon.endsAt),
    appliesToPlans: coupon.appliesToPlans ? "on" : "",
  };
  return (
    <>
      <AdminPageHeader
        title={t("editTitle", { code: coupon.code })}
        subtitle={<Badge tone={coupon.disabled ? "danger" : "success"}>{coupon.disabled ? t("state_disabled") : t("enabled")}</Badge>}
        actions={
          <LinkButton href="/admin/coupons" variant="secondary" size="sm">
            {t("back")}
          </LinkButton>
        }
      />
      {created ? (
        <p role="status" className={styles.success}>
          {t("created")}
        </p>
      ) : null}
      <section className={adminLook.section} aria-labelledby="coupon-settings">
        <h2 id="coupon-settings" className={adminLook.sectionTitle}>
          {t("settings")}
        </h2>
        <p className={styles.hint}>{t("usedSoFar", { used: coupon.usedCount })}</p>
        {admin.can("ACTION", "coupons.update") ? <CouponForm coupon={{ id: coupon.id, usedCount: coupon.usedCount, values }} defaults={values} /> : <p className={styles.hint}>{t("readOnly")}</p>}
      </section>
      {admin.can("ACTION", "coupons.setDisabled") ? (
        <section className={adminLook.section} aria-labelledby="coupon-status">
          <h2 id="coupon-status" className={adminLook.sectionTitle}>
            {t("statusTitle")}
          </h2>
          <CouponToggle key={String(coupon.disabled)} id={coupon.id} disabled={coupon.disabled} />
        </section>
      ) : null}
    </>
  );
});
