// The admin home's charts over a date range. Each chart is read and drawn only when the viewer's roles allow
// its data: revenue and orders with the orders list (GET /admin/orders), enrolments and top courses with the
// course list (GET /admin/courses), the flash-sale funnel with the marketing screens (see the admin page).
import { getLocale, getTranslations } from "next-intl/server";
import { paymentProviders } from "@/db/schema/commerce";
import { enrolmentsPerDay, flashSaleFunnel, ordersPerDay, revenueByProvider, topCourses } from "@/lib/dashboard/queries";
import type { DateRange } from "@/lib/dashboard/range";
import { ChartCard } from "./chart-card";
import { linesOption, rankedBarsOption, stackedBarsOption } from "./options";
import styles from "./dashboard.module.css";

export interface ChartPermissions {
  orders: boolean;
  courses: boolean;
  funnel: boolean;
}

export async function DashboardCharts({ range, can }: { range: DateRange; can: ChartPermissions }) {
  const [t, locale] = await Promise.all([getTranslations("Dashboard"), getLocale()]);
  const [revenue, orders, enrolments, courses, funnel] = await Promise.all([
    can.orders ? revenueByProvider(range) : null,
    can.orders ? ordersPerDay(range) : null,
    can.courses ? enrolmentsPerDay(range) : null,
    can.courses ? topCourses(range) : null,
    can.funnel ? flashSaleFunnel(range) : null,
  ]);
  const yuan = (fen: number) => Math.round(fen) / 100;
  const money = new Intl.NumberFormat(locale, { style: "currency", currency: "CNY" });
  const caption = (title: string) => t("tableCaption", { title, from: range.from, to: range.to });
  const tableLabel = t("showTable");
  const days = range.days;

  return (
    <div className={styles.grid}>
      {revenue ? (
        <ChartCard
          id="revenue"
          title={t("revenueTitle")}
          note={t("revenueNote")}
          option={stackedBarsOption(
            days,
            paymentProviders.map((p) => ({ name: t(`provider_${p}`), data: revenue[p].map(yuan) })),
          )}
          tableLabel={tableLabel}
          table={{
            caption: caption(t("revenueTitle")),
            columns: [t("date"), ...paymentProviders.map((p) => t(`provider_${p}`))],
            rows: days.map((d, i) => [d, ...paymentProviders.map((p) => money.format(yuan(revenue[p][i] ?? 0)))]),
          }}
        />
      ) : null}
      {orders ? (
        <ChartCard
          id="orders"
          title={t("ordersTitle")}
          option={linesOption(days, [
            { name: t("ordersPlaced"), data: orders.placed },
            { name: t("ordersPaid"), data: orders.paid },
          ])}
          tableLabel={tableLabel}
          table={{ caption: caption(t("ordersTitle")), columns: [t("date"), t("ordersPlaced"), t("ordersPaid")], rows: days.map((d, i) => [d, orders.placed[i] ?? 0, orders.paid[i] ?? 0]) }}
        />
      ) : null}
      {enrolments ? (
        <ChartCard
          id="enrolments"
          title={t("enrolmentsTitle")}
          option={linesOption(days, [{ name: t("enrolments"), data: enrolments }])}
          tableLabel={tableLabel}
          table={{ caption: caption(t("enrolmentsTitle")), columns: [t("date"), t("enrolments")], rows: days.map((d, i) => [d, enrolments[i] ?? 0]) }}
        />
      ) : null}
      {courses ? (
        <ChartCard
          id="top-courses"
          title={t("topCoursesTitle")}
          option={rankedBarsOption(
            courses.map((c) => ({ label: c.title, value: c.enrolments })),
            t("enrolments"),
          )}
          height={Math.max(200, courses.length * 32)}
          empty={courses.length === 0 ? t("noData") : undefined}
          tableLabel={tableLabel}
          table={{ caption: caption(t("topCoursesTitle")), columns: [t("course"), t("enrolments")], rows: courses.map((c) => [c.title, c.enrolments]) }}
        />
      ) : null}
      {funnel ? (
        <ChartCard
          id="funnel"
          title={t("funnelTitle")}
          note={t("funnelNote")}
          option={rankedBarsOption(
            [
              { label: t("funnel_attempts"), value: funnel.attempts },
              { label: t("funnel_won"), value: funnel.won },
              { label: t("funnel_paid"), value: funnel.paid },
            ],
            t("count"),
          )}
          height={180}
          tableLabel={tableLabel}
          table={{
            caption: caption(t("funnelTitle")),
            columns: [t("stage"), t("count")],
            rows: [
              [t("funnel_attempts"), funnel.attempts],
              [t("funnel_won"), funnel.won],
              [t("funnel_paid"), funnel.paid],
            ],
          }}
        />
      ) : null}
    </div>
  );
}
