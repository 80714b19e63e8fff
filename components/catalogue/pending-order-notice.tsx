// Shown to a signed-in learner who already holds an unpaid order (or a won flash-sale seat) for the course, in
// place of "buy now" and "add to cart": selling the course a second time would only make a second order. The
// deadline is written with next-intl's formatter, in the site's time zone, with the zone's name beside it.
// Per person: only ever rendered for signed-in visitors, whose pages the full-page cache never serves.
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";
import { formatFen } from "@/lib/catalogue/format";
import type { PendingCourseOrder } from "@/lib/orders/learner-queries";
import styles from "./pending-order.module.css";

export const payHref = (order: Pick<PendingCourseOrder, "orderNo">) => `/orders/${encodeURIComponent(order.orderNo)}/pay`;

/**
 * "GMT+8 14:05" / "14:05 UTC" when the deadline falls today in the reader's zone (it usually does: orders wait
 * minutes, not days), else the site's named `zoned` format with the date. Twenty-four-hour clock, like every
 * other time on the site (lib/i18n/config.ts).
 */
export async function payBeforeText(payBefore: string, now: Date = new Date()): Promise<string> {
  const format = await getFormatter();
  const at = new Date(payBefore);
  const day = { year: "numeric", month: "numeric", day: "numeric" } as const;
  if (format.dateTime(at, day) !== format.dateTime(now, day)) return format.dateTime(at, "zoned");
  return format.dateTime(at, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" });
}

export async function PendingOrderNotice({ order }: { order: PendingCourseOrder }) {
  const [t, locale] = await Promise.all([getTranslations("PendingOrder"), getLocale()]);
  const price = formatFen(order.totalFen, locale);
  const others = order.itemCount - 1;
  const time = order.payBefore ? await payBeforeText(order.payBefore) : null;
  const text =
    time === null
      ? t("orderNoDeadline", { others, count: order.itemCount, price })
      : order.source === "seckill"
        ? t("seat", { price, time })
        : t("order", { others, count: order.itemCount, price, time });
  return (
    <div className={styles.notice} data-testid="pending-order" data-order-no={order.orderNo}>
      <p className={styles.text}>{text}</p>
      <LinkButton href={payHref(order)} size="lg" block data-testid="pending-order-pay">
        {t("pay", { price })}
      </LinkButton>
    </div>
  );
}
