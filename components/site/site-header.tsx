// The site header: one row of logo, search, sections, cart, language and account. Wide screens name the
// sections beside their icons; narrower ones keep the icons; phones move the sections into a menu (☰) and put
// the search box on a row of its own under the header's row. A signed-in learner also gets the notification bell.
import { useTranslations } from "next-intl";
import { Suspense } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { Container } from "@/components/ui/container";
import { AccountMenu } from "./account-menu";
import { CartLinkLoader } from "./cart-link-loader";
import { LanguageSwitch } from "./language-switch";
import { Logo } from "./logo";
import { NAV_LINKS, NavLink } from "./nav-links";
import { SearchForm } from "./search-form";
import styles from "./site-header.module.css";
import { SiteMenu } from "./site-menu";

export function SiteHeader() {
  const t = useTranslations("Header");
  return (
    <header className={styles.header}>
      <Container className={styles.inner}>
        <div className={styles.logo}>
          <Logo compact />
        </div>
        <SearchForm className={styles.search} />
        <nav aria-label={t("mainNav")} className={styles.nav}>
          <ul role="list" className={styles.navList} data-testid="header-row">
            {NAV_LINKS.map((link) => (
              <li key={link.key} className={styles.section}>
                <NavLink href={link.href} icon={link.icon} label={t(link.key)} className={styles.navLink} textClassName={styles.navText} />
              </li>
            ))}
            <li>
              <CartLinkLoader label={t("cart")} />
            </li>
            <li>
              <LanguageSwitch />
            </li>
            <li className={styles.menuItem}>
              <SiteMenu />
            </li>
            <Suspense fallback={null}>
              <NotificationBell />
            </Suspense>
            <li>
              <AccountMenu />
            </li>
          </ul>
        </nav>
      </Container>
    </header>
  );
}
