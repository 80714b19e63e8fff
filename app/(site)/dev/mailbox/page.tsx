import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DevMailbox } from "@/components/dev/dev-mailbox";
import { Container } from "@/components/ui/container";
import { LinkButton } from "@/components/ui/link-button";
import { readMailbox } from "@/lib/notify/mailbox";
import styles from "@/components/dev/dev-mailbox.module.css";

// Reads Redis on every request; never prerendered.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("DevMailbox");
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** Development only: the codes and emails the `log` sender would have sent. Production has no such page. */
export default async function DevMailboxPage() {
  if (process.env.NODE_ENV === "production") notFound();
  const [entries, t] = await Promise.all([readMailbox(), getTranslations("DevMailbox")]);
  return (
    <Container className={styles.page}>
      <div className={styles.head}>
        <div>
          <h1>{t("title")}</h1>
          <p className={styles.description}>{t("description")}</p>
        </div>
        <LinkButton href="/dev/mailbox" variant="secondary" size="sm" prefetch={false}>
          {t("refresh")}
        </LinkButton>
      </div>
      <DevMailbox entries={entries} />
    </Container>
  );
}
