// The development mailbox's list: every message the `log` sender "sent", newest first.
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { MailboxEntry } from "@/lib/notify/mailbox";
import styles from "./dev-mailbox.module.css";

export async function DevMailbox({ entries }: { entries: MailboxEntry[] }) {
  const [t, format] = await Promise.all([getTranslations("DevMailbox"), getFormatter()]);
  if (entries.length === 0) return <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />;

  return (
    <ol className={styles.list} aria-label={t("count", { count: entries.length })}>
      {entries.map((entry) => (
        <Card as="li" key={entry.id} className={styles.message} data-testid="dev-mailbox-message">
          <div className={styles.meta}>
            <Badge tone={entry.channel === "email" ? "brand" : "accent"}>{t(`channel.${entry.channel}`)}</Badge>
            <span>
              {t("to")}: <span className={styles.to}>{entry.to}</span>
            </span>
            <span className={styles.time}>
              {t("sentAt")}:{" "}
              <time dateTime={entry.sentAt}>{format.dateTime(new Date(entry.sentAt), "zonedSeconds")}</time>
            </span>
          </div>
          {entry.subject ? <h2 className={styles.subject}>{entry.subject}</h2> : null}
          <p className={styles.text}>{entry.text}</p>
        </Card>
      ))}
    </ol>
  );
}
