// The gateway's live labs: for each one an SSH connection to the lab host, the shell's channel, and whichever
// browser socket is attached to it right now. A lab outlives its socket: a learner who reloads or loses the
// connection comes back (with a fresh ticket) to the same shell within the idle window, and sees the recent
// output again. A lab ends on `exit`, after the idle timeout, at its hard maximum, when an admin ends it, when
// it floods its output, or when the gateway stops; then its account's processes die and its home is wiped.
//
// Output is back-pressured: past `maxBufferedBytes` unsent to the browser the channel is paused (sshd stops
// reading the pty, so the learner's program blocks). A lab that still pushes more than `floodBytes` within
// `floodWindowMs` to a browser that keeps up is ended: nobody reads that much terminal output.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Redis as IORedis } from "ioredis";
import type { Client, ClientChannel } from "ssh2";
import type { WebSocket } from "ws";
import { logger } from "@/lib/log";
import type { LabHostSettings } from "./config";
import { labUsage, prepareLab, releaseLab } from "./host";
import { accountLeaseKey, endRequestsKey, liveKey, parseLiveLab, userLeaseKey, type LiveLab } from "./leases";
import { LAB_CLOSE, parseLabClientFrame, type LabEndReason, type LabServerFrame } from "./protocol";
import { connectLab, newLabKeys, openMode, runMode } from "./ssh";
import { recordLabEnd, recordLabStart, type LabDefinition } from "./store";

const log = logger.child({ component: "labs" });

export interface LabManagerOptions {
  settings: LabHostSettings;
  tcp: IORedis;
  tickMs?: number;
  maxBufferedBytes?: number;
  floodBytes?: number;
  floodWindowMs?: number;
  scrollbackBytes?: number;
}

interface Live {
  token: string;
  sessionId: number;
  userId: number;
  lessonId: number;
  account: string;
  client: Client;
  channel: ClientChannel;
  ws: WebSocket | null;
  scrollback: Buffer[];
  scrollbackSize: number;
  startedAt: number;
  hardAt: number;
  lastInput: number;
  windowStart: number;
  windowBytes: number;
  checksPassed: number;
  checking: boolean;
  paused: boolean;
  ending: boolean;
}

export type AttachResult = { ok: true } | { ok: false; code: number; reason: string };

export class LabManager {
  private readonly live = new Map<string, Live>();
  private readonly byUser = new Map<number, Live>();
  private readonly starting = new Set<number>();
  private readonly timer: NodeJS.Timeout;
  private ticks = 0;
  private readonly tickMs: number;
  private readonly maxBuffered: number;
  private readonly floodBytes: number;
  private readonly floodWindowMs: number;
  private readonly scrollbackBytes: number;

  constructor(private readonly options: LabManagerOptions) {
    this.tickMs = options.tickMs ?? 250;
    this.maxBuffered = options.maxBufferedBytes ?? 256 * 1024;
    this.floodBytes = options.floodBytes ?? 8 * 1024 * 1024;
    this.floodWindowMs = options.floodWindowMs ?? 10_000;
    this.scrollbackBytes = options.scrollbackBytes ?? 64 * 1024;
    this.timer = setInterval(() => void this.tick().catch((error: unknown) => log.warn({ err: error }, "lab tick failed")), this.tickMs);
  }

  get size(): number {
    return this.live.size;
  }

  /** Live labs of this gateway, for tests and the health endpoint. */
  sessions(): Array<{ userId: number; lessonId: number; account: string; sessionId: number }> {
    return [...this.live.values()].map(({ userId, lessonId, account, sessionId }) => ({ userId, lessonId, account, sessionId }));
  }

  /**
   * Forgets leases of this host's accounts left by a previous run (which ended with its process): their
   * processes are killed and homes wiped, their sessions recorded as ended. One gateway owns a lab host.
   */
  async recover(): Promise<void> {
    const { settings, tcp } = this.options;
    const entries = await tcp.hgetall(liveKey());
    for (const [token, raw] of Object.entries(entries)) {
      const lab = parseLiveLab(raw);
      if (!lab || !settings.accounts.includes(lab.account)) continue;
      await tcp.hdel(liveKey(), token);
      if ((await tcp.get(userLeaseKey(lab.userId))) === token) await tcp.del(userLeaseKey(lab.userId));
      await recordLabEnd(lab.sessionId, "gateway_stopped", 0).catch(() => undefined);
    }
    for (const account of settings.accounts) {
      await tcp.del(accountLeaseKey(account));
      releaseLab(settings, account);
    }
  }

  /** Attaches a browser socket to the learner's lab of this lesson, starting the lab when there is none. */
  async attach(ws: WebSocket, userId: number, definition: LabDefinition, ip: string): Promise<AttachResult> {
    const existing = this.byUser.get(userId);
    if (existing && existing.lessonId === definition.lessonId && !existing.ending) {
      this.bind(existing, ws, true);
      return { ok: true };
    }
    if (this.starting.has(userId)) return { ok: false, code: LAB_CLOSE.busy, reason: "starting" };
    this.starting.add(userId);
    try {
      // One live lab per learner: opening another lesson's lab ends the first.
      if (existing) await this.end(existing, "closed");
      const live = await this.start(userId, definition, ip);
      if (!live) return { ok: false, code: LAB_CLOSE.busy, reason: "all labs busy" };
      this.bind(live, ws, false);
      return { ok: true };
    } finally {
      this.starting.delete(userId);
    }
  }

  private async start(userId: number, definition: LabDefinition, ip: string): Promise<Live | null> {
    const { settings, tcp } = this.options;
    const token = randomUUID();
    const maxMs = Math.min(definition.limits.minutes * 60_000, settings.maxMs);
    const ttl = maxMs + 60_000;
    if ((await tcp.set(userLeaseKey(userId), token, "PX", ttl, "NX")) !== "OK") {
      // A lease of a lab this gateway does not hold (another gateway's, or one being ended): wait for it.
      return null;
    }
    let account: string | null = null;
    for (const candidate of settings.accounts) {
      if ((await tcp.set(accountLeaseKey(candidate), token, "PX", ttl, "NX")) === "OK") {
        account = candidate;
        break;
      }
    }
    if (!account) {
      await tcp.del(userLeaseKey(userId));
      return null;
    }
    let client: Client | null = null;
    try {
      const keys = newLabKeys();
      prepareLab(settings, account, { publicKey: keys.publicKey, limits: definition.limits, setupScript: definition.setupScript, checkCommand: definition.checkCommand });
      client = await connectLab(settings, account, keys);
      if (definition.setupScript.trim()) {
        const setup = await runMode(client, "setup", "", 30_000);
        if (setup.code !== 0) log.warn({ lesson: definition.lessonId, code: setup.code }, "a lab's setup script failed");
      }
      const channel = await openMode(client, "shell", { cols: 100, rows: 30 });
      const sessionId = await recordLabStart(userId, definition.lessonId, account, ip);
      const now = Date.now();
      const live: Live = {
        token,
        sessionId,
        userId,
        lessonId: definition.lessonId,
        account,
        client,
        channel,
        ws: null,
        scrollback: [],
        scrollbackSize: 0,
        startedAt: now,
        hardAt: now + maxMs,
        lastInput: now,
        windowStart: now,
        windowBytes: 0,
        checksPassed: 0,
        checking: false,
        paused: false,
        ending: false,
      };
      this.live.set(token, live);
      this.byUser.set(userId, live);
      client.on("error", (error: Error) => log.warn({ err: error, session: sessionId }, "lab SSH connection error"));
      client.on("close", () => void this.end(live, "closed"));
      channel.on("data", (chunk: Buffer) => this.output(live, chunk));
      channel.stderr.on("data", (chunk: Buffer) => this.output(live, chunk));
      channel.on("close", () => void this.end(live, "closed"));
      await this.publish(live);
      log.info({ session: sessionId, user: userId, lesson: definition.lessonId, account }, "lab started");
      return live;
    } catch (error) {
      log.error({ err: error, user: userId, account }, "starting a lab failed");
      client?.end();
      releaseLab(settings, account);
      await tcp.del(accountLeaseKey(account), userLeaseKey(userId));
      throw error;
    }
  }

  private bind(live: Live, ws: WebSocket, resumed: boolean): void {
    const previous = live.ws;
    live.ws = ws;
    if (previous && previous !== ws) previous.close(LAB_CLOSE.replaced, "opened elsewhere");
    this.sendFrame(live, { t: "ready", resumed });
    if (resumed && live.scrollbackSize > 0) ws.send(Buffer.concat(live.scrollback));
    ws.on("message", (data: Buffer, isBinary: boolean) => {
      if (live.ws !== ws || live.ending) return;
      if (isBinary) {
        live.lastInput = Date.now();
        live.channel.write(data);
        return;
      }
      const frame = parseLabClientFrame(data.toString("utf8"));
      if (!frame) return void ws.close(LAB_CLOSE.policy, "malformed frame");
      if (frame.t === "resize") live.channel.setWindow(frame.rows, frame.cols, 0, 0);
      else void this.check(live);
    });
    ws.on("close", () => {
      if (live.ws === ws) live.ws = null;
    });
    // The browser may have left while the lab was starting: the lab waits, detached, for its return.
    if (ws.readyState !== ws.OPEN && live.ws === ws) live.ws = null;
  }

  private sendFrame(live: Live, frame: LabServerFrame): void {
    if (live.ws && live.ws.readyState === live.ws.OPEN) live.ws.send(JSON.stringify(frame));
  }

  private output(live: Live, chunk: Buffer): void {
    if (live.ending) return;
    const now = Date.now();
    if (now - live.windowStart > this.floodWindowMs) {
      live.windowStart = now;
      live.windowBytes = 0;
    }
    live.windowBytes += chunk.length;
    if (live.windowBytes > this.floodBytes) return void this.end(live, "flood");
    live.scrollback.push(chunk);
    live.scrollbackSize += chunk.length;
    while (live.scrollbackSize > this.scrollbackBytes && live.scrollback.length > 1) live.scrollbackSize -= live.scrollback.shift()!.length;
    const ws = live.ws;
    if (!ws || ws.readyState !== ws.OPEN) return;
    ws.send(chunk);
    if (ws.bufferedAmount > this.maxBuffered && !live.paused) {
      live.paused = true;
      live.channel.pause();
    }
  }

  private async check(live: Live): Promise<void> {
    if (live.checking) return;
    live.checking = true;
    try {
      const result = await runMode(live.client, "check", "", 30_000);
      const ok = result.code === 0;
      if (ok) live.checksPassed++;
      this.sendFrame(live, { t: "check", ok, output: result.output.slice(-4000) });
    } catch (error) {
      log.warn({ err: error, session: live.sessionId }, "a lab check failed to run");
      this.sendFrame(live, { t: "check", ok: false, output: "" });
    } finally {
      live.checking = false;
    }
  }

  private async publish(live: Live, usage?: { memoryBytes: number | null; cpuSeconds: number | null }): Promise<void> {
    const entry: LiveLab = {
      token: live.token,
      sessionId: live.sessionId,
      userId: live.userId,
      lessonId: live.lessonId,
      account: live.account,
      startedAt: live.startedAt,
      lastInput: live.lastInput,
      connected: live.ws !== null,
      memoryBytes: usage?.memoryBytes ?? null,
      cpuSeconds: usage?.cpuSeconds ?? null,
    };
    await this.options.tcp.hset(liveKey(), live.token, JSON.stringify(entry));
  }

  async end(live: Live, reason: LabEndReason): Promise<void> {
    if (live.ending) return;
    live.ending = true;
    this.live.delete(live.token);
    if (this.byUser.get(live.userId) === live) this.byUser.delete(live.userId);
    this.sendFrame(live, { t: "ended", reason });
    live.ws?.close(LAB_CLOSE.ended, reason);
    live.client.end();
    const { settings, tcp } = this.options;
    try {
      releaseLab(settings, live.account);
    } catch (error) {
      log.error({ err: error, account: live.account }, "releasing a lab account failed");
    }
    try {
      await tcp.hdel(liveKey(), live.token);
      if ((await tcp.get(userLeaseKey(live.userId))) === live.token) await tcp.del(userLeaseKey(live.userId));
      await tcp.del(accountLeaseKey(live.account));
      await recordLabEnd(live.sessionId, reason, live.checksPassed);
    } catch (error) {
      log.error({ err: error, session: live.sessionId }, "recording a lab's end failed");
    }
    log.info({ session: live.sessionId, reason }, "lab ended");
  }

  private async tick(): Promise<void> {
    const now = Date.now();
    const { settings, tcp } = this.options;
    for (const live of [...this.live.values()]) {
      if (live.paused && (!live.ws || live.ws.bufferedAmount < this.maxBuffered / 4)) {
        live.paused = false;
        live.channel.resume();
      }
      if (now >= live.hardAt) void this.end(live, "time_limit");
      else if (now - live.lastInput >= settings.idleMs) void this.end(live, "idle");
    }
    // Every second or so: admins' end requests, and each lab's usage for the admin list.
    if (++this.ticks % Math.max(1, Math.round(1000 / this.tickMs)) !== 0 || this.live.size === 0) return;
    const requested = new Set(await tcp.smembers(endRequestsKey()));
    for (const live of [...this.live.values()]) {
      if (requested.has(live.token)) {
        await tcp.srem(endRequestsKey(), live.token);
        void this.end(live, "ended_by_admin");
        continue;
      }
      await this.publish(live, labUsage(settings, live.account));
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...this.live.values()].map((live) => this.end(live, "gateway_stopped")));
  }
}
