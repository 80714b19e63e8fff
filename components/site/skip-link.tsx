import { useTranslations } from "next-intl";
import styles from "./skip-link.module.css";

export const MAIN_CONTENT_ID = "main-content";

/** The first thing keyboard users reach: jumps past the header to the page's content. */
export function SkipLink() {
  const t = useTranslations("Common");
  return (
    <a href={`#${MAIN_CONTENT_ID}`} className={styles.skip}>
      {t("skipToContent")}
    </a>
  );
}
