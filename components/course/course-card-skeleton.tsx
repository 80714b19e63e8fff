import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import cardStyles from "./course-card.module.css";
import gridStyles from "./course-grid.module.css";

/** The shape of a course card while its data loads. */
export function CourseCardSkeleton() {
  return (
    <Card className={cardStyles.card}>
      <Skeleton className={cardStyles.skeletonCover} height="auto" radius={0} />
      <div className={cardStyles.body}>
        <Skeleton height="1.2em" width="85%" />
        <Skeleton height="0.9em" />
        <Skeleton height="0.9em" width="60%" />
        <Skeleton height="0.9em" width="40%" />
        <Skeleton height="1.4em" width="30%" />
      </div>
    </Card>
  );
}

export function CourseGridSkeleton({ count = 8 }: { count?: number }) {
  return (
    <ul role="list" className={gridStyles.grid}>
      {Array.from({ length: count }, (_, i) => (
        <li key={i}>
          <CourseCardSkeleton />
        </li>
      ))}
    </ul>
  );
}
