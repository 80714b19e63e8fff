"use client";
// The return page's wait: the learner is back from the provider, but its notification may not have arrived.
// Poll the order (each poll may ask the provider, at most every 5 seconds per order) until it is no longer
// pending; after a minute, say plainly that confirmation continues in the background. The page's heading says
// where things stand: confirming, paid, or closed.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { LinkButton } from "@/components/ui/link-button";
import styles from "./commerce.module.css";

type Status = "pending" | "paid" | "refunding" | "refunded" | "closed";

export function PaymentConfirmation({ orderNo, initialStatus }: { orderNo: string; initialStatus: Status }) {
  const t = useTranslations("Orders");
  const [status, setStatus] = useState<Status>(initialStatus);
  const [slow, setSlow] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (status !== "pending") return;
    let stop = false;
    const started = Date.now();
    const loop = async () => {
      while (!stop) {
        const res = await fetch(`/api/v1/orders/${orderNo}?refresh=1`, { cache: "no-store" }).catch(() => null);
        const body = res?.ok ? ((await res.json()) as { data: { status: Status } }) : null;
        if (stop) return;
        if (body && body.data.status !== "pending") {
          setStatus(body.data.status);
          return;
        }
        if (Date.now() - started > 60_000) setSlow(true);
        await new Promise((r) => setTimeout(r, Date.now() - started > 60_000 ? 10_000 : 1500));
      }
    };
    void loop();
    return () => {
      stop = true;
    };
  }, [orderNo, status]);

  // The heading changes with the outcome: move focus there so it is read out, and the title follows.
  useEffect(() => {
    if (status === initialStatus) return;
    headingRef.current?.focus();
    document.title = document.title.replace(t("confirmTitle"), status === "closed" ? t("closedTitle") : t("paidTitle"));
  }, [status, initialStatus, t]);

  const heading = status === "pending" ? t("confirmTitle") : status === "closed" ? t("closedTitle") : t("paidTitle");
  return (
    <>
      <h1 className={styles.title} ref={headingRef} tabIndex={-1} data-testid="return-heading">
        {heading}
      </h1>
      {status === "pending" ? (
        <div role="status" aria-live="polite" data-testid="payment-confirming" style={{ display: "grid", gap: "var(--space-3)" }}>
          <p className={styles.notice}>{slow ? t("confirmSlow") : t("confirming")}</p>
          {slow ? <Link href={`/orders/${orderNo}`}>{t("viewOrder")}</Link> : null}
        </div>
      ) : status === "closed" ? (
        <div role="alert" style={{ display: "grid", gap: "var(--space-3)" }}>
          <p className={styles.error}>{t("closedText")}</p>
          <div className={styles.actions}>
            <Link href={`/orders/${orderNo}`} data-testid="view-order">
              {t("viewOrder")}
            </Link>
          </div>
        </div>
      ) : (
        <div role="status" aria-live="polite" data-testid="payment-confirmed" style={{ display: "grid", gap: "1rem" }}>
          <p className={styles.success}>{t("paidText")}</p>
          <div className={styles.actions}>
            <LinkButton href="/account/courses" data-testid="go-my-courses">
              {t("myCourses")}
            </LinkButton>
            <Link href={`/orders/${orderNo}`} data-testid="view-order">
              {t("viewOrder")}
            </Link>
          </div>
        </div>
      )}
    </>
  );
}
