import { useTranslations } from "next-intl";
import { CourseGridSkeleton } from "@/components/course/course-card-skeleton";
import { Container } from "@/components/ui/container";
import { Skeleton } from "@/components/ui/skeleton";
import { VisuallyHidden } from "@/components/ui/visually-hidden";
import styles from "./home-shelves-skeleton.module.css";

/** Placeholder for the course shelves while they load: a heading bar and a grid of skeleton cards. */
export function HomeShelvesSkeleton({ count = 8 }: { count?: number }) {
  const t = useTranslations("Common");
  return (
    <Container className={styles.shelf} aria-busy="true">
      <VisuallyHidden role="status">{t("loading")}</VisuallyHidden>
      <Skeleton height="1.75rem" width="10rem" />
      <CourseGridSkeleton count={count} />
    </Container>
  );
}
