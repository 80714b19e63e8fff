import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SubmitButton } from "@/components/account/submit-button";
import { NotificationList } from "@/components/notifications/notification-list";
import styles from "@/components/notifications/notifications.module.css";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { currentUserId } from "@/lib/auth/current-user";
import { listNotifications } from "@/lib/notifications";
import { markAllReadAction } from "@/lib/notifications/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Notifications"))("title"), robots: { index: false } };
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const userId = await currentUserId();
  if (userId === null) redirect("/sign-in?callbackUrl=/account/notifications");
  const t = await getTranslations("Notifications");
  const tf = await getTranslations("Following");
  const before = Number((await searchParams).before);
  const page = await listNotifications(userId, Number.isSafeInteger(before) && before > 0 ? before : undefined);
  const last = page.items.at(-1);
  return (
    <Container>
      <div className={styles.page}>
        <div className={styles.head}>
          <h1 className={styles.title}>{t("title")}</h1>
          <Link href="/account/notifications/settings" data-testid="notification-settings-link">
            {tf("prefs.link")}
          </Link>
          {page.items.some((item) => !item.readAt) ? (
            <form action={markAllReadAction}>
              <SubmitButton variant="secondary" size="sm" data-testid="mark-all-read">
                {t("markAllRead")}
              </SubmitButton>
            </form>
          ) : null}
        </div>
        {page.items.length === 0 ? <EmptyState title={t("empty")} /> : <NotificationList items={page.items} />}
        {page.more && last ? <Link href={`/account/notifications?before=${last.id}`}>{t("older")}</Link> : null}
      </div>
    </Container>
  );
}
