"use client";
// Reports an enrolled learner's progress in the lesson they are on: how far through the article they have
// scrolled, or the position of the lesson's video (when the page has one), at most every 15 seconds and once
// more when the page is hidden; and a "mark complete" button. Progress is stored server-side
// (PUT /api/v1/me/progress/{lessonId}), so it follows the learner across reloads and devices.
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import styles from "./progress.module.css";

export interface LessonProgressLabels {
  markComplete: string;
  completed: string;
  saveFailed: string;
  progressLabel: string;
  /** "{done}", "{total}" and "{percent}" are filled in here. */
  courseProgress: string;
  /** "{points}" is filled in here. */
  pointsEarned: string;
}

export interface LessonProgressProps {
  lessonId: number;
  kind: "video" | "article" | "live" | "lab";
  initial: { percent: number; positionSeconds: number; completed: boolean };
  course: { completedLessons: number; totalLessons: number; percent: number };
  labels: LessonProgressLabels;
}

interface ProgressAnswer {
  percent: number;
  completed: boolean;
  points_awarded: number;
  course: { percent: number; completed_lessons: number; total_lessons: number };
}

const REPORT_EVERY_MS = 15_000;
const fill = (template: string, values: Record<string, number>) => template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));

export function LessonProgress({ lessonId, kind, initial, course: initialCourse, labels }: LessonProgressProps) {
  const [completed, setCompleted] = useState(initial.completed);
  const [course, setCourse] = useState(initialCourse);
  const [points, setPoints] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  // What has been seen locally and what the server already has; a report goes out only when they differ.
  const seen = useRef({ percent: initial.percent, position: initial.positionSeconds });
  const sent = useRef({ percent: initial.percent, position: initial.positionSeconds });
  const lastSentAt = useRef(0);

  const send = useCallback(
    async (body: Record<string, unknown>, opts: { keepalive?: boolean } = {}): Promise<ProgressAnswer | null> => {
      const res = await fetch(`/api/v1/me/progress/${lessonId}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        keepalive: opts.keepalive,
        credentials: "same-origin",
      });
      if (!res.ok) throw new Error(`progress ${res.status}`);
      return (await res.json()) as ProgressAnswer;
    },
    [lessonId],
  );

  const flush = useCallback(
    (opts: { keepalive?: boolean; force?: boolean } = {}) => {
      const { percent, position } = seen.current;
      if (percent <= sent.current.percent && position === sent.current.position) return;
      if (!opts.force && Date.now() - lastSentAt.current < REPORT_EVERY_MS) return;
      lastSentAt.current = Date.now();
      sent.current = { percent: Math.max(percent, sent.current.percent), position };
      const body = kind === "video" || kind === "live" ? { percent, position_seconds: position } : { percent };
      send(body, opts).catch(() => undefined); // a lost report is repeated by the next one
    },
    [kind, send],
  );

  const markComplete = useCallback(async () => {
    setBusy(true);
    setFailed(false);
    try {
      const answer = await send({ completed: true });
      if (answer) {
        setCompleted(true);
        setPoints((p) => p + answer.points_awarded);
        setCourse({ completedLessons: answer.course.completed_lessons, totalLessons: answer.course.total_lessons, percent: answer.course.percent });
      }
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }, [send]);

  useEffect(() => {
    const content = document.querySelector<HTMLElement>('[data-testid="lesson-content"]');
    if (!content) return;
    const video = content.querySelector("video");
    let frame = 0;
    const measure = () => {
      frame = 0;
      if (video) {
        if (!Number.isFinite(video.duration) || video.duration <= 0) return;
        seen.current = { position: Math.floor(video.currentTime), percent: Math.max(seen.current.percent, Math.min(100, Math.floor((video.currentTime / video.duration) * 100))) };
      } else {
        const box = content.getBoundingClientRect();
        const read = box.height > 0 ? (window.innerHeight - box.top) / box.height : 1;
        seen.current = { ...seen.current, percent: Math.max(seen.current.percent, Math.round(Math.min(1, Math.max(0, read)) * 100)) };
      }
      flush();
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    const hidden = () => {
      if (document.visibilityState === "hidden") flush({ keepalive: true, force: true });
    };
    const ended = () => void markComplete();
    const target: EventTarget = video ?? window;
    target.addEventListener(video ? "timeupdate" : "scroll", schedule, { passive: true });
    video?.addEventListener("ended", ended);
    document.addEventListener("visibilitychange", hidden);
    window.addEventListener("pagehide", hidden);
    const timer = window.setInterval(() => flush(), REPORT_EVERY_MS);
    schedule();
    return () => {
      if (frame) cancelAnimationFrame(frame);
      target.removeEventListener(video ? "timeupdate" : "scroll", schedule);
      video?.removeEventListener("ended", ended);
      document.removeEventListener("visibilitychange", hidden);
      window.removeEventListener("pagehide", hidden);
      window.clearInterval(timer);
      flush({ keepalive: true, force: true });
    };
  }, [flush, markComplete]);

  return (
    <section className={styles.panel} aria-label={labels.progressLabel} data-testid="lesson-progress" data-completed={completed ? "true" : "false"}>
      <div className={styles.course}>
        <progress className={styles.bar} max={100} value={course.percent} aria-label={labels.progressLabel} />
        <p className={styles.courseText} data-testid="course-progress">
          {fill(labels.courseProgress, { done: course.completedLessons, total: course.totalLessons, percent: course.percent })}
        </p>
      </div>
      <div className={styles.actions}>
        {completed ? (
          <p className={styles.done} data-testid="lesson-completed">
            <span aria-hidden="true">✓ </span>
            {labels.completed}
          </p>
        ) : (
          <Button onClick={markComplete} loading={busy} data-testid="mark-complete">
            {labels.markComplete}
          </Button>
        )}
        <p role="status" className={styles.status}>
          {points > 0 ? <span data-testid="points-earned">{fill(labels.pointsEarned, { points })}</span> : null}
          {failed ? <span className={styles.error}>{labels.saveFailed}</span> : null}
        </p>
      </div>
    </section>
  );
}
