// The real-time gateway: a plain `ws` server in its own process (a Next.js route handler cannot hold a socket).
// Any number of instances run side by side and share nothing but Redis:
// - an upgrade is refused with a plain HTTP status before any WebSocket exists (upgrade-auth.ts);
// - each socket joins its learner's channel, and rooms it is allowed into; an instance subscribes to a
//   channel's Redis pub/sub while it holds at least one socket on it, so a publish from anywhere reaches every
//   socket on every instance (publish.ts);
// - a socket that (re)connects with its last event id catches up from the channel's stream before live events
//   flow; events arriving meanwhile are held and deduplicated by id, so none is lost or doubled;
// - sessions are re-checked every few seconds: "sign out everywhere" closes the learner's sockets (4001);
// - a protocol ping every 25 s; a peer that has not answered the previous one is dropped;
// - a client that does not read (its unsent bytes past a limit) is dropped rather than grow our memory;
// - frames are small JSON text: oversized ones close with 1009, binary 1003, anything malformed 1008;
// - losing Redis closes every socket with 1012: clients come back (to any instance) and catch up from the stream;
// - with a presence counter, the learners in each room are counted across instances and the count sent to
//   the room's sockets every few seconds (presence.ts).
import "server-only";
import http, { type IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { Redis as IORedis } from "ioredis";
import { WebSocketServer, type WebSocket } from "ws";
import { sessionKey } from "@/lib/auth/session-registry";
import { logger } from "@/lib/log";
import { pubsubName, pubsubPrefix, streamKey } from "./keys";
import { CLOSE, EVENT_ID, compareEventIds, parseClientFrame, userChannel } from "./protocol";
import type { RoomPresence } from "./presence";
import { checkUpgrade } from "./upgrade-auth";

const log = logger.child({ component: "realtime" });

export interface GatewayOptions {
  port: number;
  host: string;
  /** The path sockets are opened on. */
  path?: string;
  /** Page origins allowed to open a socket (the site's own). */
  allowedOrigins: readonly string[];
  /** Makes a TCP Redis connection; called twice (commands, and the pub/sub subscriber). */
  redis: () => IORedis;
  /** May this learner join this room? Rooms are refused when not given. */
  mayJoin?: (userId: number, channel: string) => Promise<boolean>;
  pingIntervalMs?: number;
  sessionCheckMs?: number;
  /** A socket whose unsent bytes pass this is dropped. */
  maxBufferedBytes?: number;
  /** The largest frame a client may send. */
  maxFrameBytes?: number;
  /** Channels one socket may be on, its own included. */
  maxChannels?: number;
  /** Counts learners in rooms across instances; no presence frames without it. */
  presence?: RoomPresence;
  presenceIntervalMs?: number;
}

export interface Gateway {
  port: number;
  /** Open sockets on this instance (of one learner when given). */
  connections(userId?: number): number;
  close(): Promise<void>;
}

interface Conn {
  ws: WebSocket;
  userId: number;
  sid: string;
  alive: boolean;
  channels: Set<string>;
  /** Channels still catching up: live events for them wait here. */
  held: Map<string, Array<{ id: string; frame: string }>>;
  /** The newest event id sent per channel, so a held event already replayed is not sent twice. */
  sent: Map<string, string>;
}

const REPLAY_MAX = 500;

function refuse(socket: Duplex, status: number, reason: string): void {
  const text = http.STATUS_CODES[status] ?? "Error";
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`);
}

const eventFrame = (channel: string, id: string, eventJson: string) => `{"t":"event","ch":${JSON.stringify(channel)},"id":"${id}","e":${eventJson}}`;

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const path = options.path ?? "/ws";
  const pingIntervalMs = options.pingIntervalMs ?? 25_000;
  const sessionCheckMs = options.sessionCheckMs ?? 5_000;
  const maxBufferedBytes = options.maxBufferedBytes ?? 1024 * 1024;
  const maxChannels = options.maxChannels ?? 20;
  const tcp = options.redis();
  const subscriber = options.redis();
  const prefix = pubsubPrefix();
  const conns = new Set<Conn>();
  const byChannel = new Map<string, Set<Conn>>();
  const subscribed = new Map<string, Promise<unknown>>();
  tcp.on("error", (error: Error) => log.warn({ err: error }, "gateway Redis connection error"));
  subscriber.on("error", (error: Error) => log.warn({ err: error }, "gateway subscriber error"));

  const drop = (conn: Conn, code: number, reason: string) => {
    if (conn.ws.readyState === conn.ws.OPEN) conn.ws.close(code, reason);
    // Whatever the peer does with the close frame, its memory goes now: a slow or dead peer may never answer.
    setTimeout(() => conn.ws.terminate(), 1_000).unref();
  };

  const send = (conn: Conn, frame: string) => {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    conn.ws.send(frame);
    if (conn.ws.bufferedAmount > maxBufferedBytes) {
      log.info({ user: conn.userId, buffered: conn.ws.bufferedAmount }, "dropping a client that does not read");
      conn.ws.terminate();
    }
  };

  const deliver = (conn: Conn, channel: string, id: string, frame: string) => {
    const held = conn.held.get(channel);
    if (held) return void held.push({ id, frame });
    const last = conn.sent.get(channel);
    if (last && compareEventIds(id, last) <= 0) return;
    conn.sent.set(channel, id);
    send(conn, frame);
  };

  subscriber.on("message", (name: string, message: string) => {
    const channel = name.slice(prefix.length);
    const members = byChannel.get(channel);
    if (!members) return;
    const bar = message.indexOf("|");
    const id = message.slice(0, bar);
    const frame = eventFrame(channel, id, message.slice(bar + 1));
    for (const conn of members) deliver(conn, channel, id, frame);
  });

  // A lost subscriber means lost events: every client reconnects and catches up from the streams instead.
  let subscriberReady = false;
  subscriber.on("ready", () => (subscriberReady = true));
  subscriber.on("close", () => {
    if (!subscriberReady) return;
    subscriberReady = false;
    if (conns.size > 0) log.warn({ sockets: conns.size }, "lost Redis: closing sockets so clients catch up on reconnect");
    for (const conn of conns) drop(conn, CLOSE.restart, "reconnect");
  });

  async function join(conn: Conn, channel: string, since: string | undefined): Promise<void> {
    if (conn.channels.has(channel)) return;
    conn.channels.add(channel);
    conn.held.set(channel, []);
    let members = byChannel.get(channel);
    if (!members) byChannel.set(channel, (members = new Set()));
    members.add(conn);
    let ready = subscribed.get(channel);
    if (!ready) subscribed.set(channel, (ready = subscriber.subscribe(pubsubName(channel))));
    try {
      await ready;
      if (since) await replay(conn, channel, since);
    } finally {
      const held = conn.held.get(channel) ?? [];
      conn.held.delete(channel);
      for (const event of held) deliver(conn, channel, event.id, event.frame);
    }
    if (channel.startsWith("room:")) void countRoom(channel);
  }

  // Presence: each room this instance holds sockets on, its learners refreshed in Redis, the total sent back.
  async function countRoom(channel: string): Promise<void> {
    const members = byChannel.get(channel);
    if (!options.presence || !members || members.size === 0) return;
    try {
      const n = await options.presence.refresh(channel, [...new Set([...members].map((conn) => conn.userId))]);
      const frame = JSON.stringify({ t: "presence", ch: channel, n });
      for (const conn of byChannel.get(channel) ?? []) if (!conn.held.has(channel)) send(conn, frame);
    } catch (error) {
      log.warn({ err: error, channel }, "counting a room failed");
    }
  }

  async function replay(conn: Conn, channel: string, since: string): Promise<void> {
    const key = streamKey(channel);
    const [entries, info] = await Promise.all([
      tcp.xrange(key, `(${since}`, "+", "COUNT", REPLAY_MAX),
      tcp.call("XINFO", "STREAM", key).catch(() => null) as Promise<unknown[] | null>,
    ]);
    // Events past `since` were trimmed away (or the whole history expired): the client must reload its state.
    const trimmed = info ? String(info[info.indexOf("max-deleted-entry-id") + 1] ?? "0-0") : null;
    if (info === null || (trimmed && EVENT_ID.test(trimmed) && compareEventIds(trimmed, since) > 0) || entries.length === REPLAY_MAX) {
      send(conn, JSON.stringify({ t: "gap", ch: channel }));
    }
    for (const [id, fields] of entries) {
      const eventJson = fields[fields.indexOf("e") + 1];
      if (eventJson === undefined) continue;
      conn.sent.set(channel, id);
      send(conn, eventFrame(channel, id, eventJson));
    }
  }

  function leave(conn: Conn, channel: string): void {
    conn.channels.delete(channel);
    conn.held.delete(channel);
    conn.sent.delete(channel);
    const members = byChannel.get(channel);
    if (!members) return;
    members.delete(conn);
    if (options.presence && channel.startsWith("room:") && ![...members].some((other) => other.userId === conn.userId)) {
      options.presence.leave(channel, conn.userId).catch(() => undefined);
    }
    if (members.size === 0) {
      byChannel.delete(channel);
      subscribed.delete(channel);
      subscriber.unsubscribe(pubsubName(channel)).catch(() => undefined);
    }
  }

  async function onFrame(conn: Conn, data: Buffer, isBinary: boolean): Promise<void> {
    if (isBinary) return drop(conn, CLOSE.unsupported, "text frames only");
    const frame = parseClientFrame(data.toString("utf8"));
    if (!frame) return drop(conn, CLOSE.policy, "malformed frame");
    if (frame.t === "unsub") {
      if (frame.ch !== userChannel(conn.userId)) leave(conn, frame.ch);
      return;
    }
    if (conn.channels.has(frame.ch)) return;
    const allowed = frame.ch.startsWith("room:") && conn.channels.size < maxChannels && options.mayJoin ? await options.mayJoin(conn.userId, frame.ch) : false;
    if (!allowed) return drop(conn, CLOSE.policy, "channel not allowed");
    await join(conn, frame.ch, frame.since);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes ?? 4096, perMessageDeflate: false, clientTracking: false });

  wss.on("connection", (ws: WebSocket, request: IncomingMessage, who: { userId: number; sid: string }) => {
    const conn: Conn = { ws, userId: who.userId, sid: who.sid, alive: true, channels: new Set(), held: new Map(), sent: new Map() };
    conns.add(conn);
    ws.on("pong", () => (conn.alive = true));
    ws.on("message", (data: Buffer, isBinary: boolean) => {
      onFrame(conn, data, isBinary).catch((error: unknown) => {
        log.warn({ err: error, user: conn.userId }, "a client frame failed");
        drop(conn, CLOSE.restart, "try again");
      });
    });
    ws.on("error", () => undefined);
    ws.on("close", () => {
      conns.delete(conn);
      for (const channel of [...conn.channels]) leave(conn, channel);
    });
    const since = new URL(request.url ?? "/", "http://gateway").searchParams.get("since");
    join(conn, userChannel(who.userId), since && EVENT_ID.test(since) ? since : undefined).catch((error: unknown) => {
      log.warn({ err: error, user: who.userId }, "joining the learner's channel failed");
      drop(conn, CLOSE.restart, "try again");
    });
  });

  const server = http.createServer((request, response) => {
    if (request.url === "/health") {
      response.writeHead(subscriberReady ? 200 : 503, { "content-type": "application/json" });
      return void response.end(JSON.stringify({ ok: subscriberReady, sockets: conns.size }));
    }
    response.writeHead(426, { "content-type": "text/plain" }).end("WebSocket only");
  });

  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => undefined);
    const url = new URL(request.url ?? "/", "http://gateway");
    if (url.pathname !== path) return refuse(socket, 404, "not found");
    if (!subscriberReady) return refuse(socket, 503, "not ready");
    checkUpgrade(request, options.allowedOrigins, tcp)
      .then((check) => {
        if (!check.ok) return refuse(socket, check.status, check.reason);
        if (socket.destroyed) return;
        wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request, { userId: check.userId, sid: check.sid }));
      })
      .catch((error: unknown) => {
        log.error({ err: error }, "checking an upgrade failed");
        refuse(socket, 503, "try again");
      });
  });

  const ping = setInterval(() => {
    for (const conn of conns) {
      if (!conn.alive) {
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      conn.ws.ping();
    }
  }, pingIntervalMs);

  const presenceTimer = setInterval(() => {
    for (const channel of byChannel.keys()) if (channel.startsWith("room:")) void countRoom(channel);
  }, options.presenceIntervalMs ?? 10_000);

  // Sessions still registered? One MGET per batch of sockets; a Redis error keeps sockets open (the
  // subscriber's loss closes them anyway when Redis is really gone).
  const checkSessions = async () => {
    const open = [...conns];
    for (let i = 0; i < open.length; i += 500) {
      const batch = open.slice(i, i + 500);
      const values = await tcp.mget(...batch.map((conn) => sessionKey(conn.sid)));
      batch.forEach((conn, j) => {
        if (values[j] === null) drop(conn, CLOSE.sessionEnded, "session ended");
      });
    }
  };
  let checking = false;
  const sessionTimer = setInterval(() => {
    if (checking || conns.size === 0) return;
    checking = true;
    checkSessions()
      .catch((error: unknown) => log.warn({ err: error }, "session re-check failed"))
      .finally(() => (checking = false));
  }, sessionCheckMs);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  // Not ready until the subscriber is: before that, upgrades get 503.
  if (subscriber.status !== "ready") await new Promise<void>((resolve) => subscriber.once("ready", () => resolve()));
  subscriberReady = true;
  log.info({ port, path }, "real-time gateway listening");

  return {
    port,
    connections: (userId) => (userId === undefined ? conns.size : [...conns].filter((conn) => conn.userId === userId).length),
    async close() {
      clearInterval(ping);
      clearInterval(sessionTimer);
      clearInterval(presenceTimer);
      for (const conn of conns) conn.ws.close(CLOSE.restart, "gateway stopping");
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        setTimeout(() => {
          for (const conn of conns) conn.ws.terminate();
        }, 1_000).unref();
      });
      subscriberReady = false;
      subscriber.removeAllListeners("close");
      await Promise.all([subscriber.quit().catch(() => undefined), tcp.quit().catch(() => undefined)]);
    },
  };
}
