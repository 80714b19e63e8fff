// The course page's call to action: price and member price, then what this reader can do next.
// - enrolled: start (or continue) learning;
// - holding an unpaid order for the course: pay that order (not buy again);
// - free course: join the learning path (signing in first if need be);
// - included in membership: a member starts it at once; others are told membership opens it;
// - paid course: add to cart, or buy now.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";
import type { CourseDetail } from "@/lib/catalogue/course-detail";
import { formatDuration, formatFen } from "@/lib/catalogue/format";
import type { PendingCourseOrder } from "@/lib/orders/learner-queries";
import { AddToCartButton } from "./add-to-cart-button";
import { JoinButton } from "./join-button";
import { PendingOrderNotice } from "./pending-order-notice";
import styles from "./course-detail.module.css";

export interface Viewer {
  signedIn: boolean;
  enrolled: boolean;
  /** A current member (known only when the course is included in membership; false otherwise). */
  member: boolean;
  /** An unpaid order of theirs holding this course; always null for visitors. */
  pendingOrder: PendingCourseOrder | null;
}

/** Where "start learning" goes: the first lesson, or the course page for a course without lessons yet. */
export function startHref(course: CourseDetail): string {
  const path = `/courses/${encodeURIComponent(course.slug)}`;
  const firstLesson = course.chapters.flatMap((c) => c.lessons)[0];
  return firstLesson ? `${path}/lessons/${firstLesson.id}` : path;
}

/** The member price when it is a real discount on a paid course, else null. */
export function memberPriceOf(course: Pick<CourseDetail, "priceFen" | "memberPriceFen">): number | null {
  return course.priceFen > 0 && course.memberPriceFen !== null && course.memberPriceFen < course.priceFen ? course.memberPriceFen : null;
}

export async function PurchasePanel({ course, viewer }: { course: CourseDetail; viewer: Viewer }) {
  const t = await getTranslations("CourseDetail");
  const locale = await getLocale();
  const path = `/courses/${encodeURIComponent(course.slug)}`;
  const free = course.priceFen === 0;
  const member = memberPriceOf(course);

  return (
    <div className={styles.panel} data-testid="purchase-panel">
      <p className={styles.panelPrice}>
        <span className={styles.visuallyHidden}>{t("priceLabel")}</span>
        <span className={styles.bigPrice} data-testid="course-price">
          {free ? t("free") : formatFen(course.priceFen, locale)}
        </span>
        {member !== null ? (
          <span className={styles.panelMember} data-testid="member-price">
            {t("memberPrice", { price: formatFen(member, locale) })}
          </span>
        ) : null}
      </p>
      <div className={styles.panelActions}>
        {viewer.enrolled ? (
          <>
            <p className={styles.enrolledNote} data-testid="enrolled-note">
              {t("enrolled")}
            </p>
            <LinkButton href={startHref(course)} size="lg" block>
              {t("startLearning")}
            </LinkButton>
          </>
        ) : viewer.pendingOrder ? (
          <PendingOrderNotice order={viewer.pendingOrder} />
        ) : course.includedInMembership && viewer.member && !free ? (
          <>
            <p className={styles.enrolledNote}>{t("includedForMembers")}</p>
            <JoinButton courseId={course.id} membership testId="join-with-membership" />
          </>
        ) : free ? (
          viewer.signedIn ? (
            <JoinButton courseId={course.id} />
          ) : (
            <LinkButton href={`/sign-in?callbackUrl=${encodeURIComponent(path)}`} size="lg" block data-testid="sign-in-to-join">
              {t("signInToJoin")}
            </LinkButton>
          )
        ) : (
          <>
            {/* "Buy now" opens the cart with this course, ready to check out. */}
            <LinkButton href={`/cart?buy=${course.id}`} size="lg" block data-testid="buy-now">
              {t("buyNow")}
            </LinkButton>
            <AddToCartButton courseId={course.id} label={t("addToCart")} />
          </>
        )}
      </div>
      {course.includedInMembership && !free && !viewer.enrolled && !viewer.member ? (
        <p className={styles.panelMember} data-testid="included-in-membership">
          <Link href="/membership">{t("includedInMembership")}</Link>
        </p>
      ) : null}
      <ul className={styles.panelFacts}>
        <li>{t("lessonCount", { count: course.lessonCount })}</li>
        <li data-testid="course-total-duration">{t("totalDuration", { duration: formatDuration(course.totalDurationSeconds, locale) })}</li>
        {course.freePreviewCount > 0 ? <li>{t("previewCount", { count: course.freePreviewCount })}</li> : null}
      </ul>
    </div>
  );
}
