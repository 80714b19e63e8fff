"use client";
// The lesson editor's live panel: when the class starts, for how long, who teaches it, the provider's stream
// address and (afterwards) the recording's, and its status; cancel. Validated by the same zod schema as the
// server (lib/live/schemas.ts), which checks again and audits the change.
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { LinkButton } from "@/components/ui/link-button";
import styles from "@/components/admin/course-editor/course-editor.module.css";
import { cancelLiveLessonAction, saveLiveLesson } from "@/lib/live/admin-actions";
import { liveScheduleSchema } from "@/lib/live/schemas";
import type { LiveStatus } from "@/lib/live/status";

export interface LiveScheduleProps {
  lessonId: number;
  teachers: Array<{ id: number; name: string }>;
  initial: { startsAt: string; plannedMinutes: number; teacherId: number | null; streamUrl: string; recordingUrl: string | null; status: LiveStatus } | null;
}

/** "2026-12-06T20:30" in the browser's time zone, as <input type="datetime-local"> wants. */
function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function LiveSchedule({ lessonId, teachers, initial }: LiveScheduleProps) {
  const t = useTranslations("Live.admin");
  const tl = useTranslations("Live");
  const [status, setStatus] = useState<LiveStatus | null>(initial?.status ?? null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "status" | "alert"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const fieldError = (name: string) => (fields[name] ? t.has(`field_${fields[name]}` as Parameters<typeof t.has>[0]) ? t(`field_${fields[name]}` as Parameters<typeof t>[0]) : t("field_invalid") : undefined);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const local = String(form.get("startsAt") ?? "");
    const teacher = String(form.get("teacherId") ?? "");
    const input = {
      lessonId,
      startsAt: local ? new Date(local).toISOString() : "",
      plannedMinutes: Number(form.get("plannedMinutes")),
      teacherId: teacher ? Number(teacher) : null,
      streamUrl: String(form.get("streamUrl") ?? ""),
      recordingUrl: String(form.get("recordingUrl") ?? ""),
      status: String(form.get("status") ?? "scheduled"),
    };
    const checked = liveScheduleSchema.safeParse(input);
    if (!checked.success) {
      const found: Record<string, string> = {};
      for (const issue of checked.error.issues) found[String(issue.path[0])] ??= issue.message.startsWith("Invalid") ? "invalid" : issue.message;
      setFields(found);
      setMessage({ tone: "alert", text: t("error_invalid_input") });
      return;
    }
    startTransition(async () => {
      setMessage(null);
      try {
        const result = await saveLiveLesson(input);
        if (result.ok) {
          setFields({});
          setStatus(result.status as LiveStatus);
          setMessage({ tone: "status", text: t("saved") });
        } else {
          setFields(result.fields ?? {});
          setMessage({ tone: "alert", text: t(`error_${result.error}`) });
        }
      } catch {
        setMessage({ tone: "alert", text: t("error_unavailable") });
      }
    });
  };

  const cancel = () => {
    if (!window.confirm(t("cancelConfirm"))) return;
    startTransition(async () => {
      try {
        const result = await cancelLiveLessonAction(lessonId);
        if (result.ok) {
          setStatus("cancelled");
          setMessage({ tone: "status", text: t("cancelled") });
        } else setMessage({ tone: "alert", text: t(`error_${result.error}`) });
      } catch {
        setMessage({ tone: "alert", text: t("error_unavailable") });
      }
    });
  };

  const field = (name: string, label: string, control: React.ReactNode) => (
    <div className={styles.field}>
      <label htmlFor={`live-${name}`} className={styles.label}>
        {label}
      </label>
      {control}
      {fieldError(name) ? (
        <p id={`live-${name}-error`} className={styles.fieldError}>
          {fieldError(name)}
        </p>
      ) : null}
    </div>
  );
  const invalid = (name: string) => ({ "aria-invalid": fields[name] ? true : undefined, "aria-describedby": fields[name] ? `live-${name}-error` : undefined });

  return (
    <section className={styles.panel} aria-labelledby="live-heading" data-testid="live-schedule">
      <h2 id="live-heading" className={styles.panelTitle}>
        {t("heading")}
      </h2>
      <p className={styles.muted}>{t("help")}</p>
      <form onSubmit={submit} className={styles.grid} noValidate>
        {field("startsAt", t("startsAt"), <input id="live-startsAt" name="startsAt" type="datetime-local" required defaultValue={initial ? localInput(initial.startsAt) : ""} {...invalid("startsAt")} />)}
        {field("plannedMinutes", t("plannedMinutes"), <input id="live-plannedMinutes" name="plannedMinutes" type="number" min={5} max={480} required defaultValue={initial?.plannedMinutes ?? 60} {...invalid("plannedMinutes")} />)}
        {field(
          "teacherId",
          t("teacher"),
          <select id="live-teacherId" name="teacherId" defaultValue={initial?.teacherId ?? ""}>
            <option value="">{t("noTeacher")}</option>
            {teachers.map((teacher) => (
              <option key={teacher.id} value={teacher.id}>
                {teacher.name}
              </option>
            ))}
          </select>,
        )}
        {field(
          "status",
          t("status"),
          <select id="live-status" name="status" defaultValue={initial && initial.status !== "cancelled" ? initial.status : "scheduled"}>
            {(["scheduled", "live", "ended"] as const).map((s) => (
              <option key={s} value={s}>
                {tl(`status_${s}`)}
              </option>
            ))}
          </select>,
        )}
        {field("streamUrl", t("streamUrl"), <input id="live-streamUrl" name="streamUrl" required defaultValue={initial?.streamUrl ?? ""} placeholder="https://live.example.com/class/index.m3u8" {...invalid("streamUrl")} />)}
        {field("recordingUrl", t("recordingUrl"), <input id="live-recordingUrl" name="recordingUrl" defaultValue={initial?.recordingUrl ?? ""} {...invalid("recordingUrl")} />)}
        <div className={styles.actions}>
          <Button type="submit" loading={pending} data-testid="save-live">
            {t("save")}
          </Button>
          {status && status !== "cancelled" ? (
            <Button type="button" variant="danger" onClick={cancel} data-testid="cancel-live">
              {t("cancel")}
            </Button>
          ) : null}
          {status ? (
            <LinkButton href={`/live/${lessonId}`} variant="ghost" size="sm">
              {t("openRoom")}
            </LinkButton>
          ) : null}
          {status ? (
            <span className={styles.muted} data-testid="live-admin-status" data-status={status}>
              {tl(`status_${status}`)}
            </span>
          ) : null}
        </div>
      </form>
      {message ? (
        <p role={message.tone} className={message.tone === "alert" ? styles.error : styles.success}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
