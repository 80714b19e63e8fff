"use client";
// The Q&A's forms: ask or answer (one form, told which by its hidden fields), edit within the window, delete,
// accept and report. Each announces its outcome in a status region and works before hydration.
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/account/submit-button";
import { acceptAction, deletePostAction, editPostAction, postAction, reportPostAction, type QaFormState } from "@/lib/qa/actions";
import { HONEYPOT_FIELD_NAME } from "@/components/reviews/limits";
import styles from "@/components/community/community.module.css";

const initial: QaFormState = { ok: false, message: null };
const MAX = 2_000;

function Status({ state, testId }: { state: QaFormState; testId?: string }) {
  const t = useTranslations("LessonQA");
  return (
    <span role="status" className={state.ok ? styles.success : styles.error} data-testid={testId}>
      {state.message ? t(`messages.${state.message}` as "messages.posted", state.values ?? {}) : null}
    </span>
  );
}

/** Ask (lessonId) or answer (questionId, parentId). */
export function PostForm({ lessonId, questionId, parentId, kind }: { lessonId?: number; questionId?: number; parentId?: number; kind: "ask" | "answer" | "reply" }) {
  const t = useTranslations("LessonQA");
  const [state, action] = useActionState(postAction, initial);
  const id = useId();
  const label = kind === "ask" ? t("askField") : kind === "answer" ? t("answerField") : t("replyField");
  return (
    <form action={action} className={styles.field} data-testid={`qa-${kind}-form`}>
      {lessonId ? <input type="hidden" name="lessonId" value={lessonId} /> : null}
      {questionId ? <input type="hidden" name="questionId" value={questionId} /> : null}
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name="body" maxLength={MAX} required aria-describedby={`${id}-hint`} data-testid={`qa-${kind}-body`} />
      <p id={`${id}-hint`} className={styles.muted}>
        {t("hint", { max: MAX })}
      </p>
      <div className={styles.trap} aria-hidden="true">
        <label htmlFor={`${id}-w`}>website</label>
        <input id={`${id}-w`} name={HONEYPOT_FIELD_NAME} tabIndex={-1} autoComplete="off" />
      </div>
      <div className={styles.actions}>
        <SubmitButton size="sm" data-testid={`qa-${kind}-submit`}>
          {kind === "ask" ? t("askSubmit") : t("answerSubmit")}
        </SubmitButton>
        <Status state={state} testId={`qa-${kind}-status`} />
      </div>
    </form>
  );
}

export function EditPostForm({ postId, body }: { postId: number; body: string }) {
  const t = useTranslations("LessonQA");
  const [state, action] = useActionState(editPostAction, initial);
  const id = useId();
  return (
    <details>
      <summary>{t("edit")}</summary>
      <form action={action} className={styles.field}>
        <input type="hidden" name="postId" value={postId} />
        <label htmlFor={id}>{t("edit")}</label>
        <textarea id={id} name="body" defaultValue={body} maxLength={MAX} required />
        <div className={styles.actions}>
          <SubmitButton size="sm">{t("save")}</SubmitButton>
          <Status state={state} />
        </div>
      </form>
    </details>
  );
}

export function DeletePostButton({ postId }: { postId: number }) {
  const t = useTranslations("LessonQA");
  const [state, action] = useActionState(deletePostAction, initial);
  return (
    <form action={action} className={styles.actions}>
      <input type="hidden" name="postId" value={postId} />
      <SubmitButton variant="ghost" size="sm">
        {t("delete")}
      </SubmitButton>
      <Status state={state} />
    </form>
  );
}

export function AcceptButton({ questionId, answerId }: { questionId: number; answerId: number }) {
  const t = useTranslations("LessonQA");
  const [state, action] = useActionState(acceptAction, initial);
  return (
    <form action={action} className={styles.actions}>
      <input type="hidden" name="questionId" value={questionId} />
      <input type="hidden" name="answerId" value={answerId} />
      <SubmitButton variant="secondary" size="sm" data-testid="qa-accept">
        {t("accept")}
      </SubmitButton>
      <Status state={state} />
    </form>
  );
}

export function ReportPostButton({ postId }: { postId: number }) {
  const t = useTranslations("LessonQA");
  const [state, action] = useActionState(reportPostAction, initial);
  if (state.ok) return <Status state={state} />;
  return (
    <form action={action} className={styles.actions}>
      <input type="hidden" name="postId" value={postId} />
      <SubmitButton variant="ghost" size="sm" data-testid="qa-report">
        {t("report")}
      </SubmitButton>
      <Status state={state} />
    </form>
  );
}
