// Previous / next links for a paged admin list; the filters stay in the URL.
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";
import styles from "./admin-page.module.css";

export interface PaginationProps {
  page: number;
  perPage: number;
  total: number;
  /** The current query string values; `page` is replaced. */
  params: Record<string, string | undefined>;
  basePath: string;
}

export function pageHref(basePath: string, params: Record<string, string | undefined>, page: number): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v && k !== "page") search.set(k, v);
  if (page > 1) search.set("page", String(page));
  const qs = search.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

export async function Pagination({ page, perPage, total, params, basePath }: PaginationProps) {
  const t = await getTranslations("AdminCommon");
  const pages = Math.max(1, Math.ceil(total / perPage));
  return (
    <nav className={styles.pagination} aria-label={t("pagination")}>
      <span>{t("pageOf", { page, pages, total })}</span>
      <span className={styles.pageLinks}>
        {page > 1 ? (
          <LinkButton variant="secondary" size="sm" href={pageHref(basePath, params, page - 1)} rel="prev">
            {t("previous")}
          </LinkButton>
        ) : null}
        {page < pages ? (
          <LinkButton variant="secondary" size="sm" href={pageHref(basePath, params, page + 1)} rel="next">
            {t("next")}
          </LinkButton>
        ) : null}
      </span>
    </nav>
  );
}
