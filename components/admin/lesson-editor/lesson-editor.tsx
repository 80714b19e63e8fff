"use client";
// The lesson editor: the lesson's text in the same Tiptap editor as course descriptions (sanitised by the
// server with the same allow-list), and for a video lesson the upload panel.
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { saveLessonText } from "@/lib/catalogue/admin-lesson-actions";
import type { LessonVideoResult } from "@/lib/media/admin-video-actions";
import styles from "@/components/admin/course-editor/course-editor.module.css";
import { useUnsavedChangesWarning } from "@/components/admin/course-editor/use-unsaved-changes";
import { LiveSchedule, type LiveScheduleProps } from "./live-schedule";
import { VideoUpload } from "./video-upload";

const RichTextEditor = dynamic(() => import("@/components/admin/course-editor/rich-text-editor"), { ssr: false, loading: () => <div className={styles.editorLoading} aria-busy="true" /> });

export interface LessonEditorProps {
  lesson: { id: number; kind: "video" | "article" | "lab" | "live"; body: string };
  video: Extract<LessonVideoResult, { ok: true }> | null;
  maxUploadBytes: number;
  /** For a lesson of kind "live": its schedule (null until scheduled) and the teachers to choose from. */
  live?: Omit<LiveScheduleProps, "lessonId"> | null;
}

export function LessonEditor({ lesson, video, maxUploadBytes, live }: LessonEditorProps) {
  const t = useTranslations("LessonMedia");
  const tc = useTranslations("CourseEditor");
  const [body, setBody] = useState(lesson.body);
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<{ tone: "status" | "alert"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  useUnsavedChangesWarning(dirty, tc("unsavedWarning"));

  const save = () =>
    startTransition(async () => {
      setMessage(null);
      try {
        const result = await saveLessonText({ lessonId: lesson.id, body });
        if (result.ok) {
          setDirty(false);
          setMessage({ tone: "status", text: t("textSaved") });
        } else setMessage({ tone: "alert", text: t(`error_${result.error}`) });
      } catch {
        setMessage({ tone: "alert", text: t("error_unavailable") });
      }
    });

  return (
    <div className={styles.layout}>
      {lesson.kind === "video" && video ? <VideoUpload lessonId={lesson.id} maxBytes={maxUploadBytes} initial={video} /> : null}
      {lesson.kind === "live" && live ? <LiveSchedule lessonId={lesson.id} {...live} /> : null}
      <section className={styles.panel} aria-labelledby="text-heading">
        <h2 id="text-heading" className={styles.panelTitle}>
          {t("textHeading")}
        </h2>
        <p className={styles.muted}>{lesson.kind === "video" ? t("textHelpVideo") : t("textHelpArticle")}</p>
        <RichTextEditor
          initialHtml={lesson.body}
          label={t("textHeading")}
          onChange={(html) => {
            setBody(html);
            setDirty(true);
          }}
          onError={(key) => setMessage({ tone: "alert", text: tc.has(`messages.error_${key}` as Parameters<typeof tc.has>[0]) ? tc(`messages.error_${key}` as Parameters<typeof tc>[0]) : t("error_unavailable") })}
        />
        <div className={styles.actions}>
          <Button onClick={save} loading={pending} data-testid="save-lesson-text">
            {t("saveText")}
          </Button>
          {dirty ? <span className={styles.muted}>{tc("unsaved")}</span> : null}
          {message?.tone === "status" ? (
            <p role="status" className={styles.success}>
              {message.text}
            </p>
          ) : null}
          {message?.tone === "alert" ? (
            <p role="alert" className={styles.error}>
              {message.text}
            </p>
          ) : null}
        </div>
      </section>
    </div>
  );
}
