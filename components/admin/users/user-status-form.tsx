"use client";
// Disable or enable an account (users.setDisabled), after a confirmation step in the page itself: disabling
// ends every session of the user at once, so it is never one stray click.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { setUserDisabled } from "@/lib/rbac/admin-user-actions";
import type { UserAdminState } from "@/lib/rbac/user-admin-rules";
import { ActionMessage } from "./action-message";
import styles from "./users.module.css";


// (user-admin-rules.ts is server-only: only its types come here.)
const initial: UserAdminState = { ok: null };
export function UserStatusForm({ userId, userName, disabled, isSelf }: { userId: number; userName: string; disabled: boolean; isSelf: boolean }) {
  const t = useTranslations("AdminUserDetail");
  const [state, action, pending] = useActionState(setUserDisabled, initial);
  // The confirmation is open while no newer answer has arrived than the one shown when it was opened.
  const [openedAt, setOpenedAt] = useState<UserAdminState | null>(null);
  const confirming = openedAt === state;
  const wasConfirming = useRef(false);
  const target = !disabled;

  // Keyboard focus follows the step: onto "Yes" when the question opens, back to the toggle when it closes.
  useEffect(() => {
    if (confirming !== wasConfirming.current) document.getElementById(confirming ? "status-confirm" : "status-toggle")?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <div className={styles.fieldset}>
      <p className={styles.hint}>{disabled ? t("disabledNote") : t("activeNote")}</p>
      {isSelf && !disabled ? (
        <p className={styles.hint}>{t("selfNote")}</p>
      ) : confirming ? (
        <form action={action} className={styles.confirm}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="disabled" value={String(target)} />
          <p id="status-question">{target ? t("confirmDisable", { name: userName }) : t("confirmEnable", { name: userName })}</p>
          <div className={styles.row}>
            <Button id="status-confirm" type="submit" variant={target ? "danger" : "primary"} loading={pending} aria-describedby="status-question">
              {target ? t("confirmDisableButton") : t("confirmEnableButton")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setOpenedAt(null)} disabled={pending}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <div className={styles.row}>
          <Button id="status-toggle" type="button" variant={target ? "danger" : "secondary"} onClick={() => setOpenedAt(state)}>
            {target ? t("disable") : t("enable")}
          </Button>
        </div>
      )}
      <ActionMessage state={state} testId="status-message" />
    </div>
  );
}
