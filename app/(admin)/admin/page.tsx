import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import styles from "@/components/admin/admin-page.module.css";
import { AdminPageHeader } from "@/components/admin/page-header";
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
  async function AdminHomePage(_props: unknown, admin) {
    const t = await getTranslations("AdminHome");
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
      </>
    );
  },
);
