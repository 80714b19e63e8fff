"use client";
// The room's stage: a countdown before the start, the stream while live (with the scrolling-comment lane over
// it), the recording afterwards, or a plain note when cancelled or not recorded yet. The lane is decoration
// (aria-hidden): the chat log beside it is what assistive technology reads.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { VideoPlayer } from "@/components/media/video-player";
import type { ChatLine } from "@/lib/live/chat-types";
import type { LiveStatus } from "@/lib/live/status";
import styles from "./live-room.module.css";

export interface LiveStageProps {
  status: LiveStatus;
  startsAt: number;
  now: number;
  title: string;
  streamSrc: string | null;
  recordingSrc: string | null;
  danmaku: boolean;
  fresh: ChatLine[];
}

function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

function Lane({ lines }: { lines: ChatLine[] }) {
  // Each live line flies across once; the ones that landed are remembered so a re-render does not relaunch them.
  const [landed, setLanded] = useState<ReadonlySet<number>>(new Set());
  const flying = lines.slice(-12).filter((line) => !landed.has(line.id));
  return (
    <div className={styles.lane} aria-hidden="true">
      {flying.map((line) => (
        <span key={line.id} className={styles.bullet} style={{ top: `${(line.id % 6) * 2.2 + 0.5}rem` }} onAnimationEnd={() => setLanded((old) => new Set(old).add(line.id))}>
          {line.body}
        </span>
      ))}
    </div>
  );
}

export function LiveStage({ status, startsAt, now, title, streamSrc, recordingSrc, danmaku, fresh }: LiveStageProps) {
  const t = useTranslations("Live");
  const tm = useTranslations("LessonMedia");
  const labels = { player: tm("player", { title }), quality: tm("quality"), auto: tm("auto"), speed: tm("speed"), keyboardHelp: tm("keyboardHelp"), loadFailed: tm("loadFailed") };

  if (status === "scheduled") {
    const left = startsAt - now;
    return (
      <div className={styles.poster} data-testid="live-countdown">
        <p className={styles.countdownLabel}>{t("countdownLabel")}</p>
        <p className={styles.countdown} role="timer" aria-live="off">
          {left > 0 ? t("countdown", { time: clock(left) }) : t("startingNow")}
        </p>
      </div>
    );
  }
  if (status === "cancelled") {
    return (
      <div className={styles.poster} data-testid="live-cancelled">
        <p>{t("cancelledNote")}</p>
      </div>
    );
  }
  const src = status === "live" ? streamSrc : recordingSrc;
  if (!src) {
    return (
      <div className={styles.poster}>
        <p>{t("endedNoRecording")}</p>
      </div>
    );
  }
  return (
    <div className={styles.player} data-testid={status === "live" ? "live-stream" : "live-recording"}>
      <VideoPlayer key={src} src={src} title={title} labels={labels} />
      {status === "live" && danmaku ? <Lane lines={fresh} /> : null}
    </div>
  );
}
