import Link from "next/link";
import { useLocale } from "next-intl";
import { categoryName } from "@/lib/catalogue/category-name";
import type { CategorySummary } from "@/lib/catalogue/home";
import styles from "./category-chips.module.css";

export function CategoryChips({ categories }: { categories: CategorySummary[] }) {
  const locale = useLocale();
  return (
    <ul role="list" className={styles.chips}>
      {categories.map((category) => (
        <li key={category.id}>
          <Link href={`/courses?category=${encodeURIComponent(category.slug)}`} className={styles.chip}>
            {categoryName(category, locale)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
