"use client";
// "Join learning path" for a free course, or "Start with membership" for a course included in membership: a
// form posting to the server action, so it works before (and without) hydration. On success the action
// revalidates the course page, which then shows the learner as enrolled.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { buttonClassName } from "@/components/ui/button-class";
import { joinFreeCourseForm, joinWithMembershipForm, type JoinFormState } from "@/lib/enrolments/join-actions";

const initial: JoinFormState = { result: null };

/** `testId` tells apart the page's two join buttons on phones (the purchase panel's and the buy bar's). */
export function JoinButton({ courseId, testId = "join-course", membership = false }: { courseId: number; testId?: string; membership?: boolean }) {
  const t = useTranslations("CourseDetail");
  const [state, action, pending] = useActionState(membership ? joinWithMembershipForm : joinFreeCourseForm, initial);
  const error = state.result && !state.result.ok ? state.result.error : null;
  return (
    <form action={action} className="join-form">
      <input type="hidden" name="courseId" value={courseId} />
      <button type="submit" className={buttonClassName({ variant: "primary", size: "lg", block: true })} aria-busy={pending || undefined} data-testid={testId}>
        {pending ? t("joining") : membership ? t("joinWithMembership") : t("join")}
      </button>
      <p role="status" aria-live="polite" style={error ? { marginTop: "0.5rem", color: "var(--color-danger)", fontSize: "0.875rem" } : undefined}>
        {error ? t(`joinError_${error}`) : state.result?.ok ? t("joined") : ""}
      </p>
    </form>
  );
}
