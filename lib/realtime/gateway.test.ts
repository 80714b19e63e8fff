// Two real gateway instances on real sockets and the test profile's Redis: who may connect, fan-out across
// instances, catching up after a reconnect, sign-out closing sockets, and the limits that protect the gateway.
import { generateKeyPair, exportJWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { signToken } from "@/lib/auth/jwt";
import { createKeyRing } from "@/lib/auth/keys";
import { registerSession, revokeAllSessions } from "@/lib/auth/session-registry";
import { createTcpRedis } from "@/lib/redis/tcp";
import { startGateway, type Gateway } from "./gateway";
import { pubsubName } from "./keys";
import { CLOSE, userChannel, type ServerFrame } from "./protocol";
import { publish } from "./publish";

const ORIGIN = "http://localhost:3000";
let nextUser = 800_000 + Math.floor(Math.random() * 50_000);
let one: Gateway;
let two: Gateway;
const allowedRoom = "room:7";

beforeAll(async () => {
  const common = {
    host: "127.0.0.1",
    port: 0,
    allowedOrigins: [ORIGIN],
    redis: () => createTcpRedis(),
    mayJoin: async (_userId: number, channel: string) => channel === allowedRoom,
    pingIntervalMs: 300,
    sessionCheckMs: 200,
    maxBufferedBytes: 64 * 1024,
  };
  [one, two] = await Promise.all([startGateway(common), startGateway(common)]);
});

afterAll(async () => {
  await Promise.all([one?.close(), two?.close()]);
});

async function webToken(userId: number, kind: "web" | "api" = "web") {
  const session = await registerSession(userId, kind, { userAgent: "Vitest", ip: "127.0.0.1" }, 600);
  return { token: await signToken({ sub: String(userId), sid: session.sid, kind }, 600), sid: session.sid };
}

interface Client {
  ws: WebSocket;
  frames: ServerFrame[];
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves once `n` frames have arrived. */
  waitFrames(n: number, timeoutMs?: number): Promise<ServerFrame[]>;
}

function open(gateway: Gateway, opts: { token?: string; origin?: string; since?: string; autoPong?: boolean } = {}): Promise<Client> {
  const url = `ws://127.0.0.1:${gateway.port}/ws${opts.since ? `?since=${opts.since}` : ""}`;
  const headers: Record<string, string> = { origin: opts.origin ?? ORIGIN };
  if (opts.token) headers.cookie = `theme=dark; authjs.session-token=${opts.token}`;
  const ws = new WebSocket(url, { headers, autoPong: opts.autoPong ?? true });
  const frames: ServerFrame[] = [];
  const waiters: Array<() => void> = [];
  ws.on("message", (data) => {
    frames.push(JSON.parse(String(data)) as ServerFrame);
    for (const w of waiters.splice(0)) w();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on("close", (code, reason) => resolve({ code, reason: String(reason) })));
  const client: Client = {
    ws,
    frames,
    closed,
    waitFrames: (n, timeoutMs = 3_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`waited for ${n} frames, got ${frames.length}: ${JSON.stringify(frames)}`)), timeoutMs);
        const check = () => {
          if (frames.length >= n) {
            clearTimeout(timer);
            resolve(frames.slice(0, n));
          } else waiters.push(check);
        };
        check();
      }),
  };
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve(client));
    ws.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once("error", reject);
  });
}

/** Resolves when the channel has a subscriber on `count` gateway instances (a join is asynchronous). */
async function subscribers(channel: string, count: number): Promise<void> {
  const tcp = createTcpRedis();
  try {
    for (let i = 0; i < 100; i++) {
      const [, n] = (await tcp.call("PUBSUB", "NUMSUB", pubsubName(channel))) as [string, number];
      if (n >= count) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`channel ${channel} has fewer than ${count} subscribers`);
  } finally {
    tcp.disconnect();
  }
}

const events = (frames: ServerFrame[]) => frames.filter((f) => f.t === "event").map((f) => (f.t === "event" ? f.e.data : null));

describe("the real-time gateway", () => {
  it("refuses with an HTTP status before the upgrade: no session, a forged, an API or a revoked token, another origin", async () => {
    const userId = nextUser++;
    const { token } = await webToken(userId);
    await expect(open(one, {})).rejects.toThrow("HTTP 401");
    await expect(open(one, { token, origin: "https://evil.example" })).rejects.toThrow("HTTP 403");
    await expect(open(one, { token: `${token.slice(0, -4)}AAAA` })).rejects.toThrow("HTTP 401");
    // Signed by a key the app does not hold, with the same kid.
    const { privateKey } = await generateKeyPair("RS256", { extractable: true });
    const stranger = await createKeyRing(JSON.stringify([{ ...(await exportJWK(privateKey)), kid: "anything" }]));
    const session = await registerSession(userId, "web", { userAgent: "Vitest", ip: "127.0.0.1" }, 600);
    const forged = await signToken({ sub: String(userId), sid: session.sid, kind: "web" }, 600, stranger);
    await expect(open(one, { token: forged })).rejects.toThrow("HTTP 401");
    // "alg":"none" with the right claims.
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    await expect(open(one, { token: `${b64({ alg: "none", typ: "JWT" })}.${b64({ sub: String(userId), sid: session.sid, kind: "web" })}.` })).rejects.toThrow("HTTP 401");
    const api = await webToken(userId, "api");
    await expect(open(one, { token: api.token })).rejects.toThrow("HTTP 401");
    await revokeAllSessions(userId);
    await expect(open(one, { token })).rejects.toThrow("HTTP 401");
  });

  it("fans a learner's events out to their sockets on both instances, and to nobody else", async () => {
    const userId = nextUser++;
    const other = nextUser++;
    const { token } = await webToken(userId);
    const a = await open(one, { token });
    const b = await open(two, { token });
    const c = await open(two, { token: (await webToken(other)).token });
    await subscribers(userChannel(userId), 2);
    await subscribers(userChannel(other), 1);
    await publish(userChannel(userId), { type: "test", data: { n: 1 } });
    await publish(userChannel(userId), { type: "test", data: { n: 2 } });
    expect(events(await a.waitFrames(2))).toEqual([{ n: 1 }, { n: 2 }]);
    expect(events(await b.waitFrames(2))).toEqual([{ n: 1 }, { n: 2 }]);
    await publish(userChannel(other), { type: "test", data: { n: 3 } });
    expect(events(await c.waitFrames(1))).toEqual([{ n: 3 }]);
    await new Promise((r) => setTimeout(r, 100));
    expect(a.frames).toHaveLength(2);
    for (const client of [a, b, c]) client.ws.close();
  });

  it("lets learners on different instances share a room they may join, and closes a socket asking for another", async () => {
    const a = await open(one, { token: (await webToken(nextUser++)).token });
    const b = await open(two, { token: (await webToken(nextUser++)).token });
    a.ws.send(JSON.stringify({ t: "sub", ch: allowedRoom }));
    b.ws.send(JSON.stringify({ t: "sub", ch: allowedRoom }));
    await subscribers(allowedRoom, 2);
    await publish(allowedRoom, { type: "chat", data: { text: "你好" } });
    expect(events(await a.waitFrames(1))).toEqual([{ text: "你好" }]);
    expect(events(await b.waitFrames(1))).toEqual([{ text: "你好" }]);
    a.ws.send(JSON.stringify({ t: "sub", ch: "room:8" }));
    expect((await a.closed).code).toBe(CLOSE.policy);
    b.ws.close();
  });

  it("catches a reconnecting client up from its last event id, then carries on live, without doubles", async () => {
    const userId = nextUser++;
    const { token } = await webToken(userId);
    const first = await open(one, { token });
    await subscribers(userChannel(userId), 1);
    await publish(userChannel(userId), { type: "test", data: { n: 1 } });
    const [seen] = await first.waitFrames(1);
    first.ws.close();
    await first.closed;
    await publish(userChannel(userId), { type: "test", data: { n: 2 } });
    await publish(userChannel(userId), { type: "test", data: { n: 3 } });
    const again = await open(two, { token, since: seen!.t === "event" ? seen!.id : "" });
    expect(events(await again.waitFrames(2))).toEqual([{ n: 2 }, { n: 3 }]);
    await subscribers(userChannel(userId), 1);
    await publish(userChannel(userId), { type: "test", data: { n: 4 } });
    expect(events(await again.waitFrames(3))).toEqual([{ n: 2 }, { n: 3 }, { n: 4 }]);
    again.ws.close();
  });

  it("tells a client whose last event is no longer kept to reload", async () => {
    const { token } = await webToken(nextUser++);
    const client = await open(one, { token, since: "1000-0" });
    const [frame] = await client.waitFrames(1);
    expect(frame!.t).toBe("gap");
    client.ws.close();
  });

  it("closes a learner's sockets within seconds of signing out everywhere", async () => {
    const userId = nextUser++;
    const { token } = await webToken(userId);
    const a = await open(one, { token });
    const b = await open(two, { token });
    const started = Date.now();
    await revokeAllSessions(userId);
    expect((await a.closed).code).toBe(CLOSE.sessionEnded);
    expect((await b.closed).code).toBe(CLOSE.sessionEnded);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("closes its sockets when Redis drops it, takes them back once it returns, and they catch up", async () => {
    const userId = nextUser++;
    const { token } = await webToken(userId);
    const before = await open(one, { token });
    await subscribers(userChannel(userId), 1);
    await publish(userChannel(userId), { type: "test", data: { n: 1 } });
    const [seen] = await before.waitFrames(1);
    const tcp = createTcpRedis();
    try {
      await tcp.call("CLIENT", "KILL", "TYPE", "pubsub");
    } finally {
      tcp.disconnect();
    }
    expect((await before.closed).code).toBe(CLOSE.restart);
    await publish(userChannel(userId), { type: "test", data: { n: 2 } });
    // The client's retries: refused (503) until the gateway's subscriber is back, then caught up.
    let after: Client | null = null;
    for (let i = 0; i < 50 && !after; i++) after = await open(one, { token, since: seen!.t === "event" ? seen!.id : "" }).catch(() => new Promise<null>((r) => setTimeout(() => r(null), 100)));
    expect(events(await after!.waitFrames(1))).toEqual([{ n: 2 }]);
    await subscribers(userChannel(userId), 1);
    await publish(userChannel(userId), { type: "test", data: { n: 3 } });
    expect(events(await after!.waitFrames(2))).toEqual([{ n: 2 }, { n: 3 }]);
    after!.ws.close();
  });

  it("closes malformed, binary and oversized frames with policy codes", async () => {
    const { token } = await webToken(nextUser++);
    const malformed = await open(one, { token });
    malformed.ws.send("{not json");
    expect((await malformed.closed).code).toBe(CLOSE.policy);
    const unknown = await open(one, { token });
    unknown.ws.send(JSON.stringify({ t: "sub", ch: "user:1 OR 1=1" }));
    expect((await unknown.closed).code).toBe(CLOSE.policy);
    const binary = await open(one, { token });
    binary.ws.send(Buffer.from([1, 2, 3]));
    expect((await binary.closed).code).toBe(CLOSE.unsupported);
    const big = await open(one, { token });
    big.ws.send(JSON.stringify({ t: "sub", ch: allowedRoom, pad: "x".repeat(10_000) }));
    expect((await big.closed).code).toBe(CLOSE.tooBig);
  });

  it("drops a peer that stops answering pings", async () => {
    const userId = nextUser++;
    const { token } = await webToken(userId);
    const silent = await open(one, { token, autoPong: false });
    const answering = await open(one, { token });
    expect(one.connections(userId)).toBe(2);
    const { code } = await silent.closed;
    expect(code).toBe(1006); // terminated: no close frame
    // The gateway forgets it as soon as its side of the socket has closed too.
    for (let i = 0; i < 50 && one.connections(userId) > 1; i++) await new Promise((r) => setTimeout(r, 10));
    expect(one.connections(userId)).toBe(1);
    expect(answering.ws.readyState).toBe(WebSocket.OPEN);
    answering.ws.close();
  });

  it("drops a client that does not read instead of buffering for it", async () => {
    const userId = nextUser++;
    const { token } = await webToken(userId);
    const slow = await open(one, { token });
    await subscribers(userChannel(userId), 1);
    // Stop reading: the kernel's buffers fill, then the gateway's.
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const tcp = createTcpRedis();
    const payload = JSON.stringify({ type: "test", data: { pad: "x".repeat(32 * 1024) } });
    let sent = 0;
    while (sent < 800 && one.connections(userId) > 0) await tcp.publish(pubsubName(userChannel(userId)), `${++sent}-0|${payload}`);
    tcp.disconnect();
    for (let i = 0; i < 50 && one.connections(userId) > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(one.connections(userId)).toBe(0);
    // Dropped well before everything was sent: about the kernel's buffers plus the limit, not 25 MB.
    expect(sent).toBeLessThan(800);
    slow.ws.terminate();
  });
});
