import { useTranslations } from "next-intl";
import { Suspense } from "react";
import { buttonClassName } from "@/components/ui/button-class";
import { VisuallyHidden } from "@/components/ui/visually-hidden";
import { SearchField, SearchFieldWithQuery, type SearchFieldStrings } from "./search-field";
import { MAX_SUGGESTIONS } from "./search-limits";
import styles from "./search-form.module.css";

/**
 * The header's course search: a plain GET form to /courses?q=…, so it works before (and without) JavaScript
 * and results can be linked; search-field.tsx adds suggestions as one types.
 */
export function SearchForm({ className }: { className?: string }) {
  const t = useTranslations("Search");
  const strings: SearchFieldStrings = {
    label: t("label"),
    placeholder: t("placeholder"),
    suggestions: t("suggestions"),
    course: t("kindCourse"),
    search: t("kindSearch"),
    counts: Array.from({ length: MAX_SUGGESTIONS }, (_, i) => t("suggestionsCount", { count: i + 1 })),
  };
  return (
    <form action="/courses" method="get" role="search" aria-label={t("label")} className={className ? `${styles.form} ${className}` : styles.form}>
      {/* Reading the address's query needs the client's view of it; the fallback is the same box, empty. */}
      <Suspense fallback={<SearchField strings={strings} />}>
        <SearchFieldWithQuery strings={strings} />
      </Suspense>
      {/* A magnifier, named "Search" for screen readers: a word would take the width the box needs. */}
      <button type="submit" className={buttonClassName({ variant: "primary", size: "md", className: styles.submit })}>
        <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" />
        </svg>
        <VisuallyHidden>{t("submit")}</VisuallyHidden>
      </button>
    </form>
  );
}
