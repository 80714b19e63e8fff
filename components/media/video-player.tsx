"use client";
// The lesson video player: HLS through hls.js (loaded with the player only), or the browser's own HLS where
// there is no Media Source Extensions (Safari on iOS). Native controls for play, seek, volume and full
// screen, plus a quality menu (automatic or one rendition), playback speed, caption tracks, and keyboard
// keys on the player: Space/K play-pause, ←/→ 5 s, J/L 10 s, ↑/↓ volume, M mute, F full screen, C captions.
// It starts where the learner left off; the lesson's progress reporter (components/progress) watches the
// <video> for position and its end.
import type Hls from "hls.js";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import styles from "./video-player.module.css";

export interface CaptionTrack {
  src: string;
  lang: string;
  label: string;
}

export interface VideoPlayerLabels {
  player: string;
  quality: string;
  auto: string;
  speed: string;
  keyboardHelp: string;
  loadFailed: string;
}

export interface VideoPlayerProps {
  src: string;
  poster?: string;
  title: string;
  /** Seconds to start from (the learner's last position); ignored near the end, where it starts over. */
  startAt?: number;
  captions?: CaptionTrack[];
  labels: VideoPlayerLabels;
}

const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

export function VideoPlayer({ src, poster, title, startAt = 0, captions = [], labels }: VideoPlayerProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const hlsRef = useRef<Hls | null>(null);
  const [levels, setLevels] = useState<number[]>([]);
  const [level, setLevel] = useState(-1);
  const [playing, setPlaying] = useState<number | null>(null);
  const [speed, setSpeed] = useState(1);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let cancelled = false;
    const resume = () => {
      if (startAt > 0 && Number.isFinite(video.duration) && startAt < video.duration - 3) video.currentTime = startAt;
    };
    video.addEventListener("loadedmetadata", resume, { once: true });
    void import("hls.js").then(({ default: HlsClass }) => {
      if (cancelled) return;
      if (!HlsClass.isSupported()) {
        if (video.canPlayType("application/vnd.apple.mpegurl")) video.src = src;
        else setFailed(true);
        return;
      }
      const hls = new HlsClass({ startPosition: startAt > 0 ? startAt : -1, capLevelToPlayerSize: true });
      hlsRef.current = hls;
      hls.on(HlsClass.Events.MANIFEST_PARSED, (_e, data) => setLevels(data.levels.map((l) => l.height)));
      hls.on(HlsClass.Events.LEVEL_SWITCHED, (_e, data) => setPlaying(hls.levels[data.level]?.height ?? null));
      hls.on(HlsClass.Events.ERROR, (_e, data) => {
        if (!data.fatal) return;
        if (data.type === HlsClass.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
        else setFailed(true);
      });
      hls.loadSource(src);
      hls.attachMedia(video);
    });
    return () => {
      cancelled = true;
      video.removeEventListener("loadedmetadata", resume);
      hlsRef.current?.destroy();
      hlsRef.current = null;
    };
  }, [src, startAt]);

  const chooseLevel = (value: number) => {
    setLevel(value);
    const hls = hlsRef.current;
    if (!hls) return;
    // -1: automatic. A chosen rendition applies from the next segment, without a stall.
    hls.nextLevel = value;
    if (value === -1) hls.currentLevel = -1;
  };

  const chooseSpeed = (value: number) => {
    setSpeed(value);
    if (videoRef.current) videoRef.current.playbackRate = value;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const video = videoRef.current;
    if (!video || e.target instanceof HTMLSelectElement || e.altKey || e.ctrlKey || e.metaKey) return;
    const seek = (by: number) => {
      video.currentTime = Math.max(0, Math.min(video.duration || 0, video.currentTime + by));
    };
    const actions: Record<string, () => void> = {
      " ": () => void (video.paused ? video.play() : video.pause()),
      k: () => void (video.paused ? video.play() : video.pause()),
      ArrowLeft: () => seek(-5),
      ArrowRight: () => seek(5),
      j: () => seek(-10),
      l: () => seek(10),
      ArrowUp: () => (video.volume = Math.min(1, video.volume + 0.1)),
      ArrowDown: () => (video.volume = Math.max(0, video.volume - 0.1)),
      m: () => (video.muted = !video.muted),
      f: () => void (document.fullscreenElement ? document.exitFullscreen() : video.requestFullscreen()),
      c: () => {
        const track = video.textTracks[0];
        if (track) track.mode = track.mode === "showing" ? "hidden" : "showing";
      },
    };
    const action = actions[e.key.length === 1 ? e.key.toLowerCase() : e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  return (
    <div className={styles.player} role="group" aria-label={labels.player} tabIndex={0} onKeyDown={onKeyDown} data-testid="video-player" data-playing-height={playing ?? ""}>
      <video ref={videoRef} className={styles.video} controls playsInline preload="metadata" poster={poster} aria-label={title} data-testid="lesson-video">
        {captions.map((c, i) => (
          <track key={c.src} kind="captions" src={c.src} srcLang={c.lang} label={c.label} default={i === 0} />
        ))}
      </video>
      {failed ? (
        <p role="alert" className={styles.error}>
          {labels.loadFailed}
        </p>
      ) : null}
      <div className={styles.bar}>
        <label className={styles.control}>
          {labels.quality}
          <select value={level} onChange={(e) => chooseLevel(Number(e.target.value))} disabled={levels.length === 0} data-testid="video-quality">
            <option value={-1}>{playing && level === -1 ? `${labels.auto} (${playing}p)` : labels.auto}</option>
            {levels.map((h, i) => (
              <option key={h} value={i}>
                {h}p
              </option>
            ))}
          </select>
        </label>
        <label className={styles.control}>
          {labels.speed}
          <select value={speed} onChange={(e) => chooseSpeed(Number(e.target.value))} data-testid="video-speed">
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <span className={styles.help}>{labels.keyboardHelp}</span>
      </div>
    </div>
  );
}
