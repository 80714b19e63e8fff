import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { FilterForm } from "@/components/catalogue/filter-form";
import { CataloguePagination } from "@/components/catalogue/pagination";
import { ResultCard } from "@/components/catalogue/result-card";
import { SortControl } from "@/components/catalogue/sort-control";
import styles from "@/components/catalogue/catalogue.module.css";
import gridStyles from "@/components/course/course-grid.module.css";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { categoryName } from "@/lib/catalogue/category-name";
import { getCategoryTree } from "@/lib/catalogue/category-tree";
import { listCourses, UnknownCategoryError, type CourseList } from "@/lib/catalogue/courses";
import { env } from "@/lib/config/env";
import { catalogueHref, hasFilters, parseCatalogueParams, toListParams, type RawSearchParams } from "@/lib/catalogue/page-params";

// Reads the locale cookie and live catalogue data.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("Catalogue");
  const state = parseCatalogueParams(await searchParams);
  const title = state.q ? t("searchTitle", { q: state.q }) : t("title");
  return {
    metadataBase: new URL(env().APP_URL),
    title,
    description: t("description"),
    alternates: { canonical: "/courses" },
    openGraph: { title, description: t("description"), type: "website", url: "/courses" },
    // Filtered and searched variations are for people, not for the index.
    robots: hasFilters(state) || state.page > 1 ? { index: false, follow: true } : undefined,
  };
}

export default async function CoursesPage({ searchParams }: Props) {
  const t = await getTranslations("Catalogue");
  const locale = await getLocale();
  const state = parseCatalogueParams(await searchParams);
  const [tree, outcome] = await Promise.all([
    getCategoryTree(),
    listCourses(toListParams(state)).catch((error: unknown): CourseList | "unknown_category" => {
      if (error instanceof UnknownCategoryError) return "unknown_category";
      throw error;
    }),
  ]);
  const list = outcome === "unknown_category" ? null : outcome;
  const pages = list ? Math.max(1, Math.ceil(list.total / list.perPage)) : 1;
  const activeFilters = [state.q, state.category, state.level, state.language, state.price, state.min ?? state.max].filter(Boolean).length;
  const heading = state.q ? t("searchTitle", { q: state.q }) : list?.category ? categoryName(list.category, locale) : t("title");

  return (
    <Container className={styles.page}>
      <header className={styles.head}>
        <h1 className={styles.heading}>{heading}</h1>
        <p className={styles.count} role="status" data-testid="results-count">
          {list ? t("resultsCount", { count: list.total }) : t("unknownCategory")}
        </p>
      </header>
      <div className={styles.layout}>
        <aside className={styles.sidebar} aria-labelledby="catalogue-filters-heading">
          {/* Folded away on phones so the results come first; always open on wide screens (CSS). */}
          <details className={styles.filterDetails}>
            <summary className={styles.filterSummary}>
              <h2 id="catalogue-filters-heading" className={styles.sidebarHeading}>
                {t("filtersHeading")}
                {activeFilters > 0 ? <span className={styles.filterCount}>{t("activeFilters", { count: activeFilters })}</span> : null}
              </h2>
            </summary>
            {/* Keyed by the address: a client-side navigation (back button, header search) must reset the
                uncontrolled fields to the new URL's values rather than keep the old ones. */}
            <FilterForm key={catalogueHref(state)} state={state} tree={tree} />
          </details>
        </aside>
        <section className={styles.results} aria-labelledby="catalogue-results-heading">
          <div className={styles.toolbar}>
            <h2 id="catalogue-results-heading" className={styles.toolbarHeading}>
              {t("resultsHeading")}
            </h2>
            <SortControl key={catalogueHref(state)} state={state} />
          </div>
          {list && list.items.length > 0 ? (
            <>
              <ul role="list" className={gridStyles.grid} data-testid="results">
                {list.items.map((course) => (
                  <li key={course.id}>
                    <ResultCard course={course} />
                  </li>
                ))}
              </ul>
              <CataloguePagination state={state} pages={pages} />
            </>
          ) : (
            <div data-testid="empty-results">
              <EmptyState
                headingLevel={3}
                title={list === null ? t("unknownCategory") : state.page > pages ? t("pastLastPage") : t("emptyTitle")}
                description={t("emptyDescription")}
                action={
                  <LinkButton href="/courses" variant="secondary">
                    {t("clear")}
                  </LinkButton>
                }
              />
            </div>
          )}
        </section>
      </div>
    </Container>
  );
}
