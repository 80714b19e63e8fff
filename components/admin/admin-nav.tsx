"use client";
// The admin sidebar: the sections this admin may open, the current one marked for screen readers too.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { AdminSection } from "./nav";
import styles from "./admin-shell.module.css";

export function AdminNav({ sections }: { sections: readonly AdminSection[] }) {
  const t = useTranslations("AdminNav");
  const pathname = usePathname();
  const groups = (["business", "access"] as const).map((group) => ({ group, items: sections.filter((s) => s.group === group) })).filter((g) => g.items.length > 0);
  return (
    <nav aria-label={t("label")} className={styles.nav}>
      {groups.map(({ group, items }) => (
        <div key={group} className={styles.navGroup}>
          <p className={styles.navGroupTitle}>{t(`group_${group}`)}</p>
          <ul role="list" className={styles.navList}>
            {items.map((s) => {
              const current = s.href === "/admin" ? pathname === "/admin" : pathname === s.href || pathname.startsWith(`${s.href}/`);
              return (
                <li key={s.href}>
                  <Link href={s.href} className={styles.navLink} aria-current={current ? "page" : undefined}>
                    {t(s.label)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
