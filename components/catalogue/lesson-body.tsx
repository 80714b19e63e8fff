// What an open lesson shows. There are no real video files or lesson texts in this project yet, and the page
// says so plainly rather than pretend: a poster with the duration for video and live lessons, a note for
// articles and labs.
import { getTranslations } from "next-intl/server";
import type { SyllabusLesson } from "@/lib/catalogue/course-detail";
import { formatDuration } from "@/lib/catalogue/format";
import { LessonKindIcon } from "./lesson-meta";
import styles from "./lesson.module.css";

export async function LessonBody(props: { kind: SyllabusLesson["kind"]; title: string; durationSeconds: number; courseTitle: string; locale: string }) {
  const { kind, title, durationSeconds, courseTitle, locale } = props;
  const t = await getTranslations("Lesson");
  if (kind === "video" || kind === "live") {
    return (
      <figure className={styles.player} data-testid="lesson-content">
        <div className={styles.poster} role="img" aria-label={t("posterLabel", { title, duration: formatDuration(durationSeconds, locale, "long") })}>
          <span className={styles.posterIcon} aria-hidden="true">
            <LessonKindIcon kind={kind} size={40} />
          </span>
          <span className={styles.posterTitle} aria-hidden="true">
            {title}
          </span>
          <span className={styles.posterDuration} aria-hidden="true">
            {formatDuration(durationSeconds, locale)}
          </span>
        </div>
        <figcaption className={styles.placeholderNote}>{t(kind === "live" ? "livePlaceholder" : "videoPlaceholder")}</figcaption>
      </figure>
    );
  }
  return (
    <div className={styles.article} data-testid="lesson-content">
      <h2 className={styles.articleHeading}>{title}</h2>
      <p>{t("articleIntro", { course: courseTitle })}</p>
      <p className={styles.placeholderNote}>{t(kind === "lab" ? "labPlaceholder" : "articlePlaceholder")}</p>
    </div>
  );
}
