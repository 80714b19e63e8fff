// Where a page sits: home › courses › category › subcategory › (this page). The last crumb is the page itself.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "./course-detail.module.css";

export interface Crumb {
  label: string;
  href?: string;
}

export async function Breadcrumbs({ items, tone = "dark" }: { items: Crumb[]; tone?: "dark" | "light" }) {
  const t = await getTranslations("CourseDetail");
  return (
    <nav aria-label={t("breadcrumbs")} className={tone === "dark" ? styles.crumbsOnDark : styles.crumbs}>
      <ol>
        {items.map((item, i) => {
          const last = i === items.length - 1;
          return (
            <li key={`${i}-${item.label}`}>
              {last || !item.href ? (
                <span aria-current={last ? "page" : undefined}>{item.label}</span>
              ) : (
                <Link href={item.href}>{item.label}</Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
