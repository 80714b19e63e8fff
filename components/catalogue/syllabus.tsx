// The course outline: chapters, each with its lessons (kind, duration, free preview). Every lesson links to
// its page; the ones this reader cannot open yet carry a lock and lead to the unlock panel there.
// Each chapter is a <details> disclosure, so a long outline folds away on a phone, opens and closes with the
// keyboard and works without JavaScript. The chapter holding the current lesson is open, else the first.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { VisuallyHidden } from "@/components/ui/visually-hidden";
import type { CourseDetail } from "@/lib/catalogue/course-detail";
import { formatDuration } from "@/lib/catalogue/format";
import { Duration } from "./duration";
import { LessonKindIcon } from "./lesson-meta";
import styles from "./course-detail.module.css";

const NUMBERED = /^\s*(第\s*[\d一二三四五六七八九十百]+\s*[章部分篇]|(chapter|part|module|section|unit)\s*\d+|\d+[.、:：])/i;

export async function Syllabus({ course, enrolled, currentLessonId }: { course: CourseDetail; enrolled: boolean; currentLessonId?: number }) {
  const [t, locale] = await Promise.all([getTranslations("CourseDetail"), getLocale()]);
  const openChapterId = course.chapters.find((c) => c.lessons.some((l) => l.id === currentLessonId))?.id ?? course.chapters[0]?.id;
  return (
    <div className={styles.syllabus} data-testid="syllabus">
      {course.chapters.map((chapter, index) => {
        const seconds = chapter.lessons.reduce((sum, l) => sum + l.durationSeconds, 0);
        return (
          <details key={chapter.id} className={styles.chapter} open={chapter.id === openChapterId} data-testid="syllabus-chapter">
            <summary className={styles.chapterSummary}>
              <h3 id={`chapter-${chapter.id}`} className={styles.chapterTitle}>
                {/* Authors number their chapters themselves ("第 1 章 …"); only unnumbered titles get a number. */}
                {NUMBERED.test(chapter.title) ? null : <span className={styles.chapterNumber}>{t("chapterNumber", { number: index + 1 })}</span>}
                {chapter.title}
              </h3>
              <span className={styles.chapterFacts}>{t("chapterFacts", { lessons: chapter.lessons.length, duration: formatDuration(seconds, locale) })}</span>
              <svg className={styles.chevron} width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
                <path d="m6 9 6 6 6-6" />
              </svg>
            </summary>
            <ol className={styles.lessons} aria-labelledby={`chapter-${chapter.id}`}>
              {chapter.lessons.map((lesson) => {
                const open = enrolled || lesson.isFreePreview;
                const current = lesson.id === currentLessonId;
                return (
                  <li key={lesson.id} className={styles.lesson} data-testid="syllabus-lesson">
                    <span className={styles.lessonIcon}>
                      <LessonKindIcon kind={lesson.kind} />
                    </span>
                    <Link
                      href={`/courses/${encodeURIComponent(course.slug)}/lessons/${lesson.id}`}
                      className={styles.lessonLink}
                      aria-current={current ? "page" : undefined}
                    >
                      <VisuallyHidden>{t(`kind_${lesson.kind}`)}: </VisuallyHidden>
                      {lesson.title}
                    </Link>
                    {lesson.isFreePreview && !enrolled ? (
                      <Badge tone="success" className={styles.previewBadge}>
                        {t("freePreview")}
                      </Badge>
                    ) : null}
                    {!open ? (
                      <span className={styles.lock} title={t("locked")}>
                        <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
                          <rect x="5" y="11" width="14" height="10" rx="2" />
                          <path d="M8 11V7a4 4 0 0 1 8 0v4" />
                        </svg>
                        <VisuallyHidden>{t("locked")}</VisuallyHidden>
                      </span>
                    ) : null}
                    <span className={styles.duration} data-testid="lesson-duration">
                      <Duration seconds={lesson.durationSeconds} locale={locale} />
                    </span>
                  </li>
                );
              })}
            </ol>
          </details>
        );
      })}
    </div>
  );
}
