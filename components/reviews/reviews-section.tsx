// The course page's reviews, rendered on the server: the damped rating with its distribution bars, the
// learner's own review (or the form to write one), one page of published reviews newest or most helpful
// first, and links to the other pages (plain links: ?reviews_sort=&reviews_page=, so every page is a URL).
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LocalDate } from "@/components/community/local-date";
import { PlainText } from "@/components/community/plain-text";
import { VisuallyHidden } from "@/components/ui/visually-hidden";
import { formatRating } from "@/lib/catalogue/format";
import { courseTeacherUserId, listReviews, ownReview, ratingSummary, type ReviewView } from "@/lib/reviews/queries";
import type { ReviewSort } from "@/lib/reviews/schemas";
import { DeleteReviewButton, HelpfulButton, ReplyForm, ReportReviewButton } from "./review-buttons";
import { ReviewForm } from "./review-form";
import styles from "@/components/community/community.module.css";

export interface ReviewsViewer {
  userId: number | null;
  enrolled: boolean;
}

const stars = (n: number) => "★".repeat(n) + "☆".repeat(5 - n);

export function reviewsHref(slug: string, sort: ReviewSort, page: number): string {
  const q = new URLSearchParams();
  if (sort !== "newest") q.set("reviews_sort", sort);
  if (page > 1) q.set("reviews_page", String(page));
  const s = q.toString();
  return `/courses/${encodeURIComponent(slug)}${s ? `?${s}` : ""}#reviews-heading`;
}

export async function ReviewsSection({ course, viewer, sort, page }: { course: { id: number; slug: string }; viewer: ReviewsViewer; sort: ReviewSort; page: number }) {
  const [t, locale] = await Promise.all([getTranslations("Reviews"), getLocale()]);
  const [summary, list, mine, teacherUserId] = await Promise.all([
    ratingSummary(course.id),
    listReviews(course.id, { sort, page, viewerId: viewer.userId }),
    viewer.userId !== null ? ownReview(course.id, viewer.userId) : Promise.resolve(null),
    courseTeacherUserId(course.id),
  ]);
  const isTeacher = viewer.userId !== null && viewer.userId === teacherUserId;

  const item = (r: ReviewView) => {
    const own = r.userId === viewer.userId;
    return (
      <li key={r.id} className={styles.item} data-testid="review" data-review-id={r.id}>
        <div className={styles.itemHead}>
          <span className={styles.author}>{r.authorName}</span>
          <span className={styles.stars} aria-hidden="true">
            {stars(r.rating)}
          </span>
          <VisuallyHidden>{t("starsLabel", { stars: r.rating })}</VisuallyHidden>
          <LocalDate className={styles.muted} iso={r.createdAt.toISOString()} locale={locale} />
          {r.editedAt ? <span className={styles.muted}>({t("edited")})</span> : null}
        </div>
        <PlainText text={r.body} />
        <p className={styles.muted} data-testid="review-helpful-count">
          {t("helpfulCount", { count: r.helpfulCount })}
        </p>
        {r.reply ? (
          <div className={styles.reply} data-testid="review-reply">
            <p className={styles.author}>{t("teacherReply", { name: r.reply.authorName })}</p>
            <PlainText text={r.reply.body} />
          </div>
        ) : null}
        {viewer.userId !== null && !own && r.status === "published" ? (
          <div className={styles.actions}>
            <HelpfulButton reviewId={r.id} voted={r.votedByViewer} />
            <ReportReviewButton reviewId={r.id} />
          </div>
        ) : null}
        {isTeacher && r.status === "published" ? <ReplyForm reviewId={r.id} current={r.reply?.body ?? null} /> : null}
      </li>
    );
  };

  return (
    <section aria-labelledby="reviews-heading" className={styles.section} data-testid="reviews">
      <h2 id="reviews-heading" className={styles.heading}>
        {t("heading")}
      </h2>
      <div className={styles.summary} aria-label={t("summaryLabel")} role="group" data-testid="rating-summary">
        <div>
          {summary.rating !== null ? (
            <>
              <p className={styles.score} data-testid="rating-score">
                {formatRating(summary.rating, locale)}
              </p>
              <p className={styles.stars} aria-hidden="true">
                {stars(Math.round(summary.rating))}
              </p>
              <VisuallyHidden>{t("ratingOutOf", { rating: formatRating(summary.rating, locale) })}</VisuallyHidden>
            </>
          ) : null}
          <p className={styles.muted} data-testid="rating-count">
            {t("count", { count: summary.count })}
          </p>
        </div>
        <div>
          <ul className={styles.bars}>
            {summary.bars.map((b) => (
              <li key={b.stars} className={styles.bar} data-testid={`rating-bar-${b.stars}`} data-count={b.count}>
                <span aria-hidden="true">{b.stars} ★</span>
                <span className={styles.track} aria-hidden="true">
                  <span className={styles.fill} style={{ width: `${b.percent}%`, display: "block" }} />
                </span>
                <span aria-hidden="true">{b.percent}%</span>
                <VisuallyHidden>{t("barLabel", { stars: b.stars, count: b.count, percent: b.percent })}</VisuallyHidden>
              </li>
            ))}
          </ul>
          <p className={styles.muted}>{t("dampedNote")}</p>
        </div>
      </div>

      {mine || viewer.enrolled ? (
        // One box whether or not the learner has reviewed yet, so the form keeps its place (and its outcome
        // message) when the page re-renders after posting.
        <div className={styles.panel} data-testid="own-review" data-status={mine?.status ?? "none"}>
          {mine ? <h3>{t("yourReview")}</h3> : null}
          {mine?.status === "held" ? <p className={styles.notice}>{t("held")}</p> : null}
          {mine?.status === "hidden" ? <p className={styles.notice}>{t("hidden")}</p> : null}
          {mine?.status !== "hidden" ? <ReviewForm courseId={course.id} review={mine ? { id: mine.id, rating: mine.rating, body: mine.body } : null} /> : null}
          {mine ? <DeleteReviewButton reviewId={mine.id} /> : null}
        </div>
      ) : (
        <p className={styles.muted}>{viewer.userId === null ? t("signInToReview") : t("enrolToReview")}</p>
      )}

      <nav className={styles.toolbar} aria-label={t("sortLabel")}>
        {(["newest", "helpful"] as const).map((s) => (
          <Link key={s} href={reviewsHref(course.slug, s, 1)} aria-current={s === list.sort ? "true" : undefined} data-testid={`reviews-sort-${s}`} scroll={false}>
            {s === "newest" ? t("sortNewest") : t("sortHelpful")}
          </Link>
        ))}
      </nav>

      {list.items.length === 0 ? (
        <p className={styles.muted} data-testid="reviews-empty">
          {t("empty")}
        </p>
      ) : (
        <ul className={styles.list} data-testid="review-list">
          {list.items.map(item)}
        </ul>
      )}

      {list.pages > 1 ? (
        <nav className={styles.pager} aria-label={t("pagination")}>
          {list.page > 1 ? (
            <Link href={reviewsHref(course.slug, list.sort, list.page - 1)} rel="prev">
              {t("previous")}
            </Link>
          ) : null}
          <span>{t("pageOf", { page: list.page, pages: list.pages })}</span>
          {list.page < list.pages ? (
            <Link href={reviewsHref(course.slug, list.sort, list.page + 1)} rel="next" data-testid="reviews-next">
              {t("next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
