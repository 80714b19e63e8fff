// The home page's way to the leaderboard: a short invitation, no data (the page stays as fast as it was).
import { useTranslations } from "next-intl";
import { Container } from "@/components/ui/container";
import { LinkButton } from "@/components/ui/link-button";
import styles from "./leaderboard-entry.module.css";

export function LeaderboardEntry() {
  const t = useTranslations("Home");
  return (
    <section aria-labelledby="home-leaderboard-title" className={styles.section} data-testid="home-leaderboard">
      <Container>
        <div className={styles.card}>
          <svg className={styles.icon} width="40" height="40" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
            <path d="M8 4h8v5a4 4 0 0 1-8 0V4Z" />
            <path d="M8 6H5a3 3 0 0 0 3 4M16 6h3a3 3 0 0 1-3 4M12 13v4M8.5 20.5h7M10 17h4" />
          </svg>
          <div className={styles.text}>
            <h2 id="home-leaderboard-title" className={styles.title}>
              {t("leaderboardTitle")}
            </h2>
            <p>{t("leaderboardText")}</p>
          </div>
          <LinkButton href="/leaderboard" variant="secondary" className={styles.cta}>
            {t("leaderboardCta")}
          </LinkButton>
        </div>
      </Container>
    </section>
  );
}
