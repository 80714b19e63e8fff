import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminPageHeader } from "@/components/admin/page-header";
import { OrderFacts, statusTone } from "@/components/admin/orders/order-facts";
import { NotificationList, PaymentAttempts, RefundList } from "@/components/admin/orders/order-history";
import { OrderItemsPanel } from "@/components/admin/orders/order-items-panel";
import styles from "@/components/admin/orders/orders.module.css";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/link-button";
import { formatFen } from "@/lib/catalogue/format";
import { getAdminOrder } from "@/lib/orders/admin-queries";
import { refundableAmounts } from "@/lib/orders/refunds";
import { orderNoSchema } from "@/lib/orders/api-schemas";
import { adminPage } from "@/lib/rbac/guard";

type Props = { params: Promise<{ orderNo: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { orderNo } = await params;
  return { title: (await getTranslations("AdminOrders"))("detail.title", { orderNo: orderNo.slice(0, 20) }) };
}

export default adminPage("/admin/orders/[orderNo]", { category: "orders", zh: "订单详情", en: "Order detail", roles: ["order_admin"] }, async function AdminOrderPage({ params, searchParams }: Props, admin) {
  const parsed = orderNoSchema.safeParse((await params).orderNo);
  if (!parsed.success) notFound();
  const detail = await getAdminOrder(parsed.data);
  if (!detail) notFound();
  const t = await getTranslations("AdminOrders");
  const locale = await getLocale();
  const { order } = detail;
  const refundParam = (await searchParams).refund;
  const shownRefund = typeof refundParam === "string" ? detail.refunds.find((r) => r.refundNo === refundParam) : undefined;
  const canRefund = order.status === "paid" && admin.can("ACTION", "orders.refund");
  const userHref = admin.can("GET", `/admin/users/${detail.user.id}`) ? `/admin/users/${detail.user.id}` : null;
  const money = (fen: number) => formatFen(fen, locale);
  const refundable = await refundableAmounts(detail.items);

  return (
    <>
      <AdminPageHeader
        title={t("detail.title", { orderNo: order.orderNo })}
        subtitle={<Badge tone={statusTone[order.status]}>{t(`status_${order.status}`)}</Badge>}
        actions={
          <LinkButton href="/admin/orders" variant="secondary" size="sm">
            {t("detail.back")}
          </LinkButton>
        }
      />
      {shownRefund ? (
        <p role="status" className={`${styles.banner} ${shownRefund.status === "failed" ? styles.error : shownRefund.status === "succeeded" ? styles.success : ""}`} data-testid="refund-result" data-status={shownRefund.status}>
          {shownRefund.status === "succeeded"
            ? t("refund.result_succeeded", { refundNo: shownRefund.refundNo, amount: money(shownRefund.amountFen) })
            : shownRefund.status === "pending"
              ? t("refund.result_pending", { refundNo: shownRefund.refundNo, amount: money(shownRefund.amountFen) })
              : t("refund.result_failed", { refundNo: shownRefund.refundNo, reason: shownRefund.failureReason ?? "—" })}
        </p>
      ) : null}
      <div className={styles.sections}>
        <section className={styles.section} aria-labelledby="order-summary">
          <h2 id="order-summary" className={styles.sectionTitle}>
            {t("detail.summary")}
          </h2>
          <OrderFacts detail={detail} userHref={userHref} />
        </section>
        <section className={styles.section} aria-labelledby="order-items">
          <h2 id="order-items" className={styles.sectionTitle}>
            {t("items")}
          </h2>
          <OrderItemsPanel
            key={typeof refundParam === "string" ? refundParam : "none"}
            orderNo={order.orderNo}
            canRefund={canRefund}
            remaining={money(order.totalFen - order.refundedFen)}
            items={detail.items.map((i) => ({
              id: i.id,
              kind: i.kind,
              courseId: i.courseId,
              title: i.titleSnapshot,
              listPrice: money(i.listPriceFen),
              price: money(i.priceFen),
              paid: money(i.paidFen),
              refunded: i.refundedAt !== null,
              refundable: i.refundedAt === null && (refundable.get(i.id) ?? 0) > 0,
              refundableAmount: money(refundable.get(i.id) ?? 0),
            }))}
          />
          {order.status === "refunding" ? <p className={styles.hint}>{t("refund.inProgress")}</p> : null}
        </section>
        <section className={styles.section} aria-labelledby="order-refunds">
          <h2 id="order-refunds" className={styles.sectionTitle}>
            {t("detail.refunds")}
          </h2>
          <RefundList detail={detail} />
        </section>
        <section className={styles.section} aria-labelledby="order-attempts">
          <h2 id="order-attempts" className={styles.sectionTitle}>
            {t("detail.attempts")}
          </h2>
          <PaymentAttempts detail={detail} />
        </section>
        <section className={styles.section} aria-labelledby="order-notifications">
          <h2 id="order-notifications" className={styles.sectionTitle}>
            {t("detail.notifications")}
          </h2>
          <NotificationList detail={detail} />
        </section>
      </div>
    </>
  );
});
