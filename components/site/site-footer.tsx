import Link from "next/link";
import { useTranslations } from "next-intl";
import { Suspense } from "react";
import { Container } from "@/components/ui/container";
import { FooterCategories } from "./footer-categories";
import { Logo } from "./logo";
import styles from "./site-footer.module.css";

export function SiteFooter() {
  const t = useTranslations("Footer");
  return (
    <footer className={styles.footer}>
      <Container>
        <div className={styles.grid}>
          <div className={styles.about}>
            <Logo />
            <p>{t("about")}</p>
          </div>
          <Suspense fallback={null}>
            <FooterCategories />
          </Suspense>
          <nav aria-labelledby="footer-help" className={styles.column}>
            <h2 id="footer-help" className={styles.heading}>
              {t("help")}
            </h2>
            <ul role="list" className={styles.links}>
              <li>
                <Link href="/paths">{t("learningPaths")}</Link>
              </li>
              <li>
                <Link href="/membership">{t("membership")}</Link>
              </li>
              <li>
                <Link href="/help">{t("helpFaq")}</Link>
              </li>
              <li>
                <Link href="/help/contact">{t("helpContact")}</Link>
              </li>
              <li>
                <Link href="/terms">{t("helpTerms")}</Link>
              </li>
              <li>
                <Link href="/privacy">{t("helpPrivacy")}</Link>
              </li>
            </ul>
          </nav>
        </div>
        <p className={styles.copyright}>{t("copyright", { year: new Date().getFullYear() })}</p>
      </Container>
    </footer>
  );
}
