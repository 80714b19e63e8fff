"use client";
// Writing or editing one's review: 1–5 stars as radio buttons (a fieldset with a legend, so screen readers
// name the group), the text, and the honeypot field that people never see. Works before hydration.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/account/submit-button";
import { saveReviewAction, type ReviewFormState } from "@/lib/reviews/actions";
import { HONEYPOT_FIELD_NAME, REVIEW_TEXT_MAX } from "./limits";
import styles from "@/components/community/community.module.css";

const initial: ReviewFormState = { ok: false, message: null };

export function ReviewForm({ courseId, review }: { courseId: number; review: { id: number; rating: number; body: string } | null }) {
  const t = useTranslations("Reviews");
  const [state, action] = useActionState(saveReviewAction, initial);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className={styles.field} data-testid="review-form" aria-labelledby="review-form-heading">
      <h3 id="review-form-heading">{review ? t("editHeading") : t("writeHeading")}</h3>
      <input type="hidden" name="courseId" value={courseId} />
      {review ? <input type="hidden" name="reviewId" value={review.id} /> : null}
      <fieldset className={styles.starPicker} aria-describedby={errors.rating ? "review-rating-error" : undefined}>
        <legend>{t("ratingField")}</legend>
        {[1, 2, 3, 4, 5].map((stars) => (
          <label key={stars}>
            <input type="radio" name="rating" value={stars} defaultChecked={review?.rating === stars} required data-testid={`review-star-${stars}`} /> {t("starsLabel", { stars })}
          </label>
        ))}
      </fieldset>
      {errors.rating ? (
        <p id="review-rating-error" className={styles.error}>
          {errors.rating[0]}
        </p>
      ) : null}
      <div className={styles.field}>
        <label htmlFor="review-body">{t("bodyField")}</label>
        <textarea
          id="review-body"
          name="body"
          defaultValue={review?.body ?? ""}
          maxLength={REVIEW_TEXT_MAX}
          required
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={errors.body ? "review-body-hint review-body-error" : "review-body-hint"}
          data-testid="review-body"
        />
        <p id="review-body-hint" className={styles.muted}>
          {t("bodyHint", { max: REVIEW_TEXT_MAX })}
        </p>
        {errors.body ? (
          <p id="review-body-error" className={styles.error}>
            {errors.body[0]}
          </p>
        ) : null}
      </div>
      <div className={styles.trap} aria-hidden="true">
        <label htmlFor="review-website">{t("honeypot")}</label>
        <input id="review-website" name={HONEYPOT_FIELD_NAME} tabIndex={-1} autoComplete="off" />
      </div>
      <div className={styles.actions}>
        <SubmitButton data-testid="review-submit">{review ? t("update") : t("submit")}</SubmitButton>
        <p role="status" className={state.ok ? styles.success : styles.error} data-testid="review-form-status">
          {state.message ? t(`messages.${state.message}` as "messages.created", state.values ?? {}) : null}
        </p>
      </div>
    </form>
  );
}
