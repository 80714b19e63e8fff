"use client";
// The small forms under a review: helpful (on others' reviews), report, delete (on one's own), and the
// teacher's public reply. Each announces its outcome in a status region.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/account/submit-button";
import { deleteReviewAction, helpfulAction, replyAction, reportReviewAction, type ReviewFormState } from "@/lib/reviews/actions";
import { REVIEW_TEXT_MAX } from "./limits";
import styles from "@/components/community/community.module.css";

const initial: ReviewFormState = { ok: false, message: null };

function Status({ state }: { state: ReviewFormState }) {
  const t = useTranslations("Reviews");
  return (
    <span role="status" className={state.ok ? styles.success : styles.error}>
      {state.message ? t(`messages.${state.message}` as "messages.voted", state.values ?? {}) : null}
    </span>
  );
}

export function HelpfulButton({ reviewId, voted }: { reviewId: number; voted: boolean }) {
  const t = useTranslations("Reviews");
  const [state, action] = useActionState(helpfulAction, initial);
  return (
    <form action={action} className={styles.actions}>
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="helpful" value={voted ? "0" : "1"} />
      <SubmitButton variant="secondary" size="sm" aria-pressed={voted} data-testid="review-helpful">
        {voted ? t("unmarkHelpful") : t("markHelpful")}
      </SubmitButton>
      <Status state={state} />
    </form>
  );
}

export function ReportReviewButton({ reviewId }: { reviewId: number }) {
  const t = useTranslations("Reviews");
  const [state, action] = useActionState(reportReviewAction, initial);
  if (state.ok) return <Status state={state} />;
  return (
    <form action={action} className={styles.actions}>
      <input type="hidden" name="reviewId" value={reviewId} />
      <SubmitButton variant="ghost" size="sm" data-testid="review-report">
        {t("report")}
      </SubmitButton>
      <Status state={state} />
    </form>
  );
}

export function DeleteReviewButton({ reviewId }: { reviewId: number }) {
  const t = useTranslations("Reviews");
  const [state, action] = useActionState(deleteReviewAction, initial);
  return (
    <form action={action} className={styles.actions}>
      <input type="hidden" name="reviewId" value={reviewId} />
      <SubmitButton variant="danger" size="sm" data-testid="review-delete">
        {t("delete")}
      </SubmitButton>
      <Status state={state} />
    </form>
  );
}

export function ReplyForm({ reviewId, current }: { reviewId: number; current: string | null }) {
  const t = useTranslations("Reviews");
  const [state, action] = useActionState(replyAction, initial);
  const id = `reply-${reviewId}`;
  return (
    <form action={action} className={styles.field} data-testid="review-reply-form">
      <input type="hidden" name="reviewId" value={reviewId} />
      <label htmlFor={id}>{t("replyLabel")}</label>
      <textarea id={id} name="body" defaultValue={current ?? ""} maxLength={REVIEW_TEXT_MAX} required data-testid="review-reply-body" />
      {state.fieldErrors?.body ? <p className={styles.error}>{state.fieldErrors.body[0]}</p> : null}
      <div className={styles.actions}>
        <SubmitButton size="sm" data-testid="review-reply-submit">
          {current ? t("replyUpdate") : t("replySubmit")}
        </SubmitButton>
        <Status state={state} />
      </div>
    </form>
  );
}
