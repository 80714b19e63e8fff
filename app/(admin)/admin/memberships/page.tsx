import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import styles from "@/components/admin/admin-page.module.css";
import { PlanForm } from "@/components/admin/memberships/plan-form";
import { AdminPageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { formatFen } from "@/lib/catalogue/format";
import { clockNow } from "@/lib/clock";
import { activeMemberCount, includedCourses, listPlans } from "@/lib/memberships/plans";
import { adminPage } from "@/lib/rbac/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminMemberships"))("title") };
}

export default adminPage("/admin/memberships", { category: "marketing", zh: "会员管理", en: "Memberships", roles: ["marketing_admin"] }, async function AdminMembershipsPage(_props: object, admin) {
  const t = await getTranslations("AdminMemberships");
  const locale = await getLocale();
  const [plans, members, courses] = await Promise.all([listPlans(), activeMemberCount(await clockNow()), includedCourses(200)]);
  const canEdit = admin.can("ACTION", "membershipPlans.update");
  return (
    <>
      <AdminPageHeader title={t("title")} subtitle={t("summary", { members, courses: courses.length })} />
      <div>
        {plans.map((plan) => (
          <section key={plan.id} className={styles.section} aria-labelledby={`plan-${plan.id}`}>
            <h2 id={`plan-${plan.id}`} className={styles.sectionTitle}>
              {t(`periods.${plan.period}`)} · {formatFen(plan.priceFen, locale)} · {t("days", { days: plan.days })}{" "}
              {plan.active ? <Badge tone="success">{t("onSale")}</Badge> : <Badge tone="neutral">{t("offSale")}</Badge>}
            </h2>
            {canEdit ? (
              <PlanForm plan={{ id: plan.id, period: plan.period, nameZh: plan.nameZh, nameEn: plan.nameEn, price: (plan.priceFen / 100).toFixed(2), monthlyPoints: plan.monthlyPoints, active: plan.active }} />
            ) : (
              <p>
                {plan.nameZh} / {plan.nameEn}
              </p>
            )}
          </section>
        ))}
        <p className={styles.muted}>{t("includedHint")}</p>
      </div>
    </>
  );
});
