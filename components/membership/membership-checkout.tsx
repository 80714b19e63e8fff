"use client";
// The membership checkout: the plan, the dates the new term would run (after the current membership, or from
// now), a coupon (only coupons open to plans apply), the total and the learner's agreement to the terms. Only
// "Place order" creates an order; paying it is the order's own pay page, with all three providers.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { formatFen } from "@/lib/catalogue/format";
import type { planQuoteJson } from "@/lib/memberships/api-view";
import styles from "./membership.module.css";

export type PlanQuoteJson = ReturnType<typeof planQuoteJson>;

type Notice = { tone: "error" | "notice"; text: string; orderNo?: string } | null;

interface ApiError {
  code: string;
  message: string;
  details?: { quote?: PlanQuoteJson; orderNo?: string; reason?: string };
}

export function MembershipCheckout({ initial, initialCoupon }: { initial: PlanQuoteJson; initialCoupon: string }) {
  const t = useTranslations("Membership");
  const locale = useLocale();
  const format = useFormatter();
  const router = useRouter();
  const [quote, setQuote] = useState(initial);
  const [code, setCode] = useState(initialCoupon);
  const [agreed, setAgreed] = useState(false);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState<"coupon" | "order" | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const boxRef = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const money = (fen: number) => formatFen(fen, locale);
  const when = (iso: string) => format.dateTime(new Date(iso), "zoned");
  const name = locale === "zh-CN" ? quote.plan.nameZh : quote.plan.nameEn;

  const explain = (error: ApiError | undefined, status: number): Notice => {
    switch (error?.code) {
      case "PRICE_CHANGED":
        return { tone: "notice", text: t("errors.priceChanged") };
      case "PLAN_UNAVAILABLE":
        return { tone: "error", text: t("errors.planUnavailable") };
      case "MEMBERSHIP_TOO_LONG":
        return { tone: "error", text: t("errors.tooLong") };
      case "ORDER_PENDING":
        return { tone: "notice", text: t("errors.orderPending"), orderNo: error.details?.orderNo };
      case "COUPON_INVALID":
        return { tone: "error", text: t("errors.coupon", { reason: t(`couponReasons.${(error.details?.reason ?? "not_applicable") as "not_applicable"}`) }) };
      default:
        return { tone: "error", text: t("errors.failed", { message: error?.message ?? String(status) }) };
    }
  };

  async function applyCoupon(next: string) {
    setBusy("coupon");
    setNotice(null);
    try {
      const res = await fetch("/api/v1/membership/quote", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ planId: quote.plan.id, coupon: next || undefined }) });
      const body = (await res.json().catch(() => null)) as { data?: PlanQuoteJson; error?: ApiError } | null;
      if (res.ok && body?.data) setQuote(body.data);
      else setNotice(explain(body?.error, res.status));
    } catch {
      setNotice({ tone: "error", text: t("errors.failed", { message: "network" }) });
    } finally {
      setBusy(null);
    }
  }

  async function placeOrder() {
    setBusy("order");
    setNotice(null);
    try {
      const res = await fetch("/api/v1/membership/orders", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ planId: quote.plan.id, coupon: quote.coupon?.ok ? quote.coupon.code : undefined, expectedTotalFen: quote.totalFen, accept_terms: true }),
      });
      const body = (await res.json().catch(() => null)) as { data?: { orderNo: string; status: string }; error?: ApiError } | null;
      if (res.status === 201 && body?.data) {
        router.replace(body.data.status === "paid" ? `/orders/${body.data.orderNo}` : `/orders/${body.data.orderNo}/pay`);
        return;
      }
      if (res.status === 401) {
        router.push(`/sign-in?callbackUrl=${encodeURIComponent(`/membership/checkout?plan=${quote.plan.id}`)}`);
        return;
      }
      if (body?.error?.details?.quote) setQuote(body.error.details.quote);
      setNotice(explain(body?.error, res.status));
    } catch {
      setNotice({ tone: "error", text: t("errors.failed", { message: "network" }) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className={styles.page} aria-labelledby="checkout-title">
      <Card as="div" className={styles.checkout} data-testid="membership-checkout">
        <h1 id="checkout-title" className={styles.sectionTitle}>
          {t("checkoutTitle")}
        </h1>
        <dl className={styles.facts}>
          <dt>{t("plan")}</dt>
          <dd data-testid="checkout-plan">{name}</dd>
          <dt>{t("length")}</dt>
          <dd>{t("days", { days: quote.plan.days })}</dd>
          <dt>{t("runs")}</dt>
          <dd data-testid="checkout-dates">
            {t("fromTo", { from: when(quote.startsAt), to: when(quote.endsAt) })}
          </dd>
          <dt>{t("price")}</dt>
          <dd>{money(quote.subtotalFen)}</dd>
          {quote.coupon?.ok ? (
            <>
              <dt>{t("couponLine", { code: quote.coupon.code })}</dt>
              <dd>−{money(quote.discountFen)}</dd>
            </>
          ) : null}
          <dt className={styles.total}>{t("total")}</dt>
          <dd className={styles.total} data-testid="checkout-total">
            {money(quote.totalFen)}
          </dd>
        </dl>
        <p className={styles.muted}>{t("datesNote")}</p>
        <form
          className={styles.couponRow}
          method="get"
          action="/membership/checkout"
          onSubmit={(e) => {
            e.preventDefault();
            void applyCoupon(code.trim());
          }}
        >
          <input type="hidden" name="plan" value={quote.plan.id} />
          <Input label={t("coupon")} name="coupon" value={code} maxLength={32} onChange={(e) => setCode(e.target.value)} data-testid="checkout-coupon" />
          <Button type="submit" variant="secondary" loading={busy === "coupon"} data-testid="apply-coupon">
            {t("applyCoupon")}
          </Button>
        </form>
        {quote.coupon && !quote.coupon.ok ? <p className={styles.error}>{t("errors.coupon", { reason: t(`couponReasons.${quote.coupon.error}`) })}</p> : null}
        <form
          noValidate
          className={styles.section}
          onSubmit={(event) => {
            event.preventDefault();
            if (!agreed) {
              setMissing(true);
              boxRef.current?.focus();
              return;
            }
            void placeOrder();
          }}
        >
          <label className={styles.consent}>
            <input
              ref={boxRef}
              type="checkbox"
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
            <p id={errorId} className={styles.error} role="alert">
              {t("agreeRequired")}
            </p>
          ) : null}
          {notice ? (
            <p className={notice.tone === "error" ? styles.error : styles.notice} role="alert" data-testid="checkout-notice">
              {notice.text}
              {notice.orderNo ? (
                <>
                  {" "}
                  <Link href={`/orders/${notice.orderNo}/pay`}>{t("payPending")}</Link>
                </>
              ) : null}
            </p>
          ) : null}
          <div className={styles.couponRow}>
            <Button type="submit" size="lg" loading={busy === "order"} disabled={!quote.available || quote.beyondHorizon} data-testid="place-order">
              {t("placeOrder")}
            </Button>
            <Link href="/membership">{t("backToPlans")}</Link>
          </div>
          {!quote.available ? <p className={styles.error}>{t("errors.planUnavailable")}</p> : quote.beyondHorizon ? <p className={styles.error}>{t("errors.tooLong")}</p> : null}
        </form>
      </Card>
    </section>
  );
}
