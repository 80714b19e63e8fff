// A course in the catalogue's results: the shared course card's look, with the search matches of its title,
// subtitle and description marked. Without search words it reads exactly like the home page's cards.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { VisuallyHidden } from "@/components/ui/visually-hidden";
import styles from "@/components/course/course-card.module.css";
import { coverBackground } from "@/components/course/cover";
import { categoryName } from "@/lib/catalogue/category-name";
import type { CourseListItem } from "@/lib/catalogue/courses";
import { formatFen, formatRating } from "@/lib/catalogue/format";
import { Highlighted } from "./highlighted";
import own from "./catalogue.module.css";

const LEVEL_TONE = { beginner: "accent", intermediate: "brand", advanced: "warning" } as const;

export function ResultCard({ course }: { course: CourseListItem }) {
  const t = useTranslations("Course");
  const locale = useLocale();
  const h = course.highlight;
  const memberPriceFen = course.priceFen > 0 && course.memberPriceFen !== null && course.memberPriceFen < course.priceFen ? course.memberPriceFen : null;
  const snippetHasHit = h?.snippet.some((part) => part.hit) ?? false;

  return (
    <Card as="article" interactive className={styles.card} data-testid="course-card">
      <div className={styles.body}>
        <h3 className={styles.title}>
          <Link href={`/courses/${encodeURIComponent(course.slug)}`} className={styles.titleLink} data-testid="course-card-title">
            <Highlighted parts={h?.title} fallback={course.title} />
          </Link>
        </h3>
        {course.subtitle ? (
          <p className={styles.subtitle}>
            <Highlighted parts={h?.subtitle} fallback={course.subtitle} />
          </p>
        ) : null}
        {snippetHasHit ? (
          <p className={own.snippet} data-testid="course-card-snippet">
            <Highlighted parts={h?.snippet} fallback="" />
          </p>
        ) : null}
        <p className={styles.teacher}>{t("teacher", { name: course.teacherName })}</p>
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
