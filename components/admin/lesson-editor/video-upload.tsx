"use client";
// The lesson editor's video panel: a resumable upload (tus-js-client: chunks of 8 MB, retried after a dropped
// connection from the offset the server reports), then the transcode's progress polled from the server until
// "ready" or "failed: <reason>" with a retry button, and a preview of the current video. The lesson keeps its
// current video until a new one is ready.
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { Upload, type DetailedError } from "tus-js-client";
import { VideoPlayer } from "@/components/media/video-player";
import { Button } from "@/components/ui/button";
import { CaptionsPanel } from "./captions-panel";
import { lessonVideo, retryLessonVideo, type LessonVideoResult } from "@/lib/media/admin-video-actions";
import styles from "@/components/admin/course-editor/course-editor.module.css";

const CHUNK_BYTES = 8 * 1024 * 1024;
const POLL_MS = 2_000;

type Loaded = Extract<LessonVideoResult, { ok: true }>;
type Sending = { percent: number; resuming: boolean } | null;

/** A video's length as a player shows it: 0:12, 14:03, 1:02:03. */
const clock = (seconds: number) => {
  const s = Math.round(seconds);
  const [h, m, r] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${String(r).padStart(2, "0")}` : `${m}:${String(r).padStart(2, "0")}`;
};

const mb = (bytes: number) => (bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`);

export function VideoUpload({ lessonId, maxBytes, initial }: { lessonId: number; maxBytes: number; initial: Loaded }) {
  const t = useTranslations("LessonMedia");
  const [video, setVideo] = useState<Loaded>(initial);
  const [sending, setSending] = useState<Sending>(null);
  const [error, setError] = useState<string | null>(null);
  const [retrying, setRetrying] = useState(false);
  const uploadRef = useRef<Upload | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const refresh = useCallback(async () => {
    const result = await lessonVideo(lessonId);
    if (result.ok) setVideo(result);
  }, [lessonId]);

  const pending = video.state.pending;
  const busy = pending !== null && (pending.status === "uploaded" || pending.status === "transcoding");
  useEffect(() => {
    if (!busy) return;
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [busy, refresh]);

  const start = async (file: File | undefined) => {
    if (fileRef.current) fileRef.current.value = "";
    if (!file) return;
    setError(null);
    if (file.size === 0) return setError(t("emptyFile"));
    if (file.size > maxBytes) return setError(t("tooLarge", { limit: mb(maxBytes) }));
    const upload = new Upload(file, {
      endpoint: "/api/v1/admin/video-uploads",
      chunkSize: CHUNK_BYTES,
      retryDelays: [0, 1_000, 3_000, 5_000, 10_000, 20_000, 30_000],
      metadata: { lessonId: String(lessonId), filename: file.name, filetype: file.type },
      // A reload or a new tab picks the same file up where it stopped.
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) => setSending({ percent: total > 0 ? Math.floor((sent / total) * 100) : 0, resuming: false }),
      onShouldRetry: (err) => {
        const status = (err as DetailedError).originalResponse?.getStatus() ?? 0;
        // Network drops and server hiccups are retried (from the server's offset); refusals are final.
        const retry = status === 0 || status === 409 || status === 423 || status >= 500;
        if (retry) setSending((s) => ({ percent: s?.percent ?? 0, resuming: true }));
        return retry;
      },
      onError: (err) => {
        uploadRef.current = null;
        setSending(null);
        const response = (err as DetailedError).originalResponse;
        const status = response?.getStatus() ?? 0;
        const reason = status === 415 ? t("notAVideo") : status === 413 ? t("tooLarge", { limit: mb(maxBytes) }) : response?.getBody()?.trim() || err.message;
        setError(t("uploadFailed", { reason }));
      },
      onSuccess: () => {
        uploadRef.current = null;
        setSending(null);
        void refresh();
      },
    });
    uploadRef.current = upload;
    setSending({ percent: 0, resuming: false });
    const previous = await upload.findPreviousUploads();
    if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
    upload.start();
  };

  const cancel = () => {
    void uploadRef.current?.abort(true);
    uploadRef.current = null;
    setSending(null);
  };

  const retry = async () => {
    if (!pending) return;
    setRetrying(true);
    const result = await retryLessonVideo(pending.assetId);
    setRetrying(false);
    if (!result.ok) setError(t(`error_${result.error}`));
    await refresh();
  };

  const { current } = video.state;
  return (
    <section className={styles.panel} aria-labelledby="video-heading" data-testid="video-panel">
      <h2 id="video-heading" className={styles.panelTitle}>
        {t("videoHeading")}
      </h2>
      <p className={styles.muted}>{t("videoHelp", { limit: mb(maxBytes) })}</p>
      {current && video.preview ? (
        <>
          <VideoPlayer src={video.preview.src} poster={video.preview.poster} title={t("videoHeading")} captions={video.preview.captions} labels={{ player: t("player", { title: t("videoHeading") }), quality: t("quality"), auto: t("auto"), speed: t("speed"), keyboardHelp: t("keyboardHelp"), loadFailed: t("loadFailed") }} />
          <p className={styles.muted} data-testid="video-current">
            {t("current", { duration: clock(current.durationSeconds), width: current.width, height: current.height, renditions: current.renditions.map((h) => `${h}p`).join(" / ") })}
          </p>
          <CaptionsPanel key={current.assetId} lessonId={lessonId} captions={current.captions} onChange={() => void refresh()} />
        </>
      ) : (
        <p className={styles.muted}>{t("noVideo")}</p>
      )}
      <div role="status" aria-live="polite" data-testid="video-status" data-status={sending ? "uploading" : (pending?.status ?? (current ? "ready" : "none"))}>
        {sending ? (
          <>
            <progress max={100} value={sending.percent} aria-label={t("uploading", { percent: sending.percent })} />{" "}
            <span>{sending.resuming ? t("resuming") : t("uploading", { percent: sending.percent })}</span>
          </>
        ) : pending?.status === "uploaded" ? (
          <span>{t("waiting")}</span>
        ) : pending?.status === "transcoding" ? (
          <>
            <progress max={100} value={pending.progress} aria-label={t("transcoding", { percent: pending.progress })} /> <span>{t("transcoding", { percent: pending.progress })}</span>
          </>
        ) : pending?.status === "failed" ? (
          <span className={styles.error}>{t("failed", { reason: pending.error ?? "" })}</span>
        ) : current ? (
          <span className={styles.success}>{t("ready")}</span>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
      <div className={styles.actions}>
        <input ref={fileRef} type="file" accept="video/*,.mkv,.ts,.flv" hidden onChange={(e) => void start(e.target.files?.[0])} data-testid="video-file" />
        {sending ? (
          <Button variant="secondary" onClick={cancel}>
            {t("cancelUpload")}
          </Button>
        ) : (
          <Button onClick={() => fileRef.current?.click()} disabled={busy}>
            {current ? t("replaceFile") : t("chooseFile")}
          </Button>
        )}
        {pending?.status === "failed" ? (
          <Button variant="secondary" onClick={() => void retry()} loading={retrying} data-testid="video-retry">
            {t("retry")}
          </Button>
        ) : null}
        {current ? <span className={styles.muted}>{t("replaceNote")}</span> : null}
      </div>
    </section>
  );
}
