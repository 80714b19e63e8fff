import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LeaderboardView, type LeaderboardLabels } from "@/components/leaderboard/leaderboard-view";
import styles from "@/components/leaderboard/leaderboard.module.css";
import { Container } from "@/components/ui/container";
import { ErrorState } from "@/components/ui/error-state";
import { currentUserId } from "@/lib/auth/current-user";
import { logger } from "@/lib/log";
import { PERIODS, type Period } from "@/lib/leaderboards/periods";
import { coursesBoard, pointsBoard, pointsHistory } from "@/lib/leaderboards/read";

// Per viewer (their own rank) and live.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Leaderboard");
  return { title: t("title"), description: t("lead") };
}

type Props = { searchParams: Promise<{ period?: string | string[] }> };

export default async function LeaderboardPage({ searchParams }: Props) {
  const raw = (await searchParams).period;
  const period: Period = typeof raw === "string" && (PERIODS as readonly string[]).includes(raw) ? (raw as Period) : "week";
  const [t, locale, viewerId] = await Promise.all([getTranslations("Leaderboard"), getLocale(), currentUserId()]);
  const data = await Promise.all([pointsBoard(period, 10, viewerId), viewerId !== null ? pointsHistory(viewerId, period) : null, coursesBoard(5)]).catch((error: unknown) => {
    logger.error({ err: error }, "the leaderboard could not be read");
    return null;
  });

  // The templates the client fills in (yourRank, chartTop, tableCaption) are rendered with their own
  // placeholders as values: messages are precompiled (next.config.js), so t.raw would not give their text.
  const labels: LeaderboardLabels = {
    periods: { week: t("period_week"), month: t("period_month"), all: t("period_all") },
    periodNav: t("periodNav"),
    topTitle: t("topTitle"),
    historyTitle: t("historyTitle"),
    rank: t("rank"),
    learner: t("learner"),
    points: t("points"),
    you: t("you"),
    yourRank: t("yourRank", { rank: "{rank}", score: "{score}" }),
    notRanked: t("notRanked"),
    signInPrompt: t("signInPrompt"),
    signIn: t("signIn"),
    empty: t("empty"),
    loadFailed: t("loadFailed"),
    retry: t("retry"),
    tiesNote: t("tiesNote"),
    chartTop: t("chartTop", { names: "{names}" }),
    chartHistory: t("chartHistory"),
    tableCaption: t("tableCaption", { period: "{period}" }),
  };

  return (
    <Container>
      <div className={styles.page}>
        <header>
          <h1 className={styles.title}>{t("title")}</h1>
          <p className={styles.lead}>{t("lead")}</p>
        </header>
        {data ? (
          <>
            <LeaderboardView initialPeriod={period} initialBoard={data[0]} initialHistory={data[1]} viewerId={viewerId} locale={locale} labels={labels} />
            <section className={styles.card} aria-labelledby="popular-title" data-testid="popular-courses">
              <h2 id="popular-title" className={styles.cardTitle}>
                {t("popularTitle")}
              </h2>
              {data[2].data.length === 0 ? (
                <p className={styles.muted}>{t("popularEmpty")}</p>
              ) : (
                <ol className={styles.popular}>
                  {data[2].data.map((entry) => (
                    <li key={entry.course.id} value={entry.rank}>
                      <Link href={`/courses/${encodeURIComponent(entry.course.slug)}`}>{entry.course.title}</Link>{" "}
                      <span className={styles.muted}>{t("newLearners", { count: entry.score })}</span>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          </>
        ) : (
          <ErrorState title={t("loadFailed")} />
        )}
      </div>
    </Container>
  );
}
