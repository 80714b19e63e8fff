import { getTranslations } from "next-intl/server";
import styles from "@/components/catalogue/lesson.module.css";
import { Container } from "@/components/ui/container";
import { Skeleton } from "@/components/ui/skeleton";

/** A lesson page's shape while it loads. */
export default async function LessonLoading() {
  const t = await getTranslations("Common");
  return (
    <Container className={styles.page} aria-busy="true">
      <p className={styles.visuallyHidden} role="status">
        {t("loading")}
      </p>
      <div className={styles.layout}>
        <div className={styles.main}>
          <Skeleton height="2.5rem" width="70%" />
          <Skeleton height="auto" className={styles.skeletonPlayer} radius="var(--radius-lg)" />
        </div>
        <div className={styles.outline}>
          <Skeleton height="24rem" radius="var(--radius-lg)" />
        </div>
      </div>
    </Container>
  );
}
