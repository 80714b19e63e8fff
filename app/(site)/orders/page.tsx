import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import styles from "@/components/commerce/commerce.module.css";
import { OrderStatusBadge } from "@/components/commerce/order-status";
import { OrderTabs, ordersHref } from "@/components/commerce/order-tabs";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { currentUserId } from "@/lib/auth/current-user";
import { formatFen } from "@/lib/catalogue/format";
import { isOrderTab, type OrderTab } from "@/lib/orders/api-schemas";
import { countMyOrders, listMyOrders } from "@/lib/orders/learner-queries";

export const dynamic = "force-dynamic";
const PER_PAGE = 10;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Orders"))("metaTitle"), robots: { index: false } };
}

type SearchParams = { status?: string | string[]; page?: string | string[] };

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const userId = await currentUserId();
  if (userId === null) redirect("/sign-in?callbackUrl=/orders");
  const raw = await searchParams;
  // The filter lives in the address, so tabs are plain links (no JavaScript needed). A status we do not know
  // (an old bookmark, a typo) shows every order, with "all" marked as the current tab, rather than an error.
  const tab: OrderTab = isOrderTab(raw.status) ? raw.status : "all";
  const asked = typeof raw.page === "string" && /^[1-9]\d{0,4}$/.test(raw.page) ? Number(raw.page) : 1;
  const [t, locale, format, counts] = await Promise.all([getTranslations("Orders"), getLocale(), getFormatter(), countMyOrders(userId)]);
  const pages = Math.max(1, Math.ceil(counts[tab] / PER_PAGE));
  const page = Math.min(asked, pages);
  const { rows } = await listMyOrders(userId, page, PER_PAGE, tab);
  const zoned = (iso: string) => format.dateTime(new Date(iso), "zoned");
  return (
    <Container>
      <div className={styles.page}>
        <h1 className={styles.title}>{t("title")}</h1>
        {counts.all > 0 ? <OrderTabs current={tab} counts={counts} /> : null}
        {counts.all === 0 ? (
          <EmptyState title={t("empty")} description={t("emptyHint")} action={<LinkButton href="/courses">{t("browse")}</LinkButton>} />
        ) : rows.length === 0 ? (
          <EmptyState title={t(`tabEmpty_${tab}`)} action={<LinkButton href="/orders" variant="secondary">{t("showAll")}</LinkButton>} />
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
                  <tr key={o.orderNo} data-testid="order-row" data-order-no={o.orderNo} data-status={o.status}>
                    <td data-label={t("orderNo")}>
                      <Link href={`/orders/${o.orderNo}`}>{o.orderNo}</Link>
                    </td>
                    <td data-label={t("items")}>{o.items.map((i) => i.title).join("、")}</td>
                    <td data-label={t("created")}>
                      <time dateTime={o.createdAt}>{zoned(o.createdAt)}</time>
                    </td>
                    <td className={styles.num} data-label={t("total")}>
                      {formatFen(o.totalFen, locale)}
                    </td>
                    <td data-label={t("statusLabel")}>
                      <div className={styles.statusCell}>
                        <span>
                          <OrderStatusBadge status={o.status} />
                          {o.status === "pending" ? (
                            <>
                              {" "}
                              <Link href={`/orders/${o.orderNo}/pay`}>{t("payNow")}</Link>
                            </>
                          ) : null}
                        </span>
                        {o.status === "pending" && o.payBefore ? (
                          <time dateTime={o.payBefore} className={styles.muted} data-testid="order-pay-before">
                            {t("payBefore", { time: zoned(o.payBefore) })}
                          </time>
                        ) : null}
                      </div>
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
              <Link href={ordersHref(tab, page - 1)} rel="prev">
                {t("previous")}
              </Link>
            ) : null}
            <span>{t("page", { page, pages })}</span>
            {page < pages ? (
              <Link href={ordersHref(tab, page + 1)} rel="next">
                {t("next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </div>
    </Container>
  );
}
