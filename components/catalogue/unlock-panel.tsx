// Shown instead of a lesson the reader may not open yet. It carries nothing of the lesson beyond its title
// (already public in the syllabus): visitors are asked to sign in and come back, signed-in learners to buy
// or join the course, or, when they already hold an unpaid order for it, to pay that order.
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";
import type { CourseDetail } from "@/lib/catalogue/course-detail";
import type { LessonAccess } from "@/lib/enrolments/lesson-access";
import { formatFen } from "@/lib/catalogue/format";
import type { PendingCourseOrder } from "@/lib/orders/learner-queries";
import { AddToCartButton } from "./add-to-cart-button";
import { JoinButton } from "./join-button";
import { PendingOrderNotice } from "./pending-order-notice";
import styles from "./lesson.module.css";

export interface UnlockPanelProps {
  course: CourseDetail;
  access: LessonAccess;
  returnTo: string;
  locale: string;
  /** The signed-in learner's unpaid order holding this course, if any. */
  pendingOrder?: PendingCourseOrder | null;
}

export async function UnlockPanel({ course, access, returnTo, locale, pendingOrder = null }: UnlockPanelProps) {
  const [t, tc] = await Promise.all([getTranslations("Lesson"), getTranslations("CourseDetail")]);
  const free = course.priceFen === 0;
  const price = free ? t("free") : formatFen(course.priceFen, locale);
  return (
    <section className={styles.unlock} aria-labelledby="unlock-heading" data-testid="unlock-panel">
      <svg width="36" height="36" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.7" aria-hidden="true" className={styles.unlockIcon}>
        <rect x="5" y="11" width="14" height="10" rx="2" />
        <path d="M8 11V7a4 4 0 0 1 8 0v4" />
      </svg>
      <h2 id="unlock-heading" className={styles.unlockHeading}>
        {access === "sign_in" ? t("signInTitle") : pendingOrder ? t("payTitle") : free ? t("joinTitle") : t("buyTitle")}
      </h2>
      {/* With an order waiting, its notice below says what to pay and by when; the list price would only confuse. */}
      {pendingOrder ? null : (
        <>
          <p>{access === "sign_in" ? t("signInDescription") : free ? t("joinDescription") : t("buyDescription", { price })}</p>
          <p className={styles.unlockPrice} data-testid="unlock-price">
            {t("coursePrice", { price })}
          </p>
        </>
      )}
      <div className={styles.unlockActions}>
        {access === "sign_in" ? (
          <LinkButton href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`} data-testid="unlock-sign-in">
            {t("signIn")}
          </LinkButton>
        ) : pendingOrder ? (
          <div className={styles.unlockPending}>
            <div>
              <PendingOrderNotice order={pendingOrder} />
            </div>
          </div>
        ) : free ? (
          <div className={styles.unlockJoin}>
            <JoinButton courseId={course.id} />
          </div>
        ) : (
          <>
            {/* "Buy now" opens the cart with this course, ready to check out. */}
            <LinkButton href={`/cart?buy=${course.id}`} data-testid="unlock-buy">
              {t("buyNow")}
            </LinkButton>
            <div className={styles.unlockCart}>
              <AddToCartButton courseId={course.id} label={tc("addToCart")} />
            </div>
          </>
        )}
        <LinkButton href={`/courses/${encodeURIComponent(course.slug)}`} variant="ghost">
          {t("aboutCourse")}
        </LinkButton>
      </div>
    </section>
  );
}
