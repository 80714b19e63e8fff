"use client";
// The lesson editor's captions: the tracks the current video has, each removable, and a form for one WebVTT
// file per language (checked here for size, and on the server for the WEBVTT header and UTF-8).
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { removeLessonCaption, uploadLessonCaption, type CaptionActionResult } from "@/lib/media/admin-caption-actions";
import { CAPTION_LANGUAGES, MAX_CAPTION_BYTES, captionLabel, type CaptionLanguage } from "@/lib/media/captions-format";
import styles from "@/components/admin/course-editor/course-editor.module.css";

const LIMIT = `${Math.round(MAX_CAPTION_BYTES / 1024)} KB`;

export function CaptionsPanel({ lessonId, captions: initial, onChange }: { lessonId: number; captions: string[]; onChange: () => void }) {
  const t = useTranslations("LessonCaptions");
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [captions, setCaptions] = useState(initial);
  const [lang, setLang] = useState<CaptionLanguage>(CAPTION_LANGUAGES.find((l) => !initial.includes(l)) ?? "zh-CN");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: "success" | "error"; text: string } | null>(null);

  const settle = (result: CaptionActionResult, done: string) => {
    if (result.ok) {
      setCaptions(result.captions);
      setMessage({ kind: "success", text: done });
      onChange();
    } else {
      setMessage({ kind: "error", text: t(`error_${result.error}`, { limit: LIMIT }) });
    }
  };

  const upload = async () => {
    const file = fileRef.current?.files?.[0];
    if (!file) return setMessage({ kind: "error", text: t("noFile") });
    if (file.size > MAX_CAPTION_BYTES) return setMessage({ kind: "error", text: t("error_too_large", { limit: LIMIT }) });
    const form = new FormData();
    form.set("lessonId", String(lessonId));
    form.set("lang", lang);
    form.set("file", file);
    setBusy(true);
    try {
      settle(await uploadLessonCaption(form), t("uploaded", { language: captionLabel(lang) }));
      if (fileRef.current) fileRef.current.value = "";
    } finally {
      setBusy(false);
    }
  };

  const remove = async (l: string) => {
    setBusy(true);
    try {
      settle(await removeLessonCaption(lessonId, l), t("removed", { language: captionLabel(l) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.field} data-testid="captions-panel">
      <h3 className={styles.label}>{t("heading")}</h3>
      <p className={styles.muted}>{t("help", { limit: LIMIT })}</p>
      {captions.length === 0 ? (
        <p className={styles.muted}>{t("none")}</p>
      ) : (
        <ul className={styles.actions} data-testid="captions-list">
          {captions.map((l) => (
            <li key={l} className={styles.inlineField}>
              <span>{captionLabel(l)}</span>
              <Button variant="ghost" size="sm" onClick={() => void remove(l)} disabled={busy} aria-label={t("removeLabel", { language: captionLabel(l) })}>
                {t("remove")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.actions}>
        <label className={styles.inlineField} htmlFor={`${id}-lang`}>
          {t("language")}
        </label>
        <select id={`${id}-lang`} value={lang} onChange={(e) => setLang(e.target.value as CaptionLanguage)} data-testid="caption-lang">
          {CAPTION_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {captionLabel(l)}
            </option>
          ))}
        </select>
        <label className={styles.inlineField} htmlFor={`${id}-file`}>
          {t("file")}
        </label>
        <input id={`${id}-file`} ref={fileRef} type="file" accept=".vtt,text/vtt" data-testid="caption-file" />
        <Button onClick={() => void upload()} loading={busy} data-testid="caption-upload">
          {t("upload")}
        </Button>
      </div>
      {message ? (
        <p role={message.kind === "error" ? "alert" : "status"} className={styles[message.kind]}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
