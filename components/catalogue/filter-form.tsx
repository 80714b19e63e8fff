// The catalogue's filters as one GET form: submitting it loads /courses with the choices in the query string,
// so it works without JavaScript and every filtered list has an address. Prices are typed in yuan.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { categoryName } from "@/lib/catalogue/category-name";
import type { CategoryNode } from "@/lib/catalogue/category-tree";
import { catalogueLanguages, catalogueLevels, hasFilters, type CatalogueState } from "@/lib/catalogue/page-params";
import { buttonClassName } from "@/components/ui/button-class";
import styles from "./catalogue.module.css";

export async function FilterForm({ state, tree }: { state: CatalogueState; tree: CategoryNode[] }) {
  const t = await getTranslations("Catalogue");
  const tc = await getTranslations("Course");
  const locale = await getLocale();
  return (
    <form action="/courses" method="get" className={styles.filters} role="search" aria-label={t("filtersLabel")} data-testid="filter-form">
      <div className={styles.field}>
        <label htmlFor="catalogue-q">{t("searchLabel")}</label>
        <input id="catalogue-q" type="search" name="q" defaultValue={state.q ?? ""} placeholder={t("searchPlaceholder")} maxLength={100} className={styles.control} />
      </div>
      <div className={styles.field}>
        <label htmlFor="catalogue-category">{t("category")}</label>
        <select id="catalogue-category" name="category" defaultValue={state.category ?? ""} className={styles.control}>
          <option value="">{t("allCategories")}</option>
          {tree.map((root) => (
            <optgroup key={root.id} label={categoryName(root, locale)}>
              <option value={root.slug}>{t("allOf", { name: categoryName(root, locale), count: root.courseCount })}</option>
              {root.children.map((child) => (
                <option key={child.id} value={child.slug}>
                  {t("categoryOption", { name: categoryName(child, locale), count: child.courseCount })}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className={styles.field}>
        <label htmlFor="catalogue-level">{t("level")}</label>
        <select id="catalogue-level" name="level" defaultValue={state.level ?? ""} className={styles.control}>
          <option value="">{t("any")}</option>
          {catalogueLevels.map((level) => (
            <option key={level} value={level}>
              {tc(`level.${level}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.field}>
        <label htmlFor="catalogue-language">{t("language")}</label>
        <select id="catalogue-language" name="language" defaultValue={state.language ?? ""} className={styles.control}>
          <option value="">{t("any")}</option>
          {catalogueLanguages.map((language) => (
            <option key={language} value={language}>
              {tc(`language.${language}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className={styles.fieldset}>
        <legend>{t("price")}</legend>
        <div className={styles.radios}>
          {(["", "free", "paid"] as const).map((value) => (
            <label key={value || "any"} className={styles.radio}>
              <input type="radio" name="price" value={value} defaultChecked={(state.price ?? "") === value} />
              {value === "" ? t("any") : t(`price_${value}`)}
            </label>
          ))}
        </div>
        <div className={styles.range}>
          <div className={styles.field}>
            <label htmlFor="catalogue-min">{t("minPrice")}</label>
            <input id="catalogue-min" name="min" type="number" inputMode="decimal" min={0} step="0.01" defaultValue={state.min ?? ""} placeholder="0" className={styles.control} />
          </div>
          <span aria-hidden="true" className={styles.rangeDash}>
            –
          </span>
          <div className={styles.field}>
            <label htmlFor="catalogue-max">{t("maxPrice")}</label>
            <input id="catalogue-max" name="max" type="number" inputMode="decimal" min={0} step="0.01" defaultValue={state.max ?? ""} placeholder="999" className={styles.control} />
          </div>
        </div>
      </fieldset>
      {/* Keeps the chosen order when the filters change. */}
      {state.sort !== "newest" && state.sort !== "relevance" ? <input type="hidden" name="sort" value={state.sort} /> : null}
      <div className={styles.filterActions}>
        <button type="submit" className={buttonClassName({ variant: "primary", size: "sm" })}>
          {t("apply")}
        </button>
        {hasFilters(state) ? (
          <Link href="/courses" className={buttonClassName({ variant: "ghost", size: "sm" })}>
            {t("clear")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
