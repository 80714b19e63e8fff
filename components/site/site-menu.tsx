// The phone header's menu button (☰): the main sections that do not fit in its one row. Wider screens show
// them as a row of links instead and hide this menu.
import { useTranslations } from "next-intl";
import { HeaderDisclosure } from "./header-disclosure";
import styles from "./header-menus.module.css";
import { NAV_LINKS, NavLink } from "./nav-links";

export function SiteMenu() {
  const t = useTranslations("Header");
  return (
    <HeaderDisclosure
      label={t("menu")}
      button={
        <svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
          <path d="M4 7h16M4 12h16M4 17h16" />
        </svg>
      }
      className={styles.menu}
      buttonClassName={styles.iconButton}
      panelClassName={styles.panel}
      testId="site-menu"
      buttonTestId="site-menu-button"
    >
      <ul role="list" className={styles.items}>
        {NAV_LINKS.map((link) => (
          <li key={link.key}>
            <NavLink href={link.href} icon={link.icon} label={t(link.key)} className={`${styles.item} ${styles.withIcon}`} />
          </li>
        ))}
      </ul>
    </HeaderDisclosure>
  );
}
