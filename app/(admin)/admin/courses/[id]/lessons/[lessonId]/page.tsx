import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LabForm, type LabFormLabels } from "@/components/admin/lesson-editor/lab-form";
import { LessonEditor } from "@/components/admin/lesson-editor/lesson-editor";
import { ClientMessages } from "@/components/i18n/client-messages";
import { AdminPageHeader } from "@/components/admin/page-header";
import { LinkButton } from "@/components/ui/link-button";
import { getAdminLesson } from "@/lib/catalogue/lesson-content";
import { DEFAULT_LIMITS } from "@/lib/labs/limits";
import { getLabDefinition } from "@/lib/labs/store";
import { lessonVideoState } from "@/lib/media/assets";
import { mediaConfig } from "@/lib/media/config";
import { previewOf } from "@/lib/media/playback";
import { adminPage } from "@/lib/rbac/guard";
import { getLiveSession, teacherChoices } from "@/lib/live/sessions";

type Props = { params: Promise<{ id: string; lessonId: string }> };

const idOf = (raw: string) => (/^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : 0);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, lessonId } = await params;
  const t = await getTranslations("LessonMedia");
  const lesson = await getAdminLesson(idOf(id), idOf(lessonId));
  return lesson ? { title: t("editTitle", { title: lesson.title }) } : {};
}

export default adminPage("/admin/courses/[id]/lessons/[lessonId]", { category: "courses", zh: "编辑课时内容", en: "Edit lesson content", roles: ["course_admin"] }, async function LessonContentPage({ params }: Props) {
  const { id, lessonId } = await params;
  const lesson = await getAdminLesson(idOf(id), idOf(lessonId));
  if (!lesson) notFound();
  const t = await getTranslations("LessonMedia");
  const state = lesson.kind === "video" ? await lessonVideoState(lesson.id) : null;
  const video = state ? { ok: true as const, state, preview: state.current ? await previewOf(state.current.assetId) : null } : null;
  const [session, teachers] = lesson.kind === "live" ? await Promise.all([getLiveSession(lesson.id), teacherChoices()]) : [null, []];
  const live = lesson.kind === "live" ? { teachers, initial: session && { ...session, startsAt: session.startsAt.toISOString() } } : null;
  const lab = lesson.kind === "lab" ? await labFormProps(lesson.id) : null;
  return (
    <>
      <AdminPageHeader
        title={t("editTitle", { title: lesson.title })}
        subtitle={`${lesson.courseTitle} · ${t("chapter", { chapter: lesson.chapterTitle })}`}
        actions={
          <LinkButton href={`/admin/courses/${lesson.courseId}`} variant="ghost" size="sm">
            {t("backToCourse")}
          </LinkButton>
        }
      />
      {lab ? <LabForm key={`lab-${lesson.id}`} lessonId={lesson.id} initial={lab.initial} labels={lab.labels} /> : null}
      {/* The live panel's texts besides the editor's (a nested provider replaces the layout's, so both are named). */}
      <ClientMessages namespaces={["CourseEditor", "LessonMedia", "Live"]}>
        <LessonEditor key={lesson.id} lesson={{ id: lesson.id, kind: lesson.kind, body: lesson.body }} video={video} maxUploadBytes={mediaConfig().maxUploadBytes} live={live} />
      </ClientMessages>
    </>
  );
});

const LAB_LABELS = ["heading", "help", "title", "instructions", "setupScript", "setupHelp", "checkCommand", "checkHelp", "save", "saved", "invalid", "unavailable", "minutes", "memoryMb", "processes", "cpuSeconds", "diskMb"] as const;

async function labFormProps(lessonId: number) {
  const t = await getTranslations("Labs.admin");
  const definition = await getLabDefinition(lessonId);
  const labels = Object.fromEntries(LAB_LABELS.map((key) => [key, t(key)])) as LabFormLabels;
  const initial = definition
    ? { title: definition.title, instructions: definition.instructions, setupScript: definition.setupScript, checkCommand: definition.checkCommand, ...definition.limits }
    : { title: "", instructions: "", setupScript: "", checkCommand: "", ...DEFAULT_LIMITS };
  return { labels, initial };
}
