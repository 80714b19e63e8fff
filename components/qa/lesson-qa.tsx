// A lesson's questions and answers, rendered on the server for enrolled learners and staff: newest questions
// first, ten at a time (?qa_before=<id> pages on by keyset), each with its thread, the teacher's answers
// marked and the accepted answer first. Learners see their own held posts with a note; nobody else does.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PlainText } from "@/components/community/plain-text";
import { Badge } from "@/components/ui/badge";
import { clockNow } from "@/lib/clock";
import { EDIT_WINDOW_MINUTES } from "@/lib/qa/schemas";
import { listQuestions, type PostView, type QuestionView } from "@/lib/qa/queries";
import { AcceptButton, DeletePostButton, EditPostForm, PostForm, ReportPostButton } from "./qa-forms";
import styles from "@/components/community/community.module.css";

export async function LessonQA({ lessonId, lessonHref, viewerId, role, before }: { lessonId: number; lessonHref: string; viewerId: number; role: "staff" | "learner"; before?: number }) {
  const [t, format] = await Promise.all([getTranslations("LessonQA"), getFormatter()]);
  const page = await listQuestions(lessonId, { before, viewerId });
  const now = (await clockNow(viewerId)).getTime();

  const post = (p: PostView, question: QuestionView | null) => {
    const own = p.userId === viewerId;
    const editable = own && p.status !== "deleted" && p.status !== "hidden" && now - p.createdAt.getTime() < EDIT_WINDOW_MINUTES * 60_000;
    const accepted = question !== null && question.acceptedAnswerId === p.id;
    return (
      <div data-testid={p.kind === "question" ? "qa-question-body" : "qa-answer"} data-post-id={p.id} data-accepted={accepted || undefined} data-staff={p.byStaff || undefined}>
        <div className={styles.itemHead}>
          <span className={styles.author}>{p.authorName}</span>
          {p.byStaff ? <Badge tone="brand">{t("teacher")}</Badge> : null}
          {accepted ? <Badge tone="accent">{t("accepted")}</Badge> : null}
          {p.status === "held" ? <Badge tone="warning">{t("held")}</Badge> : null}
          <time className={styles.muted} dateTime={p.createdAt.toISOString()}>
            {format.dateTime(p.createdAt, "zoned")}
          </time>
          {p.editedAt ? <span className={styles.muted}>({t("edited")})</span> : null}
        </div>
        {p.status === "deleted" ? <p className={styles.muted}>{t("deleted")}</p> : <PlainText text={p.body} />}
        {p.status === "published" ? (
          <div className={styles.actions}>
            {question && !accepted && p.kind === "answer" && (question.userId === viewerId || role === "staff") ? <AcceptButton questionId={question.id} answerId={p.id} /> : null}
            {editable ? <EditPostForm postId={p.id} body={p.body} /> : null}
            {own ? <DeletePostButton postId={p.id} /> : <ReportPostButton postId={p.id} />}
          </div>
        ) : null}
      </div>
    );
  };

  const thread = (q: QuestionView) => {
    const answers = [...q.answers].sort((a, b) => (a.id === q.acceptedAnswerId ? -1 : b.id === q.acceptedAnswerId ? 1 : 0));
    const top = answers.filter((a) => a.depth <= 1);
    return (
      <li key={q.id} className={styles.item} data-testid="qa-question" data-question-id={q.id}>
        {post(q, null)}
        <p className={styles.muted}>{t("answers", { count: q.answerCount })}</p>
        {top.length > 0 ? (
          <ol className={styles.thread}>
            {top.map((a) => (
              <li key={a.id} className={a.id === q.acceptedAnswerId ? styles.accepted : undefined}>
                {post(a, q)}
                {answers.some((r) => r.parentId === a.id) ? (
                  <ol className={styles.thread}>
                    {answers
                      .filter((r) => r.parentId === a.id)
                      .map((r) => (
                        <li key={r.id}>{post(r, q)}</li>
                      ))}
                  </ol>
                ) : null}
                {a.status === "published" && q.status === "published" ? (
                  <details>
                    <summary>{t("reply")}</summary>
                    <PostForm questionId={q.id} parentId={a.id} kind="reply" />
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
        ) : null}
        {q.status === "published" ? <PostForm questionId={q.id} kind="answer" /> : null}
      </li>
    );
  };

  return (
    <section aria-labelledby="qa-heading" className={styles.section} data-testid="lesson-qa">
      <h2 id="qa-heading" className={styles.heading}>
        {t("heading")}
      </h2>
      <div className={styles.panel}>
        <h3>{t("askHeading")}</h3>
        <PostForm lessonId={lessonId} kind="ask" />
      </div>
      {page.items.length === 0 ? (
        <p className={styles.muted} data-testid="qa-empty">
          {before ? null : t("empty")}
        </p>
      ) : (
        <ol className={styles.list}>{page.items.map(thread)}</ol>
      )}
      <nav className={styles.pager} aria-label={t("heading")}>
        {before ? <Link href={`${lessonHref}#qa-heading`}>{t("newest")}</Link> : null}
        {page.nextBefore !== null ? (
          <Link href={`${lessonHref}?qa_before=${page.nextBefore}#qa-heading`} data-testid="qa-older">
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
