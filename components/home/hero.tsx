import { useTranslations } from "next-intl";
import { SearchForm } from "@/components/site/search-form";
import { Container } from "@/components/ui/container";
import { LinkButton } from "@/components/ui/link-button";
import styles from "./hero.module.css";

export function Hero() {
  const t = useTranslations("Home");
  return (
    <section className={styles.hero} aria-labelledby="hero-title">
      <Container className={styles.inner}>
        <h1 id="hero-title" className={styles.title}>
          {t("heroTitle")}
        </h1>
        <p className={styles.subtitle}>{t("heroSubtitle")}</p>
        <SearchForm variant="hero" className={styles.search} />
        <LinkButton href="/courses" variant="secondary" size="lg" className={styles.cta}>
          {t("heroCta")}
          <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
            <path d="M5 12h14M13 6l6 6-6 6" />
          </svg>
        </LinkButton>
      </Container>
    </section>
  );
}
