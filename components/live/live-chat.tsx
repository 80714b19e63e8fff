"use client";
// The chat column: the log of lines (role="log", announced politely as lines arrive), the box to send one,
// and for moderators a delete and a mute button on each line. Lines are text nodes: HTML typed into the chat
// shows as typed. A refused line says why (too fast, muted, words not allowed) next to the box.
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { ChatLine } from "@/lib/live/chat-types";
import { MAX_CHAT_CHARS } from "@/lib/live/schemas";
import styles from "./live-room.module.css";

const MUTE_CHOICES = [5, 10, 30, 60] as const;

async function errorOf(response: Response): Promise<{ code: string; retryAfterSeconds?: number }> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; details?: { retryAfterSeconds?: number } } } | null;
  return { code: (body?.error?.code ?? "").toLowerCase(), retryAfterSeconds: body?.error?.details?.retryAfterSeconds ?? Number(response.headers.get("retry-after") ?? 0) };
}

export function LiveChat({ lessonId, userId, moderator, open, lines }: { lessonId: number; userId: number; moderator: boolean; open: boolean; lines: ChatLine[] }) {
  const t = useTranslations("Live");
  const format = useFormatter();
  const [text, setText] = useState("");
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<{ tone: "status" | "alert"; text: string } | null>(null);
  const logRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [lines.length]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || sending) return;
    setSending(true);
    setNotice(null);
    try {
      const response = await fetch(`/api/v1/live/${lessonId}/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ body: text }) });
      if (response.ok) setText("");
      else {
        const { code, retryAfterSeconds = 0 } = await errorOf(response);
        const message =
          code === "rate_limited"
            ? t("error_rate_limited", { seconds: retryAfterSeconds })
            : code === "muted"
              ? t("error_muted", { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) })
              : code === "sensitive"
                ? t("error_sensitive")
                : code === "closed"
                  ? t("error_closed")
                  : code === "not_in_room"
                    ? t("error_not_in_room")
                    : code === "validation_failed"
                      ? t("error_invalid")
                      : t("error_unavailable");
        setNotice({ tone: "alert", text: message });
      }
    } catch {
      setNotice({ tone: "alert", text: t("error_unavailable") });
    } finally {
      setSending(false);
    }
  };

  const moderate = async (url: string, init: RequestInit, done?: string) => {
    try {
      const response = await fetch(url, { ...init, headers: { "content-type": "application/json" } });
      setNotice(response.ok ? (done ? { tone: "status", text: done } : null) : { tone: "alert", text: t("moderationFailed") });
    } catch {
      setNotice({ tone: "alert", text: t("moderationFailed") });
    }
  };

  return (
    <section className={styles.chat} aria-labelledby="live-chat-heading">
      <h2 id="live-chat-heading" className={styles.sideHeading}>
        {t("chat")}
      </h2>
      <ol ref={logRef} className={styles.log} role="log" aria-live="polite" aria-relevant="additions" data-testid="chat-log">
        {lines.length === 0 ? <li className={styles.muted}>{t("chatEmpty")}</li> : null}
        {lines.map((line) => (
          <li key={line.id} className={styles.line} data-testid="chat-line" data-id={line.id} data-own={line.userId === userId ? true : undefined}>
            <span className={styles.who}>{line.name}</span>
            <span className={styles.body}>{line.body}</span>
            {moderator ? (
              <span className={styles.tools}>
                <button type="button" className={styles.tool} aria-label={t("deleteMessageLabel", { name: line.name })} data-testid="delete-line" onClick={() => void moderate(`/api/v1/admin/live/${lessonId}/messages/${line.id}`, { method: "DELETE" })}>
                  {t("deleteMessage")}
                </button>
                {line.userId !== userId ? (
                  <select
                    className={styles.tool}
                    aria-label={t("muteLabel", { name: line.name })}
                    data-testid="mute-line"
                    value=""
                    onChange={(e) => {
                      const minutes = Number(e.target.value);
                      if (minutes > 0)
                        void moderate(`/api/v1/admin/live/${lessonId}/mutes`, { method: "POST", body: JSON.stringify({ userId: line.userId, minutes }) }, t("muted", { name: line.name, time: format.dateTime(new Date(Date.now() + minutes * 60_000), "zoned") }));
                    }}
                  >
                    <option value="">{t("mute")}</option>
                    {MUTE_CHOICES.map((m) => (
                      <option key={m} value={m}>
                        {t("muteMinutes", { minutes: m })}
                      </option>
                    ))}
                  </select>
                ) : null}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {open ? (
        <form className={styles.form} onSubmit={(e) => void send(e)}>
          <label htmlFor="live-chat-input" className={styles.visuallyHidden}>
            {t("chatLabel")}
          </label>
          <input id="live-chat-input" className={styles.input} value={text} maxLength={MAX_CHAT_CHARS} placeholder={t("chatPlaceholder", { max: MAX_CHAT_CHARS })} onChange={(e) => setText(e.target.value)} data-testid="chat-input" autoComplete="off" />
          <Button type="submit" size="sm" loading={sending} data-testid="chat-send">
            {t("send")}
          </Button>
        </form>
      ) : (
        <p className={styles.muted}>{t("chatClosed")}</p>
      )}
      {notice ? (
        <p role={notice.tone} className={notice.tone === "alert" ? styles.error : styles.success} data-testid="chat-notice">
          {notice.text}
        </p>
      ) : null}
    </section>
  );
}
