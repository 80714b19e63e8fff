import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import styles from "@/components/membership/membership.module.css";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { LinkButton } from "@/components/ui/link-button";
import { currentUserId } from "@/lib/auth/current-user";
import { formatFen } from "@/lib/catalogue/format";
import { clockNow } from "@/lib/clock";
import { includedCourses, listPlans } from "@/lib/memberships/plans";
import { membershipOf } from "@/lib/memberships/status";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Membership");
  return { title: t("title"), description: t("lead") };
}

export default async function MembershipPage() {
  const t = await getTranslations("Membership");
  const locale = await getLocale();
  const format = await getFormatter();
  const userId = await currentUserId();
  const now = await clockNow(userId);
  const [plans, courses, membership] = await Promise.all([listPlans({ activeOnly: true }), includedCourses(), userId ? membershipOf(userId, now) : null]);
  const money = (fen: number) => formatFen(fen, locale);
  const buyHref = (planId: number) => (userId ? `/membership/checkout?plan=${planId}` : `/sign-in?callbackUrl=${encodeURIComponent(`/membership/checkout?plan=${planId}`)}`);

  return (
    <Container>
      <div className={styles.page}>
        <header className={styles.hero}>
          <h1 className={styles.title}>{t("title")}</h1>
          <p className={styles.muted}>{t("lead")}</p>
        </header>

        {membership?.active && membership.expiresAt ? (
          <p className={styles.status} data-testid="membership-status" role="status">
            <Badge tone="success">{t("activeBadge")}</Badge>
            <span>{t("activeUntil", { date: format.dateTime(membership.expiresAt, "zoned") })}</span>
            <Link href="/account/membership">{t("manage")}</Link>
          </p>
        ) : membership?.expiresAt ? (
          <p className={styles.status} data-testid="membership-status">
            <Badge tone="neutral">{t("endedBadge")}</Badge>
            <span>{t("endedOn", { date: format.dateTime(membership.expiresAt, "zoned") })}</span>
          </p>
        ) : null}

        <section className={styles.section} aria-labelledby="plans-title">
          <h2 id="plans-title" className={styles.sectionTitle}>
            {t("plansTitle")}
          </h2>
          {plans.length === 0 ? (
            <p className={styles.muted}>{t("noPlans")}</p>
          ) : (
            <ul className={styles.plans}>
              {plans.map((plan) => (
                <Card as="li" key={plan.id} className={styles.plan} data-testid={`plan-${plan.period}`} aria-labelledby={`plan-${plan.id}-name`}>
                  <h3 id={`plan-${plan.id}-name`} className={styles.planName}>
                    {locale === "zh-CN" ? plan.nameZh : plan.nameEn}
                  </h3>
                  <div>
                    <span className={styles.price}>{money(plan.priceFen)}</span> <span className={styles.perMonth}>{t("perDays", { days: plan.days })}</span>
                  </div>
                  <span className={styles.perMonth}>{t("perMonth", { price: money(Math.round((plan.priceFen * 30) / plan.days)) })}</span>
                  <ul className={styles.gives}>
                    <li>{t("givesPrices")}</li>
                    <li>{t("givesCourses", { count: courses.length })}</li>
                    {plan.monthlyPoints > 0 ? <li>{t("givesPoints", { points: plan.monthlyPoints })}</li> : null}
                  </ul>
                  <LinkButton href={buyHref(plan.id)} data-testid={`buy-${plan.period}`} aria-describedby={`plan-${plan.id}-name`}>
                    {membership?.active ? t("renew") : t("buy")}
                  </LinkButton>
                </Card>
              ))}
            </ul>
          )}
          <p className={styles.muted}>{t("rules")}</p>
        </section>

        <section className={styles.section} aria-labelledby="included-title">
          <h2 id="included-title" className={styles.sectionTitle}>
            {t("includedTitle")}
          </h2>
          {courses.length === 0 ? (
            <p className={styles.muted}>{t("noIncluded")}</p>
          ) : (
            <ul className={styles.courses} data-testid="included-courses">
              {courses.map((course) => (
                <li key={course.id}>
                  <Link href={`/courses/${course.slug}`}>{course.title}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Container>
  );
}
