"use client";
// The live room's state on the page: the chat lines and announcements it was rendered with, kept current by
// the room's channel on the gateway (new lines, deletions, announcements, status changes, the head count).
// The socket resumes from the newest event id it saw, so a reconnect (to any gateway instance) replays what
// was missed; lines are keyed by id, so a replayed one is never shown twice.
import { useEffect, useState } from "react";
import { connectRealtime, type ConnectionState } from "@/lib/realtime/client";
import { roomChannel } from "@/lib/realtime/protocol";
import type { Announcement, ChatLine } from "@/lib/live/chat-types";
import type { LiveStatus } from "@/lib/live/status";

const MAX_LINES = 200;

export interface LiveRoomState {
  lines: ChatLine[];
  announcements: Announcement[];
  presence: number | null;
  connection: ConnectionState;
  /** A status set by staff since the page was rendered (started, ended, cancelled). */
  status: LiveStatus | null;
  /** Lines that arrived live (not history), for the scrolling-comment lane. */
  fresh: ChatLine[];
}

export function useLiveRoom(options: { lessonId: number; url: string; since: string | null; history: { lines: ChatLine[]; announcements: Announcement[] } }): LiveRoomState {
  const { lessonId, url, since, history } = options;
  const [lines, setLines] = useState(history.lines);
  const [announcements, setAnnouncements] = useState(history.announcements);
  const [presence, setPresence] = useState<number | null>(null);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [status, setStatus] = useState<LiveStatus | null>(null);
  const [fresh, setFresh] = useState<ChatLine[]>([]);

  useEffect(() => {
    const channel = roomChannel(lessonId);
    const client = connectRealtime({
      url,
      rooms: [{ channel, since }],
      onState: setConnection,
      onPresence: (ch, n) => ch === channel && setPresence(n),
      // The events since our last id are gone: the page's own render is the way back to a true state.
      onGap: (ch) => ch === channel && window.location.reload(),
      onEvent: (event, ch) => {
        if (ch !== channel) return;
        const data = event.data as Record<string, unknown>;
        if (event.type === "live.message") {
          const line = data as unknown as ChatLine;
          setLines((old) => (old.some((l) => l.id === line.id) ? old : [...old, line].slice(-MAX_LINES)));
          setFresh((old) => [...old, line].slice(-20));
        } else if (event.type === "live.deleted") {
          setLines((old) => old.filter((l) => l.id !== data.id));
          setFresh((old) => old.filter((l) => l.id !== data.id));
        } else if (event.type === "live.announcement") {
          const a = data as unknown as Announcement;
          setAnnouncements((old) => (old.some((x) => x.id === a.id) ? old : [a, ...old]));
        } else if (event.type === "live.status") {
          setStatus(data.status as LiveStatus);
        }
      },
    });
    return () => client.close();
  }, [lessonId, url, since]);

  return { lines, announcements, presence, connection, status, fresh };
}
