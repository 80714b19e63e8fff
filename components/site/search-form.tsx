import { useTranslations } from "next-intl";
import { buttonClassName } from "@/components/ui/button-class";
import { SearchInput } from "@/components/ui/search-input";
import styles from "./search-form.module.css";

export interface SearchFormProps {
  /** `header` is compact; `hero` is large with a visible button label. */
  variant?: "header" | "hero";
  defaultValue?: string;
  className?: string;
}

/**
 * Course search: a plain GET form to /courses?q=…, so it works before (and without) JavaScript, results can be
 * linked, and the header ships no client code for it.
 */
export function SearchForm({ variant = "header", defaultValue, className }: SearchFormProps) {
  const t = useTranslations("Search");
  return (
    <form action="/courses" method="get" role="search" aria-label={t("label")} className={[styles.form, styles[variant], className].filter(Boolean).join(" ")}>
      <SearchInput name="q" label={t("label")} placeholder={t("placeholder")} defaultValue={defaultValue} maxLength={100} className={styles.field} />
      {/* A plain button: a GET search needs no client code of its own. */}
      <button type="submit" className={buttonClassName({ variant: variant === "hero" ? "accent" : "primary", size: variant === "hero" ? "lg" : "md", className: styles.submit })}>
        {t("submit")}
      </button>
    </form>
  );
}
