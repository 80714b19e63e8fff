// The browser's side of the gateway: one socket per tab, on the learner's own channel. It remembers the last
// event id it saw and sends it on every reconnect, so the gateway replays what was missed. After a drop it
// waits 1 s, 2 s, 4 s … up to 30 s, each wait a random part of that ("full jitter", so a gateway restart does
// not bring every tab back in the same instant); a session that ended (4001) does not come back.
// A page may also join rooms (`rooms`): each is (re)subscribed on every connect from its own last event id.
import { CLOSE, type RealtimeEvent, type ServerFrame } from "./protocol";

export type ConnectionState = "connecting" | "open" | "reconnecting" | "ended";

export interface RealtimeClientOptions {
  /** A path on this site ("/ws") or a ws(s):// URL. */
  url: string;
  /** The newest event the page was rendered with, if any: the first connect catches up from it. */
  since?: string | null;
  onEvent(event: RealtimeEvent, channel: string): void;
  /** The events since the last id are gone: reload what they would have updated. */
  onGap?(channel: string): void;
  onState?(state: ConnectionState): void;
  /** Rooms to join on every connect, each with the newest event id the page was rendered with. */
  rooms?: Array<{ channel: string; since?: string | null }>;
  /** A room's head count (sent by the gateway every few seconds). */
  onPresence?(channel: string, count: number): void;
}

const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

export function backoffDelay(attempt: number, random = Math.random): number {
  return Math.floor(random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt));
}

function absolute(url: string): string {
  if (/^wss?:\/\//.test(url)) return url;
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss:" : "ws:"}//${host}${url}`;
}

export function connectRealtime(options: RealtimeClientOptions): { close(): void } {
  let socket: WebSocket | null = null;
  let lastId = options.since ?? null;
  const roomIds = new Map<string, string | null>((options.rooms ?? []).map((room) => [room.channel, room.since ?? null]));
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const setState = (state: ConnectionState) => options.onState?.(state);

  const open = () => {
    if (stopped) return;
    const url = new URL(absolute(options.url));
    if (lastId) url.searchParams.set("since", lastId);
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      for (const [channel, since] of roomIds) ws.send(JSON.stringify(since ? { t: "sub", ch: channel, since } : { t: "sub", ch: channel }));
      setState("open");
    };
    ws.onmessage = (message) => {
      if (typeof message.data !== "string") return;
      let frame: ServerFrame;
      try {
        frame = JSON.parse(message.data) as ServerFrame;
      } catch {
        return;
      }
      if (frame.t === "gap") return options.onGap?.(frame.ch);
      if (frame.t === "presence") return options.onPresence?.(frame.ch, frame.n);
      if (frame.t !== "event") return;
      if (frame.ch.startsWith("user:")) lastId = frame.id;
      else if (roomIds.has(frame.ch)) roomIds.set(frame.ch, frame.id);
      options.onEvent(frame.e, frame.ch);
    };
    // A refused or failed connection is followed by a close event, which schedules the retry; the error itself
    // needs no handling (and in Node's `ws`, an error without a listener would be thrown).
    ws.onerror = () => undefined;
    ws.onclose = (event) => {
      if (socket !== ws || stopped) return;
      socket = null;
      if (event.code === CLOSE.sessionEnded) return setState("ended");
      setState("reconnecting");
      timer = setTimeout(open, backoffDelay(attempt++));
    };
  };

  setState("connecting");
  open();
  return {
    close() {
      stopped = true;
      clearTimeout(timer);
      socket?.close(1000);
      socket = null;
    },
  };
}
