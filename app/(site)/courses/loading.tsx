import { getTranslations } from "next-intl/server";
import { CourseGridSkeleton } from "@/components/course/course-card-skeleton";
import styles from "@/components/catalogue/catalogue.module.css";
import { Container } from "@/components/ui/container";
import { Skeleton } from "@/components/ui/skeleton";

/** The catalogue's shape while a list loads: heading, filters and a grid of skeleton cards. */
export default async function CoursesLoading() {
  const t = await getTranslations("Common");
  return (
    <Container className={styles.page} aria-busy="true">
      <p className={styles.loadingLabel} role="status">
        {t("loading")}
      </p>
      <div className={styles.head}>
        <Skeleton height="2.25rem" width="12rem" />
      </div>
      <div className={styles.layout}>
        <div className={styles.sidebar}>
          <Skeleton height="22rem" radius="var(--radius-lg)" />
        </div>
        <div className={styles.results}>
          <CourseGridSkeleton count={6} />
        </div>
      </div>
    </Container>
  );
}
