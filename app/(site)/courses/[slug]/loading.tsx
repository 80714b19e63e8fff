import { getTranslations } from "next-intl/server";
import styles from "@/components/catalogue/course-detail.module.css";
import { Container } from "@/components/ui/container";
import { Skeleton } from "@/components/ui/skeleton";

/** A course page's shape while it loads. */
export default async function CourseLoading() {
  const t = await getTranslations("Common");
  return (
    <div aria-busy="true">
      <p className={styles.visuallyHidden} role="status">
        {t("loading")}
      </p>
      <div className={styles.hero}>
        <Container className={styles.heroInner}>
          <div className={styles.heroText}>
            <Skeleton height="1rem" width="40%" />
            <Skeleton height="2.5rem" width="80%" />
            <Skeleton height="1.2rem" width="60%" />
          </div>
          <div className={styles.aside}>
            <Skeleton height="16rem" radius="var(--radius-lg)" />
          </div>
        </Container>
      </div>
      <Container className={styles.body}>
        <div className={styles.main}>
          <Skeleton height="12rem" radius="var(--radius-lg)" />
          <Skeleton height="20rem" radius="var(--radius-lg)" />
        </div>
      </Container>
    </div>
  );
}
