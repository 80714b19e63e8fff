"use client";
// The course editor: the course's fields, its description in Tiptap, its syllabus, preview, save, publish,
// archive and delete. State lives here; the server actions validate again and answer message keys.
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { archiveCourse, createCourse, deleteCourse, previewDescription, publishCourse, saveSyllabus, updateCourse } from "@/lib/catalogue/admin-course-actions";
import type { AdminCourseDetail, CourseActionResult } from "@/lib/catalogue/admin-course-schema";
import styles from "./course-editor.module.css";
import { checkValues, draftChapters, firstErrors, inputOf, valuesOf, type FormValues } from "./course-fields";
import { CourseFieldset, type Option } from "./course-fieldset";
import { SyllabusEditor, type DraftChapter } from "./syllabus-editor";
import { useUnsavedChangesWarning } from "./use-unsaved-changes";

// Tiptap and lowlight load with the editor only, never on learner pages.
const RichTextEditor = dynamic(() => import("./rich-text-editor"), { ssr: false, loading: () => <div className={styles.editorLoading} aria-busy="true" /> });

type Message = { tone: "status" | "alert"; key: string } | null;
const statusTone = { published: "success", draft: "warning", archived: "neutral" } as const;

export interface CourseEditorProps {
  course: AdminCourseDetail | null;
  categories: Option[];
  teachers: Option[];
  notice?: "created";
}

export function CourseEditor({ course: initial, categories, teachers, notice }: CourseEditorProps) {
  const t = useTranslations("CourseEditor");
  // Keys that come from the server (error codes, field errors) are looked up, falling back to a plain message.
  const tr = (key: string) => (t.has(key as Parameters<typeof t.has>[0]) ? t(key as Parameters<typeof t>[0]) : t("messages.error_unavailable"));
  const router = useRouter();
  const [course, setCourse] = useState(initial);
  const [values, setValues] = useState<FormValues>(() => valuesOf(initial, { categoryId: categories[0]?.id, teacherId: teachers[0]?.id }));
  const [chapters, setChapters] = useState<DraftChapter[]>(() => draftChapters(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [dirty, setDirty] = useState(false);
  const [syllabusDirty, setSyllabusDirty] = useState(false);
  const [message, setMessage] = useState<Message>(notice === "created" ? { tone: "status", key: "created" } : null);
  const [preview, setPreview] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  useUnsavedChangesWarning(dirty || syllabusDirty, t("unsavedWarning"));

  useEffect(() => {
    if (notice === "created") router.replace(`/admin/courses/${initial?.id}`, { scroll: false });
  }, [notice, initial?.id, router]);

  const change = (patch: Partial<FormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setDirty(true);
  };

  const afterResult = (result: CourseActionResult, okKey: string): boolean => {
    if (result.ok) {
      if (result.course) setCourse(result.course);
      setMessage({ tone: "status", key: okKey });
      return true;
    }
    if (result.fieldErrors) setErrors(firstErrors(result.fieldErrors));
    setMessage({ tone: "alert", key: `error_${result.error}` });
    return false;
  };

  const act = (name: string, run: () => Promise<void>) => {
    setPending(name);
    setMessage(null);
    startTransition(async () => {
      try {
        await run();
      } catch {
        setMessage({ tone: "alert", key: "error_unavailable" });
      } finally {
        setPending(null);
      }
    });
  };

  const save = () => {
    const found = checkValues(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return setMessage({ tone: "alert", key: "error_invalid_input" });
    act("save", async () => {
      const input = inputOf(values);
      if (!course) {
        const result = await createCourse(input);
        if (afterResult(result, "created") && result.ok && result.course) {
          setDirty(false);
          router.push(`/admin/courses/${result.course.id}?created=1`);
        }
        return;
      }
      if (afterResult(await updateCourse(course.id, input), "saved")) setDirty(false);
    });
  };

  const setStatus = (name: "publish" | "archive") =>
    act(name, async () => {
      if (!course) return;
      const result = name === "publish" ? await publishCourse(course.id) : await archiveCourse(course.id);
      if (afterResult(result, name === "publish" ? "published" : "archived") && result.ok && result.course) setValues((v) => ({ ...v, status: result.course!.status }));
    });

  const saveChapters = () =>
    act("syllabus", async () => {
      if (!course) return;
      const result = await saveSyllabus({
        courseId: course.id,
        chapters: chapters.map((c) => ({ id: c.id, title: c.title, lessons: c.lessons.map(({ key: _key, ...l }) => l) })),
      });
      if (afterResult(result, "syllabusSaved") && result.ok && result.course) {
        setChapters(draftChapters(result.course));
        setSyllabusDirty(false);
      }
    });

  const showPreview = () =>
    act("preview", async () => {
      const result = await previewDescription(values.description);
      if (result.ok) setPreview(result.html);
      else setMessage({ tone: "alert", key: "error_invalid_input" });
    });

  const remove = () => {
    if (!course || !window.confirm(t("confirmDelete", { title: course.title }))) return;
    act("delete", async () => {
      const result = await deleteCourse(course.id);
      if (afterResult(result, "deleted")) {
        setDirty(false);
        setSyllabusDirty(false);
        router.push("/admin/courses");
      }
    });
  };

  return (
    <div className={styles.layout}>
      <div className={styles.statusBar}>
        <Badge tone={statusTone[course?.status ?? "draft"]}>{t(`status_${course?.status ?? "draft"}`)}</Badge>
        {dirty || syllabusDirty ? <span className={styles.muted}>{t("unsaved")}</span> : null}
        <div className={styles.messages}>
          {message?.tone === "status" ? <p role="status" className={styles.success}>{tr(`messages.${message.key}`)}</p> : null}
          {message?.tone === "alert" ? <p role="alert" className={styles.error}>{tr(`messages.${message.key}`)}</p> : null}
        </div>
      </div>

      <form
        className={styles.panel}
        noValidate
        aria-label={t("formLabel")}
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <CourseFieldset values={values} errors={errors} categories={categories} teachers={teachers} onChange={change} onError={(key) => setMessage({ tone: "alert", key: `error_${key}` })} />
        <div className={styles.field}>
          <span id="description-label" className={styles.label}>
            {t("fields.description")}
          </span>
          <RichTextEditor initialHtml={values.description} label={t("fields.description")} onChange={(html) => change({ description: html })} onError={(key) => setMessage({ tone: "alert", key: `error_${key}` })} />
          {errors.description ? <p className={styles.fieldError}>{tr(`errors.${errors.description}`)}</p> : null}
        </div>
        <div className={styles.actions}>
          <Button type="submit" loading={pending === "save"}>
            {course ? t("save") : t("create")}
          </Button>
          <Button variant="secondary" onClick={showPreview} loading={pending === "preview"}>
            {t("preview")}
          </Button>
          {course && course.status !== "published" ? (
            <Button variant="secondary" onClick={() => setStatus("publish")} loading={pending === "publish"} disabled={dirty} title={dirty ? t("saveBeforePublish") : undefined}>
              {t("publish")}
            </Button>
          ) : null}
          {course && course.status === "published" ? (
            <Button variant="secondary" onClick={() => setStatus("archive")} loading={pending === "archive"}>
              {t("archive")}
            </Button>
          ) : null}
          {course && course.status !== "published" ? (
            <Button variant="danger" onClick={remove} loading={pending === "delete"}>
              {t("delete")}
            </Button>
          ) : null}
          {dirty && course ? <span className={styles.muted}>{t("saveBeforePublish")}</span> : null}
        </div>
      </form>

      {preview !== null ? (
        <section className={styles.panel} aria-labelledby="preview-heading">
          <div className={styles.rowLine}>
            <h2 id="preview-heading" className={styles.panelTitle}>
              {t("previewTitle")}
            </h2>
            <Button variant="ghost" size="sm" onClick={() => setPreview(null)}>
              {t("closePreview")}
            </Button>
          </div>
          <article className={styles.preview} data-testid="course-preview">
            {/* eslint-disable-next-line @next/next/no-img-element -- uploads may live on any https CDN (S3_PUBLIC_URL), outside next/image's configured hosts */}
            {values.coverUrl ? <img src={values.coverUrl} alt="" className={styles.previewCover} /> : null}
            <h3>{values.title}</h3>
            {values.subtitle ? <p className={styles.muted}>{values.subtitle}</p> : null}
            <div className={styles.prose} dangerouslySetInnerHTML={{ __html: preview }} />
          </article>
        </section>
      ) : null}

      <SyllabusEditor
        chapters={chapters}
        onChange={(next) => {
          setChapters(next);
          setSyllabusDirty(true);
        }}
        onSave={saveChapters}
        saving={pending === "syllabus"}
        disabled={!course}
        courseId={course?.id}
      />
    </div>
  );
}
