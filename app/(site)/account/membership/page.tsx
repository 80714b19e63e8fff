import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import styles from "@/components/membership/membership.module.css";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { LinkButton } from "@/components/ui/link-button";
import { currentUserId } from "@/lib/auth/current-user";
import { formatFen } from "@/lib/catalogue/format";
import { clockNow } from "@/lib/clock";
import { membershipOf } from "@/lib/memberships/status";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Membership"))("mineTitle"), robots: { index: false } };
}

export default async function MyMembershipPage() {
  const userId = await currentUserId();
  if (userId === null) redirect("/sign-in?callbackUrl=/account/membership");
  const t = await getTranslations("Membership");
  const locale = await getLocale();
  const format = await getFormatter();
  const now = await clockNow(userId);
  const membership = await membershipOf(userId, now);
  const when = (date: Date) => <time dateTime={date.toISOString()}>{format.dateTime(date, "zoned")}</time>;
  const termState = (term: (typeof membership.terms)[number]) => (term.refundedAt ? "refunded" : term.endsAt <= now ? "over" : term.startsAt > now ? "upcoming" : "running");

  return (
    <Container>
      <div className={styles.page}>
        <h1 className={styles.title}>{t("mineTitle")}</h1>
        <Card as="section" className={styles.checkout} aria-labelledby="mine-status" data-testid="my-membership">
          <h2 id="mine-status" className={styles.sectionTitle}>
            {membership.active ? <Badge tone="success">{t("activeBadge")}</Badge> : <Badge tone="neutral">{membership.expiresAt ? t("endedBadge") : t("noneBadge")}</Badge>}
          </h2>
          {membership.active && membership.expiresAt ? (
            <dl className={styles.facts}>
              <dt>{t("plan")}</dt>
              <dd>{membership.period ? t(`periods.${membership.period}`) : "—"}</dd>
              <dt>{t("since")}</dt>
              <dd>{membership.startedAt ? when(membership.startedAt) : "—"}</dd>
              <dt>{t("ends")}</dt>
              <dd data-testid="my-membership-end">{when(membership.expiresAt)}</dd>
            </dl>
          ) : membership.expiresAt ? (
            <p className={styles.muted}>{t("endedOn", { date: format.dateTime(membership.expiresAt, "zoned") })}</p>
          ) : (
            <p className={styles.muted}>{t("noneYet")}</p>
          )}
          <div>
            <LinkButton href="/membership" data-testid="my-membership-renew">
              {membership.active ? t("renew") : t("buy")}
            </LinkButton>
          </div>
        </Card>

        <section className={styles.section} aria-labelledby="history-title">
          <h2 id="history-title" className={styles.sectionTitle}>
            {t("historyTitle")}
          </h2>
          {membership.terms.length === 0 ? (
            <p className={styles.muted}>{t("historyEmpty")}</p>
          ) : (
            <div style={{ overflowX: "auto" }}>
              <table className={styles.terms} data-testid="membership-history">
                <thead>
                  <tr>
                    <th scope="col">{t("plan")}</th>
                    <th scope="col">{t("runs")}</th>
                    <th scope="col">{t("paid")}</th>
                    <th scope="col">{t("state")}</th>
                    <th scope="col">{t("order")}</th>
                  </tr>
                </thead>
                <tbody>
                  {membership.terms.map((term) => (
                    <tr key={term.id}>
                      <td>{t(`periods.${term.period}`)}</td>
                      <td>
                        {when(term.startsAt)} – {when(term.endsAt)}
                      </td>
                      <td>{formatFen(term.paidFen, locale)}</td>
                      <td>{t(`termStates.${termState(term)}`)}</td>
                      <td>
                        <Link href={`/orders/${term.orderNo}`}>{term.orderNo}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className={styles.muted}>{t("refundRule")}</p>
        </section>
      </div>
    </Container>
  );
}
