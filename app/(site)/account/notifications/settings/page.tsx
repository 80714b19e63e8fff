import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import styles from "@/components/paths/paths.module.css";
import { Container } from "@/components/ui/container";
import { currentUserId } from "@/lib/auth/current-user";
import { findUserById } from "@/lib/auth/users";
import { preferencesOf } from "@/lib/notifications";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Following.prefs"))("title"), robots: { index: false } };
}

export default async function NotificationSettingsPage() {
  const userId = await currentUserId();
  if (userId === null) redirect("/sign-in?callbackUrl=/account/notifications/settings");
  const [t, prefs, user] = await Promise.all([getTranslations("Following.prefs"), preferencesOf(userId), findUserById(userId)]);
  return (
    <Container>
      <div className={styles.page}>
        <h1 className={styles.title}>{t("title")}</h1>
        <p className={styles.muted}>{t("intro")}</p>
        <ClientMessages namespaces={["Following"]}>
          <PreferencesForm prefs={NOTIFICATION_KINDS.map((kind) => ({ kind, channels: prefs[kind] }))} hasEmail={Boolean(user?.email)} hasMobile={Boolean(user?.mobile)} />
        </ClientMessages>
      </div>
    </Container>
  );
}
