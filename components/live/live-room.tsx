"use client";
// The live room page's interactive part: the stage (countdown, stream, recording), the pinned announcements,
// the head count, the connection state and the chat. The status follows the clock (a countdown turns into
// the stream at the start, the stream into the recording at the planned end) and any change staff push.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { Announcement, ChatLine } from "@/lib/live/chat-types";
import { chatOpen, effectiveStatus, type LiveStatus } from "@/lib/live/status";
import { LiveChat } from "./live-chat";
import { LiveStage } from "./live-stage";
import styles from "./live-room.module.css";
import { useLiveRoom } from "./use-live-room";

export interface LiveRoomProps {
  lessonId: number;
  userId: number;
  moderator: boolean;
  title: string;
  courseTitle: string;
  lessonHref: string;
  teacherName: string | null;
  session: { status: LiveStatus; startsAt: string; plannedMinutes: number };
  streamSrc: string | null;
  recordingSrc: string | null;
  /** The server's clock when the page was rendered (the test clock in the end-to-end suite). */
  serverNow: number;
  realtimeUrl: string;
  since: string | null;
  history: { lines: ChatLine[]; announcements: Announcement[] };
}

function AnnounceForm({ lessonId }: { lessonId: number }) {
  const t = useTranslations("Live");
  const [text, setText] = useState("");
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setPending(true);
    setFailed(false);
    try {
      const response = await fetch(`/api/v1/admin/live/${lessonId}/announcements`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ body: text }) });
      if (response.ok) setText("");
      else setFailed(true);
    } catch {
      setFailed(true);
    } finally {
      setPending(false);
    }
  };
  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)}>
      <label htmlFor="live-announce-input" className={styles.visuallyHidden}>
        {t("announceLabel")}
      </label>
      <input id="live-announce-input" className={styles.input} value={text} maxLength={500} placeholder={t("announcePlaceholder")} onChange={(e) => setText(e.target.value)} data-testid="announce-input" />
      <Button type="submit" size="sm" variant="secondary" loading={pending} data-testid="announce-send">
        {t("announce")}
      </Button>
      {failed ? (
        <p role="alert" className={styles.error}>
          {t("moderationFailed")}
        </p>
      ) : null}
    </form>
  );
}

export function LiveRoom(props: LiveRoomProps) {
  const t = useTranslations("Live");
  const format = useFormatter();
  const { lessonId, userId, moderator, session } = props;
  const room = useLiveRoom({ lessonId, url: props.realtimeUrl, since: props.since, history: props.history });
  const [now, setNow] = useState(props.serverNow);
  useEffect(() => {
    // The server's clock runs at the browser's pace from the moment the page arrived.
    const offset = props.serverNow - Date.now();
    const timer = setInterval(() => setNow(Date.now() + offset), 1000);
    return () => clearInterval(timer);
  }, [props.serverNow]);
  const startsAt = Date.parse(session.startsAt);
  const current = { status: room.status ?? session.status, startsAt: new Date(startsAt), plannedMinutes: session.plannedMinutes };
  const status = effectiveStatus(current, new Date(now));
  const [danmaku, setDanmaku] = useState(true);

  return (
    <div className={styles.room} data-testid="live-room" data-status={status} data-connection={room.connection}>
      <div className={styles.stage}>
        <p className={styles.eyebrow}>
          <Link href={props.lessonHref}>{props.courseTitle}</Link>
        </p>
        <h1 className={styles.title}>{props.title}</h1>
        <p className={styles.meta}>
          <span className={styles.badge} data-status={status} data-testid="live-status">
            {t(`status_${status}`)}
          </span>
          {props.teacherName ? <span>{t("teacher", { name: props.teacherName })}</span> : null}
          <span>{t("startsAt", { time: format.dateTime(new Date(startsAt), "zoned"), minutes: session.plannedMinutes })}</span>
        </p>
        <LiveStage status={status} startsAt={startsAt} now={now} title={props.title} streamSrc={props.streamSrc} recordingSrc={props.recordingSrc} danmaku={danmaku} fresh={room.fresh} />
        <div className={styles.bar}>
          <span data-testid="presence" data-count={room.presence ?? undefined}>
            {room.presence === null ? t("watchingUnknown") : t("watching", { count: room.presence })}
          </span>
          <span className={styles.connection} data-state={room.connection} data-testid="live-connection" role="status">
            {t(`connection_${room.connection}`)}
          </span>
          {status === "live" ? (
            <button type="button" className={styles.tool} aria-pressed={danmaku} onClick={() => setDanmaku((on) => !on)}>
              {danmaku ? t("danmakuOff") : t("danmakuOn")}
            </button>
          ) : null}
        </div>
      </div>
      <div className={styles.side}>
        <section className={styles.announcements} aria-labelledby="live-announcements-heading">
          <h2 id="live-announcements-heading" className={styles.sideHeading}>
            {t("announcements")}
            {moderator ? <span className={styles.moderatorBadge}>{t("moderator")}</span> : null}
          </h2>
          <ul aria-live="polite" data-testid="announcements" className={styles.pinned}>
            {room.announcements.length === 0 ? <li className={styles.muted}>{t("noAnnouncements")}</li> : null}
            {room.announcements.map((a) => (
              <li key={a.id} data-testid="announcement">
                {a.body}
              </li>
            ))}
          </ul>
          {moderator ? <AnnounceForm lessonId={lessonId} /> : null}
        </section>
        <LiveChat lessonId={lessonId} userId={userId} moderator={moderator} open={chatOpen(current, new Date(now))} lines={room.lines} />
      </div>
    </div>
  );
}
