import { useTranslations } from "next-intl";
import { Container } from "@/components/ui/container";
import { LinkButton } from "@/components/ui/link-button";
import styles from "./hero.module.css";

/**
 * The home page's welcome. It has no search box of its own: the header's is on every page, this one included,
 * and two boxes doing the same thing on one page only made people (and screen readers) wonder which to use.
 */
export function Hero() {
  const t = useTranslations("Home");
  return (
    <section className={styles.hero} aria-labelledby="hero-title">
      <Container className={styles.inner}>
        <h1 id="hero-title" className={styles.title}>
          {t("heroTitle")}
        </h1>
        <p className={styles.subtitle}>{t("heroSubtitle")}</p>
        <LinkButton href="/courses" variant="accent" size="lg" className={styles.cta}>
          {t("heroCta")}
          <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
            <path d="M5 12h14M13 6l6 6-6 6" />
          </svg>
        </LinkButton>
      </Container>
    </section>
  );
}
