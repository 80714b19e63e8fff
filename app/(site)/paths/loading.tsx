import { getTranslations } from "next-intl/server";
import styles from "@/components/paths/paths.module.css";
import { Container } from "@/components/ui/container";
import { Skeleton } from "@/components/ui/skeleton";
import { VisuallyHidden } from "@/components/ui/visually-hidden";

/** Placeholder while a learning path (or the list) loads. */
export default async function PathsLoading() {
  const t = await getTranslations("Common");
  return (
    <Container>
      <div className={styles.page} role="status" aria-busy="true">
        <VisuallyHidden>{t("loading")}</VisuallyHidden>
        <Skeleton height="2.25rem" width="16rem" />
        <Skeleton height="10rem" />
      </div>
    </Container>
  );
}
