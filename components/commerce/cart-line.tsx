"use client";
// One line of the cart: the course's cover, title, teacher and price for this learner (the member price, with
// the list price struck through, for members; what members would pay, for everyone else), why it cannot be
// bought when it cannot, and the remove button. Until the server has priced it, what this browser last saw.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { CartItem } from "@/lib/cart/store";
import { formatFen } from "@/lib/catalogue/format";
import styles from "./cart.module.css";
import { CourseThumb } from "./course-thumb";
import type { QuoteLine } from "./quote-types";

export function CartLine({ item, line, seenBefore, onRemove }: { item: CartItem; line: QuoteLine | undefined; seenBefore: number | undefined; onRemove: () => void }) {
  const t = useTranslations("Cart");
  const locale = useLocale();
  const money = (fen: number) => (fen === 0 ? t("free") : formatFen(fen, locale));
  const title = line?.title ?? item.title ?? t("untitled", { id: item.courseId });
  const slug = line?.slug ?? item.slug;
  const teacher = line?.teacherName ?? item.teacherName;
  const price = line ? line.priceFen : item.seenPriceFen;
  const changed = line && line.status === "ok" && seenBefore !== undefined && seenBefore !== line.priceFen;
  // Only worth a mention when members really pay less and this learner is not already paying that.
  const memberOffer = line && !line.memberPrice && line.memberPriceFen !== null && line.status === "ok" ? line.memberPriceFen : null;
  return (
    <Card as="li" className={styles.line} data-testid="cart-line" data-course-id={item.courseId} data-status={line?.status ?? "unknown"}>
      <CourseThumb courseId={item.courseId} categoryRootId={line?.categoryRootId ?? item.categoryRootId} />
      <div className={styles.body}>
        <h2 className={styles.title}>{slug ? <Link href={`/courses/${slug}`}>{title}</Link> : title}</h2>
        {teacher ? (
          <p className={styles.teacher} data-testid="cart-teacher">
            {t("teacher", { name: teacher })}
          </p>
        ) : null}
        {(line && line.status !== "ok") || line?.memberPrice || changed ? (
          <p className={styles.meta}>
            {line && line.status !== "ok" ? <Badge tone={line.status === "pending" ? "warning" : "danger"}>{t(`status_${line.status}`)}</Badge> : null}
            {line?.status === "pending" && line.pendingOrderNo ? <Link href={`/orders/${line.pendingOrderNo}/pay`}>{t("payPending")}</Link> : null}
            {line?.memberPrice ? <Badge tone="accent">{t("memberPrice")}</Badge> : null}
            {changed ? (
              <span role="status" data-testid="price-changed">
                {t("priceChanged", { before: money(seenBefore), after: money(line.priceFen) })}
              </span>
            ) : null}
          </p>
        ) : null}
      </div>
      <div className={styles.price}>
        {price !== undefined ? (
          <span className={styles.amount} data-testid="cart-price">
            {money(price)}
          </span>
        ) : null}
        {line?.memberPrice ? (
          <span className={styles.strike} data-testid="cart-list-price">
            {t("listPrice", { price: money(line.listPriceFen) })}
          </span>
        ) : memberOffer !== null ? (
          <span className={styles.memberOffer} data-testid="cart-member-price">
            {t("memberPriceIs", { price: money(memberOffer) })}
          </span>
        ) : null}
        <Button variant="ghost" size="sm" onClick={onRemove} aria-label={t("removeLabel", { title })} data-testid="cart-remove">
          {t("remove")}
        </Button>
      </div>
    </Card>
  );
}
