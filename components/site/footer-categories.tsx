// The footer's category links. The footer is on every page, so a database failure here must not take the
// page down: the column is simply left out (and the failure logged).
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getTopLevelCategories, type CategorySummary } from "@/lib/catalogue/categories";
import { categoryName } from "@/lib/catalogue/category-name";
import { logger } from "@/lib/log";
import styles from "./site-footer.module.css";

const FOOTER_CATEGORY_LIMIT = 8;

export async function FooterCategories() {
  let categories: CategorySummary[];
  try {
    categories = await getTopLevelCategories();
  } catch (error) {
    logger.warn({ err: error, scope: "site.footer" }, "footer categories unavailable");
    return null;
  }
  if (categories.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("Footer"), getLocale()]);
  return (
    <nav aria-labelledby="footer-categories" className={styles.column}>
      <h2 id="footer-categories" className={styles.heading}>
        {t("categories")}
      </h2>
      <ul role="list" className={`${styles.links} ${styles.categoryLinks}`}>
        {categories.slice(0, FOOTER_CATEGORY_LIMIT).map((category) => (
          <li key={category.id}>
            <Link href={`/courses?category=${encodeURIComponent(category.slug)}`}>{categoryName(category, locale)}</Link>
          </li>
        ))}
        <li>
          <Link href="/courses">{t("allCourses")}</Link>
        </li>
      </ul>
    </nav>
  );
}
