"use client";
// "Send code" beside a verification-code field: asks the server for a code for the identifier typed in the
// form, then counts down before another may be requested (the server allows one a minute per address).
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { sendCode } from "@/lib/auth/account-actions";
import type { CodePurpose } from "@/lib/auth/codes";
import styles from "./account-forms.module.css";

const COOLDOWN_SECONDS = 60;

export interface SendCodeButtonProps {
  purpose: CodePurpose;
  /** The identifier currently typed in the form. */
  identifier: () => string;
  onInvalidIdentifier: () => void;
  /** Shown once the server accepted the request. */
  sentMessage: string;
  /** The code field, shown beside the button. */
  children: ReactNode;
}

export function SendCodeButton({ purpose, identifier, onInvalidIdentifier, sentMessage, children }: SendCodeButtonProps) {
  const t = useTranslations("Account");
  const [pending, startTransition] = useTransition();
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [status, setStatus] = useState<{ kind: "sent" } | { kind: "rate_limited"; seconds: number } | { kind: "unavailable" } | null>(null);

  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = setTimeout(() => setSecondsLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft]);

  const send = () => {
    if (pending || secondsLeft > 0) return;
    startTransition(async () => {
      // A lost connection rejects the call; say so here rather than replacing the page with the error screen.
      const result = await sendCode(purpose, identifier()).catch(() => ({ ok: false, error: "unavailable" }) as const);
      if (result.ok) {
        setStatus({ kind: "sent" });
        setSecondsLeft(COOLDOWN_SECONDS);
      } else if (result.error === "identifier_invalid") {
        setStatus(null);
        onInvalidIdentifier();
      } else if (result.error === "rate_limited") {
        const seconds = Math.max(1, Math.ceil(result.retryAfterSeconds ?? COOLDOWN_SECONDS));
        setStatus({ kind: "rate_limited", seconds });
        setSecondsLeft(seconds);
      } else {
        setStatus({ kind: "unavailable" });
      }
    });
  };

  const waiting = secondsLeft > 0;
  return (
    <>
      <div className={styles.codeRow}>
        {children}
        <Button type="button" variant="secondary" className={styles.sendButton} loading={pending} aria-disabled={waiting || undefined} onClick={send} data-testid="send-code">
          {pending ? t("sending") : waiting ? t("resendIn", { seconds: secondsLeft }) : t("sendCode")}
        </Button>
      </div>
      <p className={styles.status} role="status" data-testid="send-code-status">
        {status?.kind === "sent" ? sentMessage : null}
        {status?.kind === "rate_limited" ? t("errors.send_rate_limited", { seconds: status.seconds }) : null}
        {status?.kind === "unavailable" ? t("errors.unavailable") : null}
      </p>
    </>
  );
}
