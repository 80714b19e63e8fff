import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import styles from "@/components/commerce/commerce.module.css";
import { PayPanel } from "@/components/commerce/pay-panel";
import { RefreshSoon } from "@/components/commerce/refresh-soon";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { currentUserId } from "@/lib/auth/current-user";
import { formatFen } from "@/lib/catalogue/format";
import { env } from "@/lib/config/env";
import { orderNoSchema } from "@/lib/orders/api-schemas";
import { getMyOrder } from "@/lib/orders/learner-queries";
import { parseOrderNo } from "@/lib/orders/order-no";
import { configuredProviders } from "@/lib/payments";
import { refusedAdmission } from "@/lib/seckill/outcome";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ orderNo: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Orders"))("payTitle"), robots: { index: false } };
}

/** The local sandbox's address when WeChat Pay is played by it (for its "scan" page); null in production. */
function sandboxOrigin(): string | null {
  const base = env().WECHATPAY_BASE_URL;
  const url = new URL(base);
  return ["127.0.0.1", "localhost"].includes(url.hostname) && url.pathname.startsWith("/wechatpay") ? url.origin : null;
}

/** A number issued in the last two minutes: its order may still be on its way to MySQL. */
function recentlyIssued(orderNo: string, now: number): boolean {
  const issued = parseOrderNo(orderNo);
  return issued !== null && now - issued.timeMs < 120_000 && issued.timeMs <= now + 5_000;
}

/** The time this request is served at. */
const requestTime = () => Date.now();

const isPast = (iso: string | null, now: number) => iso !== null && new Date(iso).getTime() <= now;

export default async function PayPage({ params }: Props) {
  const { orderNo } = await params;
  const userId = await currentUserId();
  if (userId === null) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/orders/${orderNo}/pay`)}`);
  if (!orderNoSchema.safeParse(orderNo).success) notFound();
  const [t, locale, order] = await Promise.all([getTranslations("Orders"), getLocale(), getMyOrder(userId, orderNo)]);
  if (!order) {
    // A flash-sale win hands out the order number before the worker writes the order: wait for it briefly.
    const refused = await refusedAdmission(orderNo);
    if (refused) {
      return (
        <Container>
          <div className={styles.page}>
            <h1 className={styles.title}>{t("payTitle")}</h1>
            <p className={styles.error} role="alert" data-testid="order-refused">
              {t("refused", { reason: refused })}
            </p>
          </div>
        </Container>
      );
    }
    if (recentlyIssued(orderNo, requestTime())) {
      return (
        <Container>
          <div className={styles.page}>
            <h1 className={styles.title}>{t("payTitle")}</h1>
            <p className={styles.notice} role="status" data-testid="order-preparing">
              {t("preparing")}
            </p>
            <RefreshSoon />
          </div>
        </Container>
      );
    }
    notFound();
  }
  if (order.status !== "pending") redirect(`/orders/${order.orderNo}`);
  const now = requestTime();
  const expired = isPast(order.payBefore, now);
  return (
    <Container>
      <div className={styles.page}>
        <h1 className={styles.title}>{t("payTitle")}</h1>
        <Card className={styles.paySummary}>
          <p className={styles.muted}>
            {t("orderNo")} <Link href={`/orders/${order.orderNo}`}>{order.orderNo}</Link>
          </p>
          <ul className={styles.payItems}>
            {order.items.map((item) => (
              <li key={item.id}>
                <span>{item.title}</span>
                <span className={styles.num}>{formatFen(item.priceFen, locale)}</span>
              </li>
            ))}
          </ul>
          <p className={styles.total} data-testid="pay-total">
            {t("paid")} {formatFen(order.totalFen, locale)}
          </p>
        </Card>
        {expired ? (
          <div className={styles.error} role="alert" data-testid="pay-time-up">
            <p>{t("expired")}</p>
            <Link href={`/orders/${order.orderNo}`} data-testid="back-to-order">
              {t("viewOrder")}
            </Link>
          </div>
        ) : (
          <PayPanel orderNo={order.orderNo} totalFen={order.totalFen} providers={configuredProviders()} sandboxScanBase={sandboxOrigin()} payBefore={order.payBefore} serverNow={now} />
        )}
      </div>
    </Container>
  );
}
