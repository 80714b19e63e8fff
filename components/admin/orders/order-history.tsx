// The payment attempts, refunds and every stored provider notification of one order. Raw bodies and headers
// are shown as text (React escapes them), folded in a <details> so the page stays readable.
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import tableStyles from "@/components/admin/admin-page.module.css";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatFen } from "@/lib/catalogue/format";
import type { AdminOrderDetail } from "@/lib/orders/admin-queries";
import styles from "./orders.module.css";

const refundTone = { pending: "warning", succeeded: "success", failed: "danger" } as const;
const outcomeTone = { applied: "success", duplicate: "neutral", rejected: "danger", unverified: "danger", ignored: "neutral", error: "warning" } as const;

export async function PaymentAttempts({ detail }: { detail: AdminOrderDetail }) {
  const t = await getTranslations("AdminOrders");
  const format = await getFormatter();
  if (detail.attempts.length === 0) return <EmptyState headingLevel={3} title={t("detail.noAttempts")} description={t("detail.noAttemptsHint")} />;
  return (
    <div className={tableStyles.tableWrap}>
      <table className={tableStyles.table} data-testid="payment-attempts">
        <thead>
          <tr>
            <th scope="col">{t("provider")}</th>
            <th scope="col">{t("detail.startedAt")}</th>
          </tr>
        </thead>
        <tbody>
          {detail.attempts.map((a) => (
            <tr key={a.id}>
              <td>{t(`provider_${a.provider}`)}</td>
              <td>{format.dateTime(a.startedAt, "zonedSeconds")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export async function RefundList({ detail }: { detail: AdminOrderDetail }) {
  const t = await getTranslations("AdminOrders");
  const format = await getFormatter();
  const locale = await getLocale();
  if (detail.refunds.length === 0) return <EmptyState headingLevel={3} title={t("detail.noRefunds")} description={t("detail.noRefundsHint")} />;
  const titles = new Map(detail.items.map((i) => [i.id, i.titleSnapshot]));
  const when = (d: Date | null) => (d ? format.dateTime(d, "zonedSeconds") : "—");
  return (
    <div className={tableStyles.tableWrap}>
      <table className={tableStyles.table} data-testid="refunds">
        <thead>
          <tr>
            <th scope="col">{t("detail.refundNo")}</th>
            <th scope="col">{t("detail.refundScope")}</th>
            <th scope="col" className={tableStyles.num}>
              {t("detail.amount")}
            </th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("detail.reason")}</th>
            <th scope="col">{t("detail.requestedBy")}</th>
            <th scope="col">{t("detail.requestedAt")}</th>
            <th scope="col">{t("detail.completedAt")}</th>
          </tr>
        </thead>
        <tbody>
          {detail.refunds.map((r) => (
            <tr key={r.id} data-testid={`refund-${r.refundNo}`}>
              <td className={tableStyles.mono}>{r.refundNo}</td>
              <td>{r.orderItemId ? (titles.get(r.orderItemId) ?? `#${r.orderItemId}`) : t("refund.wholeOrder")}</td>
              <td className={tableStyles.num}>{formatFen(r.amountFen, locale)}</td>
              <td>
                <Badge tone={refundTone[r.status]}>{t(`detail.refund_${r.status}`)}</Badge>
                {r.failureReason ? <div className={styles.error}>{r.failureReason}</div> : null}
              </td>
              <td>{r.reason}</td>
              <td>{r.requestedBy ? (r.requesterName ?? `#${r.requestedBy}`) : t("detail.system")}</td>
              <td className={tableStyles.muted}>{when(r.requestedAt)}</td>
              <td className={tableStyles.muted}>{when(r.completedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export async function NotificationList({ detail }: { detail: AdminOrderDetail }) {
  const t = await getTranslations("AdminOrders");
  const format = await getFormatter();
  const locale = await getLocale();
  if (detail.notifications.length === 0) return <EmptyState headingLevel={3} title={t("detail.noNotifications")} description={t("detail.noNotificationsHint")} />;
  return (
    <>
      {detail.notificationCount > detail.notifications.length ? <p className={styles.hint}>{t("detail.notificationsCapped", { shown: detail.notifications.length, total: detail.notificationCount })}</p> : null}
      <div className={tableStyles.tableWrap}>
        <table className={tableStyles.table} data-testid="notifications">
          <thead>
            <tr>
              <th scope="col">{t("detail.receivedAt")}</th>
              <th scope="col">{t("provider")}</th>
              <th scope="col">{t("detail.kind")}</th>
              <th scope="col">{t("detail.verified")}</th>
              <th scope="col">{t("detail.outcome")}</th>
              <th scope="col">{t("detail.reason")}</th>
              <th scope="col" className={tableStyles.num}>
                {t("detail.amount")}
              </th>
              <th scope="col">{t("detail.raw")}</th>
            </tr>
          </thead>
          <tbody>
            {detail.notifications.map((n) => (
              <tr key={n.id} data-testid="notification-row">
                <td className={tableStyles.muted}>{format.dateTime(n.receivedAt, "zonedSeconds")}</td>
                <td>{t(`provider_${n.provider}`)}</td>
                <td>{t(`detail.kind_${n.kind}`)}</td>
                <td>{n.verified ? <Badge tone="success">{t("detail.yes")}</Badge> : <Badge tone="danger">{t("detail.no")}</Badge>}</td>
                <td>
                  <Badge tone={outcomeTone[n.outcome]}>{t(`detail.outcome_${n.outcome}`)}</Badge>
                </td>
                <td>{n.reason ?? "—"}</td>
                <td className={tableStyles.num}>{n.amountFen === null ? "—" : formatFen(n.amountFen, locale)}</td>
                <td>
                  <details>
                    <summary>{t("detail.showRaw")}</summary>
                    <h4 className={styles.hint}>{t("detail.rawHeaders")}</h4>
                    <pre className={styles.raw}>{JSON.stringify(n.rawHeaders, null, 2)}</pre>
                    <h4 className={styles.hint}>{t("detail.rawBody")}</h4>
                    <pre className={styles.raw} data-testid="notification-raw-body">
                      {n.rawBody}
                    </pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
