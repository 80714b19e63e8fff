import Link from "next/link";
import { useTranslations } from "next-intl";
import { Container } from "@/components/ui/container";
import { AccountMenu } from "./account-menu";
import { CartLinkLoader } from "./cart-link-loader";
import { LanguageSwitch } from "./language-switch";
import { Logo } from "./logo";
import { SearchForm } from "./search-form";
import styles from "./site-header.module.css";

export function SiteHeader() {
  const t = useTranslations("Header");
  return (
    <header className={styles.header}>
      <Container className={styles.inner}>
        <div className={styles.logo}>
          <Logo compact />
        </div>
        <SearchForm variant="header" className={styles.search} />
        <nav aria-label={t("mainNav")} className={styles.nav}>
          <ul role="list" className={styles.navList}>
            <li>
              <Link href="/courses" className={styles.navLink}>
                <svg className={styles.navIcon} width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
                  <rect x="3.5" y="3.5" width="7" height="7" rx="1.5" />
                  <rect x="13.5" y="3.5" width="7" height="7" rx="1.5" />
                  <rect x="3.5" y="13.5" width="7" height="7" rx="1.5" />
                  <rect x="13.5" y="13.5" width="7" height="7" rx="1.5" />
                </svg>
                <span className={styles.navText}>{t("catalogue")}</span>
              </Link>
            </li>
            <li>
              <CartLinkLoader label={t("cart")} />
            </li>
            <li>
              <LanguageSwitch />
            </li>
            <li>
              <AccountMenu />
            </li>
          </ul>
        </nav>
      </Container>
    </header>
  );
}
