import type { Metadata } from "next";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import styles from "@/components/admin/admin-page.module.css";
import { AdminPageHeader } from "@/components/admin/page-header";
import { DashboardCharts } from "@/components/dashboard/dashboard-charts";
import dashboardStyles from "@/components/dashboard/dashboard.module.css";
import { RangeForm } from "@/components/dashboard/range-form";
import { parseRange } from "@/lib/dashboard/range";
import { courseFigures, orderFigures, userFigures } from "@/lib/admin/overview";
import { formatFen } from "@/lib/catalogue/format";
import { adminPage } from "@/lib/rbac/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminHome"))("title") };
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className={styles.card}>
      <p className={styles.cardLabel}>{label}</p>
      <p className={styles.cardValue}>{value}</p>
    </div>
  );
}

export default adminPage(
  "/admin",
  { category: "other", zh: "后台首页", en: "Admin home", roles: ["course_admin", "order_admin", "marketing_admin", "content_admin"] },
  async function AdminHomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }, admin) {
    const t = await getTranslations("AdminHome");
    const td = await getTranslations("Dashboard");
    const raw = await searchParams;
    const range = parseRange({ from: typeof raw.from === "string" ? raw.from : undefined, to: typeof raw.to === "string" ? raw.to : undefined });
    // Each chart only for those who may see its data: revenue and orders with the orders screen, enrolments and
    // top courses with the courses screen, the flash-sale funnel with the flash-sales screen.
    const charts = { orders: admin.can("GET", "/admin/orders"), courses: admin.can("GET", "/admin/courses"), funnel: admin.can("GET", "/admin/seckill") };
    const locale = await getLocale();
    const n = (value: number) => value.toLocaleString(locale);
    const [coursesF, ordersF, usersF] = await Promise.all([
      admin.can("GET", "/admin/courses") ? courseFigures() : null,
      admin.can("GET", "/admin/orders") ? orderFigures() : null,
      admin.can("GET", "/admin/users") ? userFigures() : null,
    ]);
    return (
      <>
        <AdminPageHeader title={t("title")} subtitle={t("welcome", { name: admin.name })} />
        <div className={styles.cards}>
          {coursesF ? (
            <>
              <Figure label={t("publishedCourses")} value={n(coursesF.published)} />
              <Figure label={t("draftCourses")} value={n(coursesF.draft)} />
            </>
          ) : null}
          {ordersF ? (
            <>
              <Figure label={t("paidOrders")} value={n(ordersF.paid)} />
              <Figure label={t("revenue")} value={formatFen(ordersF.revenueFen, locale)} />
              <Figure label={t("membershipRevenue")} value={formatFen(ordersF.membershipRevenueFen, locale)} />
            </>
          ) : null}
          {usersF ? (
            <>
              <Figure label={t("users")} value={n(usersF.total)} />
              <Figure label={t("disabledUsers")} value={n(usersF.disabled)} />
            </>
          ) : null}
        </div>
        {!coursesF && !ordersF && !usersF ? <p className={styles.muted}>{t("nothingYet")}</p> : null}
        {charts.orders || charts.courses || charts.funnel ? (
          <section className={dashboardStyles.section} aria-labelledby="dashboard-title" data-testid="dashboard">
            <h2 id="dashboard-title" className={dashboardStyles.cardTitle}>
              {td("title")}
            </h2>
            <RangeForm range={range} />
            <Suspense fallback={<p className={dashboardStyles.note}>{td("loading")}</p>}>
              <DashboardCharts range={range} can={charts} />
            </Suspense>
          </section>
        ) : null}
      </>
    );
  },
);
