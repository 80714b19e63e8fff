import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import styles from "@/components/account/account.module.css";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { LinkedProviders } from "@/components/account/linked-providers";
import { ProfileForm } from "@/components/account/profile-form";
import { SessionsList } from "@/components/account/sessions-list";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listSessions } from "@/lib/auth/session-registry";
import { findUserById } from "@/lib/auth/users";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Account");
  return { title: t("title"), robots: { index: false } };
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ oauth_linked?: string | string[]; oauth_error?: string | string[] }> }) {
  const params = await searchParams;
  const viewer = await getCurrentUser();
  if (!viewer) redirect("/sign-in?callbackUrl=/account");
  const userId = viewer.id;
  const [user, sessions] = await Promise.all([findUserById(userId), listSessions(userId)]);
  if (!user) redirect("/sign-in?callbackUrl=/account");
  const t = await getTranslations("Account");
  const tm = await getTranslations("MyCourses");
  const tf = await getTranslations("Following");

  return (
    <Container>
      <div className={styles.page}>
        <h1 className={styles.title}>{t("title")}</h1>
        <p className={styles.muted}>
          <Link href="/account/courses" data-testid="account-my-courses">
            {tm("title")}
          </Link>
          {" · "}
          <Link href="/account/membership" data-testid="account-membership">
            {t("membershipLink")}
          </Link>
          {" · "}
          <Link href="/account/following" data-testid="account-following">
            {tf("mine.link")}
          </Link>
          {" · "}
          <Link href="/account/notifications/settings" data-testid="account-notification-settings">
            {tf("prefs.link")}
          </Link>
          {" · "}
          <Link href="/leaderboard">{tm("leaderboardLink")}</Link>
        </p>

        <Card as="section" className={styles.section} aria-labelledby="profile-title">
          <h2 id="profile-title" className={styles.sectionTitle}>
            {t("profileTitle")}
          </h2>
          <dl className={styles.facts}>
            <dt>{t("email")}</dt>
            <dd data-testid="account-email">{user.email ?? t("notSet")}</dd>
            <dt>{t("mobile")}</dt>
            <dd>{user.mobile ?? t("notSet")}</dd>
          </dl>
          <ProfileForm name={user.name} />
        </Card>

        <Card as="section" className={styles.section} aria-labelledby="password-title">
          <h2 id="password-title" className={styles.sectionTitle}>
            {t("passwordTitle")}
          </h2>
          <p className={styles.muted}>{t("passwordDescription")}</p>
          <ChangePasswordForm />
        </Card>

        <Card as="section" className={styles.section} aria-labelledby="sessions-title">
          <h2 id="sessions-title" className={styles.sectionTitle}>
            {t("sessionsTitle")}
          </h2>
          <p className={styles.muted}>{t("sessionsDescription")}</p>
          <SessionsList sessions={sessions} currentSid={viewer.sessionId} />
        </Card>

        {/* What the QQ / WeChat / Weibo link flow came back with is passed through as query parameters. */}
        <Card className={styles.section}>
          <LinkedProviders linked={one(params.oauth_linked)} error={one(params.oauth_error)} />
        </Card>
      </div>
    </Container>
  );
}
