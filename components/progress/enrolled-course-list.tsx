// A learner's courses with their progress and a link to go on: the rows of "My courses" and of the home
// page's "continue learning". Server-rendered, no client JavaScript.
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { LinkButton } from "@/components/ui/link-button";
import type { EnrolledCourse } from "@/lib/progress/queries";
import styles from "./enrolled-course-list.module.css";

export async function EnrolledCourseList({ items, headingLevel = 2 }: { items: EnrolledCourse[]; headingLevel?: 2 | 3 }) {
  // Days in the reader's own time zone (the request's, from the tz cookie), like every time on the site.
  const [t, format] = await Promise.all([getTranslations("MyCourses"), getFormatter()]);
  const date = { format: (d: Date) => format.dateTime(d, { dateStyle: "medium" }) };
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className={styles.list} data-testid="enrolled-courses">
      {items.map((item) => {
        const coursePath = `/courses/${encodeURIComponent(item.slug)}`;
        const action = item.percent >= 100 ? t("review") : item.completedLessons > 0 || item.lastActivityAt ? t("continue") : t("start");
        return (
          <li key={item.courseId} className={styles.item} data-testid="enrolled-course" data-course-id={item.courseId}>
            <div className={styles.body}>
              <Heading className={styles.title}>{item.available ? <Link href={coursePath}>{item.title}</Link> : item.title}</Heading>
              <p className={styles.meta}>
                {item.lastActivityAt ? t("lastStudied", { date: date.format(item.lastActivityAt) }) : t("enrolledOn", { date: date.format(item.enrolledAt) })}
              </p>
              <div className={styles.meter}>
                <progress className={styles.bar} max={100} value={item.percent} aria-label={t("progressOf", { title: item.title })} />
                <span className={styles.meterText} data-testid="enrolled-course-progress">
                  {t("lessonsDone", { done: item.completedLessons, total: item.totalLessons, percent: item.percent })}
                </span>
              </div>
            </div>
            {item.available && item.continueLessonId ? (
              <LinkButton href={`${coursePath}/lessons/${item.continueLessonId}`} variant={item.percent >= 100 ? "secondary" : "primary"} aria-label={`${action}: ${item.title}`}>
                {action}
              </LinkButton>
            ) : (
              <span className={styles.meta}>{t("unavailable")}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
