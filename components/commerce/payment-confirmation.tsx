"use client";
// The return page's wait: the learner is back from the provider, but its notification may not have arrived.
// Poll the order (each poll may ask the provider, at most every 5 seconds per order) until it is no longer
// pending; after a minute, say plainly that confirmation continues in the background.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { LinkButton } from "@/components/ui/link-button";
import styles from "./commerce.module.css";

type Status = "pending" | "paid" | "refunding" | "refunded" | "closed";

export function PaymentConfirmation({ orderNo, initialStatus }: { orderNo: string; initialStatus: Status }) {
  const t = useTranslations("Orders");
  const [status, setStatus] = useState<Status>(initialStatus);
  const [slow, setSlow] = useState(false);

  useEffect(() => {
    if (status !== "pending") return;
    let stop = false;
    const started = Date.now();
    const loop = async () => {
      while (!stop) {
        const res = await fetch(`/api/v1/orders/${orderNo}?refresh=1`, { cache: "no-store" }).catch(() => null);
        const body = res?.ok ? ((await res.json()) as { data: { status: Status } }) : null;
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

  if (status === "pending") {
    return (
      <div role="status" aria-live="polite" data-testid="payment-confirming">
        <p className={styles.notice}>{slow ? t("confirmSlow") : t("confirming")}</p>
        {slow ? <Link href={`/orders/${orderNo}`}>{t("view")}</Link> : null}
      </div>
    );
  }
  if (status === "closed") {
    return (
      <p className={styles.error} role="alert">
        {t("closedText")}
      </p>
    );
  }
  return (
    <div role="status" aria-live="polite" data-testid="payment-confirmed" style={{ display: "grid", gap: "1rem" }}>
      <h2 className={styles.title}>{t("paidTitle")}</h2>
      <p className={styles.success}>{t("paidText")}</p>
      <div className={styles.actions}>
        <LinkButton href="/account/courses" data-testid="go-my-courses">
          {t("myCourses")}
        </LinkButton>
        <Link href={`/orders/${orderNo}`}>{t("view")}</Link>
      </div>
    </div>
  );
}
