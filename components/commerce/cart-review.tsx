"use client";
// The review step between the cart and paying: what will be ordered (the courses that can be bought now), the
// coupon, the total, and the learner's agreement to the Terms of Service and the Privacy Policy, which the
// server requires (accept_terms). Only "Place order" here creates the order.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatFen } from "@/lib/catalogue/format";
import styles from "./cart.module.css";
import commerce from "./commerce.module.css";
import { CourseThumb } from "./course-thumb";
import type { Quote } from "./quote-types";

export function CartReview({
  quote,
  placing,
  notice,
  onPlace,
  onBack,
}: {
  quote: Quote;
  placing: boolean;
  notice: ReactNode;
  onPlace: () => void;
  onBack: () => void;
}) {
  const t = useTranslations("Cart");
  const locale = useLocale();
  const money = (fen: number) => (fen === 0 ? t("free") : formatFen(fen, locale));
  const [agreed, setAgreed] = useState(false);
  const [missing, setMissing] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const boxRef = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const items = quote.lines.filter((l) => l.status === "ok");
  const left = quote.lines.length - items.length;

  // Arriving at the step moves focus to its heading, so screen readers hear where they are.
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section className={styles.review} aria-labelledby="review-title" data-testid="cart-review">
      <Card as="div" className={styles.reviewCard}>
        <h2 id="review-title" className={styles.heading} ref={headingRef} tabIndex={-1}>
          {t("reviewTitle")}
        </h2>
        <ul className={styles.reviewItems} data-testid="review-items">
          {items.map((l) => (
            <li key={l.courseId} className={styles.reviewItem} data-course-id={l.courseId}>
              <CourseThumb courseId={l.courseId} categoryRootId={l.categoryRootId} />
              <div className={styles.body}>
                <span className={styles.title}>{l.title}</span>
                {l.teacherName ? <span className={styles.teacher}>{t("teacher", { name: l.teacherName })}</span> : null}
              </div>
              <span className={styles.amount}>{money(l.priceFen)}</span>
            </li>
          ))}
        </ul>
        {left > 0 ? <p className={commerce.muted}>{t("reviewLeftInCart", { count: left })}</p> : null}
        <dl className={styles.sums}>
          <dt>{t("subtotal")}</dt>
          <dd>{formatFen(quote.subtotalFen, locale)}</dd>
          {quote.coupon?.ok ? (
            <>
              <dt>{t("couponLine", { code: quote.coupon.code })}</dt>
              <dd>−{formatFen(quote.discountFen, locale)}</dd>
            </>
          ) : null}
          <dt className={styles.total}>{t("total")}</dt>
          <dd className={styles.total} data-testid="review-total">
            {formatFen(quote.totalFen, locale)}
          </dd>
        </dl>
        <form
          noValidate
          style={{ display: "grid", gap: "var(--space-4)" }}
          onSubmit={(event) => {
            event.preventDefault();
            if (!agreed) {
              setMissing(true);
              boxRef.current?.focus();
              return;
            }
            onPlace();
          }}
        >
          <div>
            <label className={styles.consent} data-invalid={missing && !agreed ? "true" : undefined}>
              <input
                ref={boxRef}
                type="checkbox"
                name="accept_terms"
                checked={agreed}
                required
                aria-invalid={missing && !agreed ? true : undefined}
                aria-describedby={missing && !agreed ? errorId : undefined}
                onChange={(e) => setAgreed(e.target.checked)}
                data-testid="accept-terms"
              />
              <span>
                {t.rich("agreeTerms", {
                  terms: (chunks) => (
                    <Link href="/terms" target="_blank">
                      {chunks}
                    </Link>
                  ),
                  privacy: (chunks) => (
                    <Link href="/privacy" target="_blank">
                      {chunks}
                    </Link>
                  ),
                })}
              </span>
            </label>
            {missing && !agreed ? (
              <p id={errorId} className={styles.consentError} role="alert">
                {t("agreeRequired")}
              </p>
            ) : null}
          </div>
          {notice}
          <div className={styles.actions}>
            <Button type="submit" size="lg" loading={placing} data-testid="place-order">
              {placing ? t("checkingOut") : t("placeOrder")}
            </Button>
            <Button type="button" variant="secondary" size="lg" onClick={onBack} data-testid="back-to-cart">
              {t("backToCart")}
            </Button>
          </div>
        </form>
      </Card>
    </section>
  );
}
