"use client";
// The learner's notification channels, one row per kind: on the site, by email, by SMS. A plain form posting
// to the server action (every box is sent, so unticking is saved too).
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import styles from "@/components/paths/paths.module.css";
import { Button } from "@/components/ui/button";
import { savePreferencesAction, type PreferencesState } from "@/lib/notifications/preference-actions";
import type { Channels, NotificationKind } from "@/lib/notifications/kinds";

const initial: PreferencesState = { ok: null };
/** Message keys cannot hold dots (next-intl reads them as nesting). */
const NAME_KEY: Record<NotificationKind, string> = {
  "order.paid": "orderPaid",
  "order.refunded": "orderRefunded",
  "membership.ending": "membershipEnding",
  "seckill.won": "seckillWon",
  "order.pay-reminder": "payReminder",
  "course.updated": "courseUpdated",
  "review.replied": "reviewReplied",
  "qa.answered": "qaAnswered",
  "qa.mentioned": "qaMentioned",
  "live.starting": "liveStarting",
};
const CHANNELS = ["inApp", "email", "sms"] as const;

export function PreferencesForm({ prefs, hasEmail, hasMobile }: { prefs: Array<{ kind: NotificationKind; channels: Channels }>; hasEmail: boolean; hasMobile: boolean }) {
  const t = useTranslations("Following.prefs");
  const [state, action, pending] = useActionState(savePreferencesAction, initial);
  return (
    <form action={action} data-testid="notification-preferences">
      <table className={styles.prefs}>
        <thead>
          <tr>
            <th scope="col">{t("kind")}</th>
            {CHANNELS.map((c) => (
              <th key={c} scope="col">
                {t(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {prefs.map(({ kind, channels }) => (
            <tr key={kind}>
              <th scope="row">{t(`kindNames.${NAME_KEY[kind]}` as "kindNames.orderPaid")}</th>
              {CHANNELS.map((c) => (
                <td key={c}>
                  <input type="checkbox" name={`${kind}:${c}`} defaultChecked={channels[c]} aria-label={`${t(`kindNames.${NAME_KEY[kind]}` as "kindNames.orderPaid")}: ${t(c)}`} data-testid={`pref-${kind}-${c}`} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {hasEmail ? null : <p>{t("noEmail")}</p>}
      {hasMobile ? null : <p>{t("noMobile")}</p>}
      <p>
        <Button type="submit" loading={pending} data-testid="save-preferences">
          {t("save")}
        </Button>
      </p>
      <p role="status" aria-live="polite" data-testid="preferences-status">
        {state.ok === true ? t("saved") : state.ok === false ? t("failed") : ""}
      </p>
    </form>
  );
}
