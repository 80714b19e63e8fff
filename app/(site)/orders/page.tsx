import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import styles from "@/components/commerce/commerce.module.css";
import { OrderStatusBadge } from "@/components/commerce/order-status";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { currentUserId } from "@/lib/catalogue/enrolment-access";
import { formatFen } from "@/lib/catalogue/format";
import { listMyOrders } from "@/lib/orders/learner-queries";

export const dynamic = "force-dynamic";
const PER_PAGE = 10;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Orders"))("metaTitle"), robots: { index: false } };
}

export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const userId = await currentUserId();
  if (userId === null) redirect("/sign-in?callbackUrl=/orders");
  const raw = (await searchParams).page;
  const page = typeof raw === "string" && /^[1-9]\d{0,4}$/.test(raw) ? Number(raw) : 1;
  const [t, locale, { rows, total }] = await Promise.all([getTranslations("Orders"), getLocale(), listMyOrders(userId, page, PER_PAGE)]);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  return (
    <Container>
      <div className={styles.page}>
        <h1 className={styles.title}>{t("title")}</h1>
        {rows.length === 0 ? (
          <EmptyState title={t("empty")} description={t("emptyHint")} action={<LinkButton href="/courses">{t("browse")}</LinkButton>} />
        ) : (
          <Card className={styles.tableWrap}>
            <table className={`${styles.table} ${styles.stackOnPhones}`} data-testid="orders-table">
              <thead>
                <tr>
                  <th scope="col">{t("orderNo")}</th>
                  <th scope="col">{t("items")}</th>
                  <th scope="col">{t("created")}</th>
                  <th scope="col" className={styles.num}>
                    {t("total")}
                  </th>
                  <th scope="col">{t("statusLabel")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((o) => (
                  <tr key={o.orderNo} data-testid="order-row" data-order-no={o.orderNo}>
                    <td data-label={t("orderNo")}>
                      <Link href={`/orders/${o.orderNo}`}>{o.orderNo}</Link>
                    </td>
                    <td data-label={t("items")}>{o.items.map((i) => i.title).join("、")}</td>
                    <td data-label={t("created")}>{when.format(new Date(o.createdAt))}</td>
                    <td className={styles.num} data-label={t("total")}>
                      {formatFen(o.totalFen, locale)}
                    </td>
                    <td data-label={t("statusLabel")}>
                      <OrderStatusBadge status={o.status} />
                      {o.status === "pending" ? (
                        <>
                          {" "}
                          <Link href={`/orders/${o.orderNo}/pay`}>{t("payNow")}</Link>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        )}
        {pages > 1 ? (
          <nav className={styles.actions} aria-label={t("pagination")}>
            {page > 1 ? (
              <Link href={`/orders?page=${page - 1}`} rel="prev">
                {t("previous")}
              </Link>
            ) : null}
            <span>{t("page", { page, pages })}</span>
            {page < pages ? (
              <Link href={`/orders?page=${page + 1}`} rel="next">
                {t("next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </div>
    </Container>
  );
}
