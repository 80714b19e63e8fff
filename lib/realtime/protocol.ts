// The real-time gateway's wire protocol, shared by the gateway (lib/realtime/gateway.ts) and the browser client
// (lib/realtime/client.ts). Text frames of JSON only.
//
// Server → client:
//   {"t":"event","ch":"user:12","id":"1733450000000-0","e":{"type":"notification","data":{...}}}
//   {"t":"gap","ch":"user:12"}      the events since the client's last id are no longer kept: reload state
//   {"t":"presence","ch":"room:5","n":326}   how many learners are in the room, across every instance
// Client → server:
//   {"t":"sub","ch":"room:5","since":"1733450000000-0"}   join a channel the learner may join, catching up
//   {"t":"unsub","ch":"room:5"}
// A client's own channel (`user:<id>`) is joined on connect; `?since=<id>` on the URL catches up on it.

/** Stream entry ids as Redis writes them: milliseconds, a dash, a sequence number. */
export const EVENT_ID = /^\d{1,16}-\d{1,10}$/;

/** Channel names: one per learner, one per live room. */
export const CHANNEL = /^(user|room):[1-9]\d{0,15}$/;

export const userChannel = (userId: number) => `user:${userId}`;
export const roomChannel = (roomId: number) => `room:${roomId}`;

/** What an event carries: a type the client dispatches on, and its data. */
export interface RealtimeEvent<D = unknown> {
  type: string;
  data: D;
}

export type ServerFrame = { t: "event"; ch: string; id: string; e: RealtimeEvent } | { t: "gap"; ch: string } | { t: "presence"; ch: string; n: number };

export type ClientFrame = { t: "sub"; ch: string; since?: string } | { t: "unsub"; ch: string };

/** Close codes the gateway uses (1000-1015 from RFC 6455; 4000-4999 are the application's own). */
export const CLOSE = {
  /** Malformed frame, unknown message, a channel the learner may not join. */
  policy: 1008,
  /** A frame over the size limit (ws closes with it by itself). */
  tooBig: 1009,
  /** Binary frames: the protocol is JSON text. */
  unsupported: 1003,
  /** The gateway is stopping, or lost Redis: reconnect (to another instance) and catch up. */
  restart: 1012,
  /** The session was signed out or expired. Do not reconnect with it. */
  sessionEnded: 4001,
} as const;

/** Parses a client frame; null for anything that is not exactly one of the known shapes. */
export function parseClientFrame(text: string): ClientFrame | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const frame = value as Record<string, unknown>;
  if (typeof frame.ch !== "string" || !CHANNEL.test(frame.ch)) return null;
  if (frame.t === "sub") {
    if (frame.since !== undefined && (typeof frame.since !== "string" || !EVENT_ID.test(frame.since))) return null;
    return frame.since === undefined ? { t: "sub", ch: frame.ch } : { t: "sub", ch: frame.ch, since: frame.since };
  }
  if (frame.t === "unsub") return { t: "unsub", ch: frame.ch };
  return null;
}

/** Orders two stream ids (-1, 0, 1). */
export function compareEventIds(a: string, b: string): number {
  const [am, as] = a.split("-").map(BigInt) as [bigint, bigint];
  const [bm, bs] = b.split("-").map(BigInt) as [bigint, bigint];
  if (am !== bm) return am < bm ? -1 : 1;
  if (as !== bs) return as < bs ? -1 : 1;
  return 0;
}
