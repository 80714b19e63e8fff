// The summary of one order on /admin/orders/[orderNo]: state, buyer, amounts, provider and times.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { formatFen } from "@/lib/catalogue/format";
import type { AdminOrderDetail } from "@/lib/orders/admin-queries";
import styles from "./orders.module.css";

export const statusTone = { pending: "warning", paid: "success", refunding: "brand", refunded: "neutral", closed: "neutral" } as const;

export async function OrderFacts({ detail, userHref }: { detail: AdminOrderDetail; userHref: string | null }) {
  const t = await getTranslations("AdminOrders");
  const locale = await getLocale();
  const format = await getFormatter();
  const { order, user } = detail;
  const when = (date: Date | null) => (date ? <time dateTime={date.toISOString()}>{format.dateTime(date, "zonedSeconds")}</time> : "—");
  const money = (fen: number) => formatFen(fen, locale);
  const facts: Array<[string, ReactNode]> = [
    [t("status"), <Badge key="s" tone={statusTone[order.status]}>{t(`status_${order.status}`)}</Badge>],
    [t("detail.source"), t(`detail.source_${order.source}`)],
    [
      t("buyer"),
      <span key="u">
        {userHref ? <Link href={userHref}>{user.name}</Link> : user.name} <span className={styles.hint}>#{user.id}</span>
        <br />
        <span className={styles.hint}>{[user.email, user.mobile].filter(Boolean).join(" · ") || "—"}</span>
      </span>,
    ],
    [t("detail.subtotal"), money(order.subtotalFen)],
    [t("detail.discount"), order.discountFen > 0 ? `−${money(order.discountFen)}${detail.couponCode ? ` (${detail.couponCode})` : ""}` : money(0)],
    [t("total"), <strong key="t">{money(order.totalFen)}</strong>],
    [t("detail.refunded"), money(order.refundedFen)],
    [t("provider"), order.provider ? t(`provider_${order.provider}`) : "—"],
    [t("detail.tradeNo"), order.providerTradeNo ? <code key="n">{order.providerTradeNo}</code> : "—"],
    [t("created"), when(order.createdAt)],
    [t("detail.payBefore"), when(order.payBefore)],
    [t("detail.paidAt"), when(order.paidAt)],
    [t("detail.closedAt"), when(order.closedAt)],
  ];
  return (
    <dl className={styles.facts} data-testid="order-facts">
      {facts.map(([label, value]) => (
        <div key={label} className={styles.fact}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
