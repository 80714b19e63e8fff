// The course page's buy bar on narrow screens: the price (and member price) with the one main action, kept at
// the bottom of the screen while the learner reads the description and syllabus. It sits at the end of the
// course's content and sticks (CSS position: sticky), so at the end of the page it comes to rest above the
// footer instead of covering it. Wide screens have the purchase panel beside the content and hide the bar.
// The same for every visitor who is not signed in (the full-page cache serves them one page); the pending-order
// action only ever appears for signed-in learners.
import { getLocale, getTranslations } from "next-intl/server";
import { Container } from "@/components/ui/container";
import { LinkButton } from "@/components/ui/link-button";
import type { CourseDetail } from "@/lib/catalogue/course-detail";
import { formatFen } from "@/lib/catalogue/format";
import { JoinButton } from "./join-button";
import { payHref } from "./pending-order-notice";
import { memberPriceOf, startHref, type Viewer } from "./purchase-panel";
import styles from "./course-detail.module.css";

export async function BuyBar({ course, viewer }: { course: CourseDetail; viewer: Viewer }) {
  const [t, tp, locale] = await Promise.all([getTranslations("CourseDetail"), getTranslations("PendingOrder"), getLocale()]);
  const path = `/courses/${encodeURIComponent(course.slug)}`;
  const free = course.priceFen === 0;
  const member = memberPriceOf(course);
  const pending = viewer.enrolled ? null : viewer.pendingOrder;

  let price;
  let action;
  if (viewer.enrolled) {
    price = <span className={styles.barNote}>{t("enrolled")}</span>;
    action = (
      <LinkButton href={startHref(course)} data-testid="buy-bar-action">
        {t("startLearning")}
      </LinkButton>
    );
  } else if (pending) {
    price = (
      <>
        <span className={styles.barNote}>{tp("barLabel")}</span>
        <span className={styles.barPrice}>{formatFen(pending.totalFen, locale)}</span>
      </>
    );
    action = (
      <LinkButton href={payHref(pending)} data-testid="buy-bar-action">
        {tp("pay", { price: formatFen(pending.totalFen, locale) })}
      </LinkButton>
    );
  } else {
    price = (
      <>
        <span className={styles.visuallyHidden}>{t("priceLabel")}</span>
        <span className={styles.barPrice} data-testid="buy-bar-price">
          {free ? t("free") : formatFen(course.priceFen, locale)}
        </span>
        {member !== null ? <span className={styles.barMember}>{t("memberPrice", { price: formatFen(member, locale) })}</span> : null}
      </>
    );
    action = free ? (
      viewer.signedIn ? (
        <JoinButton courseId={course.id} testId="buy-bar-action" />
      ) : (
        <LinkButton href={`/sign-in?callbackUrl=${encodeURIComponent(path)}`} data-testid="buy-bar-action">
          {t("signInToJoin")}
        </LinkButton>
      )
    ) : course.includedInMembership && viewer.member ? (
      <JoinButton courseId={course.id} membership testId="buy-bar-action" />
    ) : (
      <LinkButton href={`/cart?buy=${course.id}`} data-testid="buy-bar-action">
        {t("buyNow")}
      </LinkButton>
    );
  }

  return (
    <div className={styles.buyBar} data-testid="buy-bar">
      <Container className={styles.buyBarInner}>
        <p className={styles.barPrices}>{price}</p>
        <div className={styles.barAction}>{action}</div>
      </Container>
    </div>
  );
}
