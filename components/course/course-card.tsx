// One course in a grid: generated cover, title (the link), subtitle, teacher (a link to their page), level and
// language, rating, learners, length and price. The whole card is clickable through the title link's stretched
// hit area; the teacher's link sits above it.
import Link from "next/link";
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { VisuallyHidden } from "@/components/ui/visually-hidden";
import { categoryName } from "@/lib/catalogue/category-name";
import { formatDuration, formatFen, formatRating } from "@/lib/catalogue/format";
import type { CourseSummary } from "@/lib/catalogue/course-rows";
import styles from "./course-card.module.css";
import { coverBackground } from "./cover";

const LEVEL_TONE = { beginner: "accent", intermediate: "brand", advanced: "warning" } as const;

export interface CourseCardProps {
  course: CourseSummary;
  headingLevel?: 2 | 3;
  /** The title and subtitle as shown, e.g. with search matches marked; the plain text by default. */
  title?: ReactNode;
  subtitle?: ReactNode;
  /** Shown under the subtitle, e.g. a description snippet with the search matches. */
  extra?: ReactNode;
  /** Leave out the teacher's line (on the teacher's own page). */
  hideTeacher?: boolean;
}

export function CourseCard({ course, headingLevel = 3, title, subtitle, extra, hideTeacher = false }: CourseCardProps) {
  const t = useTranslations("Course");
  const locale = useLocale();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  // A member price is only worth showing when it is a real discount on a paid course.
  const memberPriceFen = course.priceFen > 0 && course.memberPriceFen !== null && course.memberPriceFen < course.priceFen ? course.memberPriceFen : null;

  return (
    <Card as="article" interactive className={styles.card} data-testid="course-card">
      <div className={styles.body}>
        <Heading className={styles.title}>
          <Link href={`/courses/${encodeURIComponent(course.slug)}`} className={styles.titleLink} data-testid="course-card-title">
            {title ?? course.title}
          </Link>
        </Heading>
        {course.subtitle ? <p className={styles.subtitle}>{subtitle ?? course.subtitle}</p> : null}
        {extra}
        {hideTeacher ? null : (
          <p className={styles.teacher}>
            {t.rich("teacherLink", {
              name: course.teacher.name,
              link: (chunks) => (
                <Link href={`/teachers/${encodeURIComponent(course.teacher.slug)}`} className={styles.teacherLink} data-testid="course-card-teacher">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        )}
        <div className={styles.badges}>
          <Badge tone={LEVEL_TONE[course.level]}>{t(`level.${course.level}`)}</Badge>
          {course.language !== locale ? <Badge tone="neutral">{t(`language.${course.language}`)}</Badge> : null}
        </div>
        <p className={styles.stats}>
          {course.rating !== null ? (
            <span className={styles.rating}>
              <svg width="14" height="14" viewBox="0 0 20 20" aria-hidden="true" className={styles.star}>
                <path d="M10 1.5l2.6 5.4 5.9.8-4.3 4.1 1 5.9L10 14.9l-5.2 2.8 1-5.9L1.5 7.7l5.9-.8z" fill="currentColor" />
              </svg>
              <span aria-hidden="true">{formatRating(course.rating, locale)}</span>
              <VisuallyHidden>{t("ratingLabel", { rating: formatRating(course.rating, locale), count: course.ratingCount })}</VisuallyHidden>
            </span>
          ) : (
            <span className={styles.noRating}>{t("noRating")}</span>
          )}
          <span className={styles.dot} aria-hidden="true">
            ·
          </span>
          <span>{t("enrolments", { count: course.enrolmentCount })}</span>
          {course.durationSeconds > 0 ? (
            // The dot travels with the length, so a wrapped line never ends in a dangling "·".
            <span className={styles.together} data-testid="course-card-duration">
              <span className={styles.dot} aria-hidden="true">
                ·
              </span>
              <VisuallyHidden>{t("durationLabel")}</VisuallyHidden>
              <span aria-hidden="true">{formatDuration(course.durationSeconds, locale)}</span>
              <VisuallyHidden>{formatDuration(course.durationSeconds, locale, "long")}</VisuallyHidden>
            </span>
          ) : null}
        </p>
        <p className={styles.prices}>
          <VisuallyHidden>{t("price")}</VisuallyHidden>
          <span className={styles.price} data-testid="course-card-price">
            {course.priceFen === 0 ? t("free") : formatFen(course.priceFen, locale)}
          </span>
          {memberPriceFen !== null ? <span className={styles.memberPrice}>{t("memberPrice", { price: formatFen(memberPriceFen, locale) })}</span> : null}
        </p>
      </div>
      <div className={styles.cover} style={{ background: coverBackground(course.id, course.category.rootId) }}>
        <span className={styles.coverCategory}>{categoryName(course.category, locale)}</span>
      </div>
    </Card>
  );
}
