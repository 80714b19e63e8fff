// The learner's notifications, newest first, each written in the reader's language from its kind and facts,
// with "mark read" on the unread ones. Facts are rendered as text (React escapes them), never as HTML.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { SubmitButton } from "@/components/account/submit-button";
import { formatFen } from "@/lib/catalogue/format";
import type { NotificationRow } from "@/lib/notifications";
import { markReadAction } from "@/lib/notifications/actions";
import { notificationData } from "@/lib/notifications/kinds";
import styles from "./notifications.module.css";

export async function NotificationList({ items }: { items: NotificationRow[] }) {
  const [t, tr, tq, tl, tf, format, locale] = await Promise.all([
    getTranslations("Notifications"),
    getTranslations("Reviews"),
    getTranslations("LessonQA"),
    getTranslations("Live"),
    getTranslations("Following.kinds"),
    getFormatter(),
    getLocale(),
  ]);

  const text = (item: NotificationRow): string => {
    if (item.kind === "order.paid") {
      const data = notificationData["order.paid"].safeParse(item.data);
      if (data.success) return t("kinds.orderPaid", { orderNo: data.data.orderNo, amount: formatFen(data.data.totalFen, locale) });
    }
    if (item.kind === "order.refunded") {
      const data = notificationData["order.refunded"].safeParse(item.data);
      if (data.success) return t("kinds.orderRefunded", { orderNo: data.data.orderNo, amount: formatFen(data.data.amountFen, locale) });
    }
    if (item.kind === "membership.ending") {
      const data = notificationData["membership.ending"].safeParse(item.data);
      if (data.success) return t("kinds.membershipEnding", { days: data.data.daysLeft, date: format.dateTime(new Date(data.data.endsAt), "zoned") });
    }
    if (item.kind === "review.replied") {
      const data = notificationData["review.replied"].safeParse(item.data);
      if (data.success) return tr("notifications.replied", { course: data.data.courseTitle });
    }
    if (item.kind === "qa.answered" || item.kind === "qa.mentioned") {
      const data = notificationData[item.kind].safeParse(item.data);
      if (data.success) return tq(item.kind === "qa.answered" ? "notifications.answered" : "notifications.mentioned", { name: data.data.by });
    }
    if (item.kind === "live.starting") {
      const data = notificationData["live.starting"].safeParse(item.data);
      if (data.success) return tl("notificationStarting", { lesson: data.data.lessonTitle, course: data.data.courseTitle, time: format.dateTime(new Date(data.data.startsAt), "zoned") });
    }
    if (item.kind === "seckill.won" || item.kind === "order.pay-reminder") {
      const data = notificationData[item.kind].safeParse(item.data);
      if (data.success)
        return tf(item.kind === "seckill.won" ? "seckillWon" : "payReminder", { orderNo: data.data.orderNo, amount: formatFen(data.data.totalFen, locale), date: format.dateTime(new Date(data.data.payBefore), "zoned") });
    }
    if (item.kind === "course.updated") {
      const data = notificationData["course.updated"].safeParse(item.data);
      if (data.success) return tf("courseUpdated", { title: data.data.title, count: data.data.newLessons });
    }
    return t("kinds.other");
  };

  /** Where a notification leads: the order to pay, the course with new lessons. */
  const href = (item: NotificationRow): string | null => {
    const data = item.data as { orderNo?: unknown; slug?: unknown };
    if ((item.kind === "seckill.won" || item.kind === "order.pay-reminder") && typeof data.orderNo === "string") return `/orders/${encodeURIComponent(data.orderNo)}`;
    if (item.kind === "course.updated" && typeof data.slug === "string") return `/courses/${encodeURIComponent(data.slug)}`;
    return null;
  };

  return (
    <ul className={styles.list} data-testid="notifications">
      {items.map((item) => (
        <li key={item.id} className={styles.item} data-testid="notification" data-unread={item.readAt ? undefined : true}>
          <div>
            <p className={styles.text}>
              {text(item)}
              {href(item) ? (
                <>
                  {" "}
                  <Link href={href(item)!}>{tf("open")}</Link>
                </>
              ) : null}
            </p>
            <time className={styles.when} dateTime={item.createdAt.toISOString()}>
              {format.dateTime(item.createdAt, "zoned")}
            </time>
          </div>
          {item.readAt ? null : (
            <form action={markReadAction}>
              <input type="hidden" name="id" value={item.id} />
              <SubmitButton variant="secondary" size="sm" data-testid="mark-read">
                {t("markRead")}
              </SubmitButton>
            </form>
          )}
        </li>
      ))}
    </ul>
  );
}
