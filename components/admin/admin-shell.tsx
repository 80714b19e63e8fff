// The frame of every /admin page: a top bar (back to the site, language, who is signed in) and the sidebar
// with the sections the admin's roles allow.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/site/language-switch";
import { MAIN_CONTENT_ID, SkipLink } from "@/components/site/skip-link";
import { AdminNav } from "./admin-nav";
import type { AdminSection } from "./nav";
import styles from "./admin-shell.module.css";

export async function AdminShell({ sections, userName, roleNames, children }: { sections: readonly AdminSection[]; userName: string; roleNames: string[]; children: ReactNode }) {
  const t = await getTranslations("AdminShell");
  return (
    <div className={styles.shell}>
      <SkipLink />
      <header className={styles.topBar}>
        <Link href="/admin" className={styles.brand}>
          <span aria-hidden="true" className={styles.brandMark}>学</span>
          <span>{t("title")}</span>
        </Link>
        <div className={styles.topActions}>
          <Link href="/" className={styles.topLink}>
            {t("backToSite")}
          </Link>
          <LanguageSwitch />
          <span className={styles.who}>
            <span className={styles.whoName}>{userName}</span>
            <span className={styles.whoRoles}>{roleNames.join(" · ")}</span>
          </span>
        </div>
      </header>
      <div className={styles.body}>
        <AdminNav sections={sections} />
        <main id={MAIN_CONTENT_ID} className={styles.main} tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
