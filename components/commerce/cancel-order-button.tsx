"use client";
// Cancels the learner's own unpaid order (POST /api/v1/orders/{no}/cancel), after a confirmation.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import styles from "./commerce.module.css";

export function CancelOrderButton({ orderNo }: { orderNo: string }) {
  const t = useTranslations("Orders");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        variant="secondary"
        loading={busy}
        data-testid="cancel-order"
        onClick={async () => {
          if (!window.confirm(t("cancelConfirm"))) return;
          setBusy(true);
          setError(null);
          const res = await fetch(`/api/v1/orders/${orderNo}/cancel`, { method: "POST" }).catch(() => null);
          setBusy(false);
          if (res?.ok) router.refresh();
          else setError(t("cancelFailed", { message: ((await res?.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ?? "network" }));
        }}
      >
        {busy ? t("cancelling") : t("cancel")}
      </Button>
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
