// The signed-in user's sessions (browsers and API tokens) with a button to end each, and "sign out everywhere".
// The forms send only a session id; the action checks that it belongs to the signed-in user.
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { revokeSessionAction, signOutEverywhereAction } from "@/lib/auth/account-actions";
import type { SessionInfo } from "@/lib/auth/session-registry";
import { describeUserAgent } from "@/lib/auth/user-agent";
import styles from "./account.module.css";
import { SubmitButton } from "./submit-button";

export async function SessionsList({ sessions, currentSid }: { sessions: SessionInfo[]; currentSid: string }) {
  const t = await getTranslations("Account");
  const format = await getFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), "zoned");
  const sorted = [...sessions].sort((a, b) => Number(b.sid === currentSid) - Number(a.sid === currentSid) || b.createdAt.localeCompare(a.createdAt));

  return (
    <>
      <p className={styles.muted}>{t("sessionsCount", { count: sorted.length })}</p>
      <ul className={styles.sessions} data-testid="sessions">
        {sorted.map((s) => {
          const device = describeUserAgent(s.userAgent);
          const name = s.kind === "api" ? t("apiToken") : device ? t("device", { browser: device.browser, os: device.os }) : t("unknownDevice");
          const current = s.sid === currentSid;
          return (
            <li key={s.sid} className={styles.session} data-testid="session" data-current={current || undefined}>
              <div>
                <p className={styles.sessionName}>
                  <span>{name}</span>
                  {current ? <Badge tone="success">{t("thisDevice")}</Badge> : null}
                </p>
                <dl className={styles.sessionMeta}>
                  <div>
                    <dt>{t("ip")}:</dt>
                    <dd>{s.ip}</dd>
                  </div>
                  <div>
                    <dt>{t("createdAt")}:</dt>
                    <dd>
                      <time dateTime={s.createdAt}>{when(s.createdAt)}</time>
                    </dd>
                  </div>
                  <div>
                    <dt>{t("lastSeenAt")}:</dt>
                    <dd>
                      <time dateTime={s.lastSeenAt}>{when(s.lastSeenAt)}</time>
                    </dd>
                  </div>
                </dl>
              </div>
              {current ? null : (
                <form action={revokeSessionAction}>
                  <input type="hidden" name="sid" value={s.sid} />
                  <SubmitButton variant="secondary" size="sm" aria-label={t("revokeLabel", { device: name })}>
                    {t("revoke")}
                  </SubmitButton>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      <form action={signOutEverywhereAction} className={styles.everywhere}>
        <SubmitButton variant="danger">{t("signOutEverywhere")}</SubmitButton>
        <span className={styles.muted}>{t("signOutEverywhereHint")}</span>
      </form>
    </>
  );
}
