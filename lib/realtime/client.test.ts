// The browser client (client.ts) against a real gateway, with `ws` standing in for the browser's WebSocket
// (sending the cookie and origin a browser would): it reports its state, comes back by itself after the
// gateway loses Redis and catches up on what it missed, and stays away once its session has ended.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WS from "ws";
import { signToken } from "@/lib/auth/jwt";
import { registerSession, revokeAllSessions } from "@/lib/auth/session-registry";
import { createTcpRedis } from "@/lib/redis/tcp";
import { connectRealtime, type ConnectionState } from "./client";
import { startGateway, type Gateway } from "./gateway";
import { redisPresence } from "./presence";
import { roomChannel, userChannel, type RealtimeEvent } from "./protocol";
import { publish } from "./publish";

const ORIGIN = "http://localhost:3000";
let gateway: Gateway;
let cookie = "";
const presenceRedis = createTcpRedis();
const holder = globalThis as unknown as { WebSocket?: unknown };

beforeAll(async () => {
  gateway = await startGateway({
    host: "127.0.0.1",
    port: 0,
    allowedOrigins: [ORIGIN],
    redis: () => createTcpRedis(),
    sessionCheckMs: 200,
    // Rooms 900000-999999 are open to everyone here; the live room's own rule is tested in lib/live.
    mayJoin: async (_userId, channel) => /^room:9\d{5}$/.test(channel),
    presence: redisPresence(presenceRedis),
    presenceIntervalMs: 200,
  });
  holder.WebSocket = class extends WS {
    constructor(url: string | URL) {
      super(url, { headers: { origin: ORIGIN, cookie } });
    }
  };
});

afterAll(async () => {
  delete holder.WebSocket;
  await gateway?.close();
  presenceRedis.disconnect();
});

async function until(what: string, check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("the browser's real-time client", () => {
  it("reconnects by itself after the gateway loses Redis, catches up, and stops for good when the session ends", { timeout: 60_000 }, async () => {
    const userId = 700_000 + Math.floor(Math.random() * 50_000);
    const session = await registerSession(userId, "web", { userAgent: "Vitest", ip: "127.0.0.1" }, 600);
    cookie = `authjs.session-token=${await signToken({ sub: String(userId), sid: session.sid, kind: "web" }, 600)}`;
    const states: ConnectionState[] = [];
    const seen: unknown[] = [];
    const client = connectRealtime({
      url: `ws://127.0.0.1:${gateway.port}/ws`,
      onEvent: (event: RealtimeEvent) => seen.push(event.data),
      onState: (state) => states.push(state),
    });
    try {
      await until("open", () => states.at(-1) === "open");
      await until("subscribed", () => gateway.connections(userId) === 1);
      await new Promise((r) => setTimeout(r, 100));
      await publish(userChannel(userId), { type: "test", data: 1 });
      await until("the first event", () => seen.length === 1);

      const tcp = createTcpRedis();
      await tcp.call("CLIENT", "KILL", "TYPE", "pubsub").finally(() => tcp.disconnect());
      await until("reconnecting", () => states.includes("reconnecting"));
      await publish(userChannel(userId), { type: "test", data: 2 });
      // The retries back off with full jitter (up to 1, 2, 4, 8 s): while the gateway resubscribes, a few may be
      // refused, so coming back can take several seconds on a busy machine.
      await until("open again with the missed event", () => states.at(-1) === "open" && seen.length === 2, 30_000);
      expect(seen).toEqual([1, 2]);

      await revokeAllSessions(userId);
      await until("ended", () => states.at(-1) === "ended");
      await new Promise((r) => setTimeout(r, 1_500));
      expect(states.at(-1)).toBe("ended");
      expect(gateway.connections(userId)).toBe(0);
    } finally {
      client.close();
    }
  });
});

describe("rooms on the browser's client", () => {
  it("joins its rooms on every connect from the last event it saw, and reports the room's head count", { timeout: 60_000 }, async () => {
    const userId = 760_000 + Math.floor(Math.random() * 50_000);
    const room = roomChannel(900_000 + Math.floor(Math.random() * 99_999));
    const session = await registerSession(userId, "web", { userAgent: "Vitest", ip: "127.0.0.1" }, 600);
    cookie = `authjs.session-token=${await signToken({ sub: String(userId), sid: session.sid, kind: "web" }, 600)}`;
    // An event before the page was rendered: the page starts from it, so it is not delivered again.
    const before = await publish(room, { type: "test", data: "before" });
    const states: ConnectionState[] = [];
    const seen: unknown[] = [];
    const counts: number[] = [];
    const client = connectRealtime({
      url: `ws://127.0.0.1:${gateway.port}/ws`,
      rooms: [{ channel: room, since: before }],
      onEvent: (event, channel) => channel === room && seen.push(event.data),
      onPresence: (channel, n) => channel === room && counts.push(n),
      onState: (state) => states.push(state),
    });
    try {
      await until("the head count", () => counts.length > 0);
      expect(counts[0]).toBe(1);
      await publish(room, { type: "test", data: 1 });
      await until("the first room event", () => seen.length === 1);

      const tcp = createTcpRedis();
      await tcp.call("CLIENT", "KILL", "TYPE", "pubsub").finally(() => tcp.disconnect());
      await until("reconnecting", () => states.includes("reconnecting"));
      await publish(room, { type: "test", data: 2 });
      await until("the missed room event after the reconnect", () => seen.length === 2, 30_000);
      expect(seen).toEqual([1, 2]);
    } finally {
      client.close();
    }
  });
});
