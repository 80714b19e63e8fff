import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Breadcrumbs } from "@/components/catalogue/breadcrumbs";
import { LessonQA } from "@/components/qa/lesson-qa";
import { lessonRef, qaRole } from "@/lib/qa/access";
import { LessonBody } from "@/components/catalogue/lesson-body";
import { Duration } from "@/components/catalogue/duration";
import { LessonKindIcon } from "@/components/catalogue/lesson-meta";
import styles from "@/components/catalogue/lesson.module.css";
import { Syllabus } from "@/components/catalogue/syllabus";
import { UnlockPanel } from "@/components/catalogue/unlock-panel";
import { Badge } from "@/components/ui/badge";
import { Container } from "@/components/ui/container";
import { VisuallyHidden } from "@/components/ui/visually-hidden";
import { LabPanel } from "@/components/labs/lab-panel";
import { LessonProgressPanel } from "@/components/progress/lesson-progress-panel";
import { LiveLessonCard } from "@/components/live/live-lesson-card";
import { clockNow } from "@/lib/clock";
import { getLiveSession } from "@/lib/live/sessions";
import { currentUserId } from "@/lib/auth/current-user";
import { lessonContent } from "@/lib/catalogue/lesson-content";
import { canOpen, lessonForViewer } from "@/lib/enrolments/lesson-access";
import { getLabDefinition } from "@/lib/labs/store";
import { playbackForViewer } from "@/lib/media/playback";
import { pendingOrderForCourse } from "@/lib/orders/learner-queries";
import { lessonProgressOf } from "@/lib/progress/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; lessonId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, lessonId } = await params;
  // The title alone; whether the reader may open the lesson does not change it.
  const view = await lessonForViewer(slug, lessonId, null);
  if (!view) return {};
  return { title: `${view.lesson.title} · ${view.course.title}`, robots: view.lesson.isFreePreview ? undefined : { index: false } };
}

export default async function LessonPage({ params, searchParams }: Props) {
  const { slug, lessonId } = await params;
  const rawBefore = (await searchParams).qa_before;
  const qaBefore = typeof rawBefore === "string" && /^[1-9]\d{0,15}$/.test(rawBefore) ? Number(rawBefore) : undefined;
  const view = await lessonForViewer(slug, lessonId, await currentUserId());
  if (!view) notFound();
  const t = await getTranslations("Lesson");
  const td = await getTranslations("CourseDetail");
  const tq = await getTranslations("LessonQA");
  const locale = await getLocale();
  const { course, lesson, chapter } = view;
  const coursePath = `/courses/${encodeURIComponent(course.slug)}`;
  const lessonHref = (id: number) => `${coursePath}/lessons/${id}`;
  const open = canOpen(view.access);
  // A signed-in learner locked out of a paid course may already have ordered it: offer to pay that order.
  const pendingOrder = view.access === "locked" && view.viewerId !== null && course.priceFen > 0 ? await pendingOrderForCourse(view.viewerId, course.id) : null;
  // The text, the signed video addresses and where the learner left off, only for a viewer who may open it.
  const content = open ? await lessonContent(lesson.id) : null;
  // Questions and answers: enrolled learners and the course's staff, who take part even in a lesson they have
  // not bought (a free preview's other readers only read the lesson).
  const qaLesson = view.viewerId !== null ? await lessonRef(lesson.id) : null;
  const qa = qaLesson && view.viewerId !== null ? await qaRole(view.viewerId, qaLesson) : null;
  const live = open && lesson.kind === "live" ? await getLiveSession(lesson.id) : null;
  const lab = open && lesson.kind === "lab" ? await getLabDefinition(lesson.id) : null;
  const [playback, own] = content ? await Promise.all([playbackForViewer(view, content.videoAssetId), view.viewerId !== null && lesson.kind === "video" ? lessonProgressOf(view.viewerId, lesson.id) : null]) : [null, null];

  return (
    <Container className={styles.page} data-testid="lesson-page" data-access={view.access}>
      <Breadcrumbs
        tone="light"
        items={[
          { label: td("allCourses"), href: "/courses" },
          { label: course.title, href: coursePath },
          { label: lesson.title },
        ]}
      />
      <div className={styles.layout}>
        <div className={styles.main}>
          <header className={styles.head}>
            <p className={styles.eyebrow}>{t("position", { chapter: chapter.title, number: view.number, total: course.lessonCount })}</p>
            <h1 className={styles.title}>{lesson.title}</h1>
            <p className={styles.meta}>
              <span className={styles.kind}>
                <LessonKindIcon kind={lesson.kind} />
                {td(`kind_${lesson.kind}`)}
              </span>
              <span aria-hidden="true">·</span>
              <span data-testid="lesson-meta-duration">
                <VisuallyHidden>{t("durationLabel")}</VisuallyHidden>
                <Duration seconds={lesson.durationSeconds} locale={locale} />
              </span>
              {lesson.isFreePreview ? <Badge tone="success">{td("freePreview")}</Badge> : null}
            </p>
          </header>
          {open ? (
            <>
              {live ? <LiveLessonCard lessonId={lesson.id} session={live} now={await clockNow(view.viewerId)} /> : null}
              {lab ? (
                <LabPanel definition={lab} signedIn={view.viewerId !== null} />
              ) : live && !content?.body ? null : (
                <LessonBody
                  kind={lesson.kind}
                  title={lesson.title}
                  durationSeconds={lesson.durationSeconds}
                  locale={locale}
                  courseTitle={course.title}
                  body={content?.body ?? null}
                  playback={playback}
                  startAt={own?.positionSeconds ?? 0}
                />
              )}
              {view.viewerId !== null ? (
                <LessonProgressPanel userId={view.viewerId} courseId={course.id} lessonId={lesson.id} kind={lesson.kind} enrolled={view.access === "enrolled"} />
              ) : null}
            </>
          ) : (
            <UnlockPanel course={course} access={view.access} returnTo={lessonHref(lesson.id)} locale={locale} pendingOrder={pendingOrder} />
          )}
          {qa && view.viewerId !== null ? (
            <Suspense fallback={<p>{tq("loading")}</p>}>
              <LessonQA lessonId={lesson.id} lessonHref={lessonHref(lesson.id)} viewerId={view.viewerId} role={qa} before={qaBefore} />
            </Suspense>
          ) : null}
          <nav className={styles.steps} aria-label={t("lessonNavigation")}>
            {view.previous ? (
              <Link href={lessonHref(view.previous.id)} rel="prev" className={styles.step} data-testid="previous-lesson">
                <span className={styles.stepLabel}>{t("previous")}</span>
                <span className={styles.stepTitle}>{view.previous.title}</span>
              </Link>
            ) : (
              <span />
            )}
            {view.next ? (
              <Link href={lessonHref(view.next.id)} rel="next" className={`${styles.step} ${styles.stepNext}`} data-testid="next-lesson">
                <span className={styles.stepLabel}>{t("next")}</span>
                <span className={styles.stepTitle}>{view.next.title}</span>
              </Link>
            ) : null}
          </nav>
        </div>
        <aside className={styles.outline} aria-labelledby="lesson-outline-heading">
          <h2 id="lesson-outline-heading" className={styles.outlineHeading}>
            {td("syllabusHeading")}
          </h2>
          <Syllabus course={course} enrolled={view.access === "enrolled"} currentLessonId={lesson.id} />
        </aside>
      </div>
    </Container>
  );
}
