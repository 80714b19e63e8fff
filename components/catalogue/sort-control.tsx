// How the results are ordered: a GET form of its own that carries the current filters along. With JavaScript
// a choice applies at once; without it, the "sort" button does.
import { getTranslations } from "next-intl/server";
import { buttonClassName } from "@/components/ui/button-class";
import { catalogueSorts, type CatalogueState } from "@/lib/catalogue/page-params";
import { AutoSubmitSelect } from "./auto-submit";
import styles from "./catalogue.module.css";

export async function SortControl({ state }: { state: CatalogueState }) {
  const t = await getTranslations("Catalogue");
  const kept: Array<[string, string | undefined]> = [
    ["q", state.q],
    ["category", state.category],
    ["level", state.level],
    ["language", state.language],
    ["price", state.price],
    ["min", state.min],
    ["max", state.max],
  ];
  const sorts = catalogueSorts.filter((sort) => sort !== "relevance" || state.q);
  return (
    <form action="/courses" method="get" className={styles.sort} data-testid="sort-form">
      {kept.map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <label htmlFor="catalogue-sort">{t("sortLabel")}</label>
      <AutoSubmitSelect id="catalogue-sort" name="sort" defaultValue={state.sort} className={styles.control}>
        {sorts.map((sort) => (
          <option key={sort} value={sort}>
            {t(`sort_${sort}`)}
          </option>
        ))}
      </AutoSubmitSelect>
      <noscript>
        <button type="submit" className={buttonClassName({ variant: "secondary", size: "sm" })}>
          {t("sortApply")}
        </button>
      </noscript>
    </form>
  );
}
