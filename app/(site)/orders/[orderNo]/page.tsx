import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import styles from "@/components/commerce/commerce.module.css";
import { CancelOrderButton } from "@/components/commerce/cancel-order-button";
import { OrderStatusBadge } from "@/components/commerce/order-status";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { LinkButton } from "@/components/ui/link-button";
import { currentUserId } from "@/lib/auth/current-user";
import { formatFen } from "@/lib/catalogue/format";
import { orderNoSchema } from "@/lib/orders/api-schemas";
import { getMyOrder } from "@/lib/orders/learner-queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ orderNo: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations("Orders"))("detailTitle", { orderNo: (await params).orderNo }), robots: { index: false } };
}

export default async function OrderPage({ params }: Props) {
  const { orderNo } = await params;
  const userId = await currentUserId();
  if (userId === null) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/orders/${orderNo}`)}`);
  if (!orderNoSchema.safeParse(orderNo).success) notFound();
  const order = await getMyOrder(userId, orderNo);
  if (!order) notFound();
  const [t, locale, format] = await Promise.all([getTranslations("Orders"), getLocale(), getFormatter()]);
  // Every time in the reader's zone, labelled (lib/i18n/config.ts formats).
  const when = (iso: string) => <time dateTime={iso}>{format.dateTime(new Date(iso), "zoned")}</time>;
  const money = (fen: number) => formatFen(fen, locale);
  return (
    <Container>
      <div className={styles.page}>
        <p className={styles.muted}>
          <Link href="/orders">{t("backToOrders")}</Link>
        </p>
        <h1 className={styles.title}>{t("detailTitle", { orderNo: order.orderNo })}</h1>
        <div className={styles.actions}>
          <OrderStatusBadge status={order.status} />
          {order.source === "seckill" ? <span className={styles.muted}>{t("seckill")}</span> : order.source === "membership" ? <span className={styles.muted}>{t("membershipOrder")}</span> : null}
          <span className={styles.muted}>
            {t("created")} {when(order.createdAt)}
          </span>
        </div>
        {order.status === "pending" && order.payBefore ? (
          <p className={styles.notice}>
            <time dateTime={order.payBefore} data-testid="order-pay-before">
              {t("payBefore", { time: format.dateTime(new Date(order.payBefore), "zoned") })}
            </time>
          </p>
        ) : null}
        <Card className={styles.tableWrap}>
          <table className={styles.table} data-testid="order-items">
            <thead>
              <tr>
                <th scope="col">{t("items")}</th>
                <th scope="col" className={styles.num}>
                  {t("total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {order.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    {item.slug ? <Link href={`/courses/${item.slug}`}>{item.title}</Link> : item.title}
                    {item.refunded ? <span className={styles.muted}> · {t("itemRefunded")}</span> : null}
                  </td>
                  <td className={styles.num}>{money(item.priceFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <dl className={styles.sums} style={{ maxWidth: "22rem", marginInlineStart: "auto" }}>
          <dt>{t("subtotal")}</dt>
          <dd>{money(order.subtotalFen)}</dd>
          {order.discountFen > 0 ? (
            <>
              <dt>{t("discount")}</dt>
              <dd>−{money(order.discountFen)}</dd>
            </>
          ) : null}
          <dt className={styles.total}>{t("paid")}</dt>
          <dd className={styles.total}>{money(order.totalFen)}</dd>
          {order.provider && order.paidAt ? (
            <>
              <dt>{t("provider")}</dt>
              <dd>{t(`provider_${order.provider}`)}</dd>
              <dt>{t("paidAt")}</dt>
              <dd>{when(order.paidAt)}</dd>
            </>
          ) : null}
          {order.refundedFen > 0 ? (
            <>
              <dt>{t("refunds")}</dt>
              <dd>{t("refunded", { amount: money(order.refundedFen) })}</dd>
            </>
          ) : null}
        </dl>
        {order.refunds.length > 0 ? (
          <section>
            <h2 className={styles.lineTitle}>{t("refunds")}</h2>
            <ul>
              {order.refunds.map((r) => (
                <li key={r.refundNo}>
                  {money(r.amountFen)} · {t(`refund_${r.status}`)} · {when(r.requestedAt)}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <div className={styles.actions}>
          {order.status === "pending" ? (
            <>
              <LinkButton href={`/orders/${order.orderNo}/pay`} size="lg" data-testid="pay-now">
                {t("payNow")}
              </LinkButton>
              {order.source !== "seckill" ? <CancelOrderButton orderNo={order.orderNo} /> : null}
            </>
          ) : null}
          {order.status === "paid" ? (
            <LinkButton href="/account/courses" data-testid="go-my-courses">
              {t("myCourses")}
            </LinkButton>
          ) : null}
        </div>
      </div>
    </Container>
  );
}
