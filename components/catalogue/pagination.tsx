// Numbered page links for the catalogue and other paged lists: first, last, the current page and its
// neighbours, with gaps between.
// Plain links, so paging works without JavaScript and every page has its own address.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { catalogueHref, type CatalogueState } from "@/lib/catalogue/page-params";
import styles from "./catalogue.module.css";

/** The page numbers to show, with null for a gap: 1 … 4 5 6 … 10. */
export function pageWindow(page: number, pages: number): Array<number | null> {
  const wanted = new Set([1, pages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: Array<number | null> = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (typeof last === "number" && n - last === 2) out.push(n - 1);
    else if (typeof last === "number" && n - last > 2) out.push(null);
    out.push(n);
  }
  return out;
}

/** Numbered page links for any paged list; `href` gives each page's address. Nothing for a single page. */
export async function Pagination({ page: asked, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const t = await getTranslations("Catalogue");
  if (pages <= 1) return null;
  const page = Math.min(asked, pages);
  return (
    <nav className={styles.pagination} aria-label={t("pagination")} data-testid="pagination">
      {page > 1 ? (
        <Link className={styles.pageStep} href={href(page - 1)} rel="prev">
          {t("previous")}
        </Link>
      ) : null}
      <ol className={styles.pageList}>
        {pageWindow(page, pages).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} className={styles.pageGap} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <Link className={styles.pageLink} href={href(n)} aria-current={n === page ? "page" : undefined} aria-label={t("pageN", { page: n })}>
                {n}
              </Link>
            </li>
          ),
        )}
      </ol>
      {page < pages ? (
        <Link className={styles.pageStep} href={href(page + 1)} rel="next">
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}

/** The catalogue's pages, keeping its filters, sort and search in every link. */
export function CataloguePagination({ state, pages }: { state: CatalogueState; pages: number }) {
  return <Pagination page={state.page} pages={pages} href={(n) => catalogueHref(state, { page: n })} />;
}
