// The lab socket end to end below the browser: a real gateway with labs on, the test profile's lab host, the
// real MariaDB and Redis. Who may open a lab (tickets, enrolment), the shell itself, reattaching, and the
// limits a lab is ended by (idle, hard maximum, output flood, an admin).
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { db } from "@/db";
import { auditLog, chapters, courses, enrolments, labDefinitions, labSessions, lessons } from "@/db/schema";
import { signToken } from "@/lib/auth/jwt";
import { registerSession } from "@/lib/auth/session-registry";
import { startGateway, type Gateway } from "@/lib/realtime/gateway";
import { createTcpRedis } from "@/lib/redis/tcp";
import { createTestUser } from "@/test/users";
import { labHostSettings } from "./config";
import { accountLeaseKey, endRequestsKey, liveKey, parseLiveLab, userLeaseKey } from "./leases";
import { LabManager } from "./manager";
import { LAB_CLOSE, type LabServerFrame } from "./protocol";
import { issueLabTicket } from "./tickets";
import { labUpgrades } from "./upgrade";

const ORIGIN = "http://localhost:3000";
const IDLE_MS = 4_000;
const MAX_MS = 9_000;
let gateway: Gateway;
let manager: LabManager;
const tcp = createTcpRedis();
let labLesson: number;
let videoLesson: number;

beforeAll(async () => {
  const settings = labHostSettings();
  if (!settings) throw new Error("the test profile's lab host is not configured (LABS_* missing)");
  // The pool's first five accounts: sandbox.test.ts uses the last three.
  manager = new LabManager({ settings: { ...settings, accounts: settings.accounts.slice(0, 5), idleMs: IDLE_MS, maxMs: MAX_MS }, tcp, tickMs: 100, floodBytes: 2 * 1024 * 1024, floodWindowMs: 5_000 });
  await manager.recover();
  gateway = await startGateway({ host: "127.0.0.1", port: 0, allowedOrigins: [ORIGIN], redis: () => createTcpRedis(), labs: labUpgrades(manager, tcp) });

  const [seedCourse] = await db().select().from(courses).limit(1);
  const slug = `lab-test-${randomUUID().slice(0, 8)}`;
  const [course] = await db()
    .insert(courses)
    .values({ slug, title: "Lab test course", description: "<p>x</p>", priceFen: 100, level: seedCourse!.level, language: seedCourse!.language, status: "published", categoryId: seedCourse!.categoryId, teacherId: seedCourse!.teacherId, tags: [], publishedAt: new Date() })
    .$returningId();
  const [chapter] = await db().insert(chapters).values({ courseId: course!.id, title: "Labs", position: 1 }).$returningId();
  const [lab] = await db().insert(lessons).values({ courseId: course!.id, chapterId: chapter!.id, title: "Shell basics", kind: "lab", position: 1 }).$returningId();
  const [video] = await db().insert(lessons).values({ courseId: course!.id, chapterId: chapter!.id, title: "A video", kind: "video", position: 2 }).$returningId();
  labLesson = lab!.id;
  videoLesson = video!.id;
  await db().insert(labDefinitions).values({ lessonId: labLesson, title: "Make a file", instructions: "<p>Create done.txt</p>", setupScript: "echo 'welcome' > readme.txt", checkCommand: "test -f done.txt" });
  courseId = course!.id;
});

let courseId: number;

afterAll(async () => {
  await gateway?.close();
  tcp.disconnect();
});

async function learner(enrolled = true): Promise<{ userId: number; cookie: string }> {
  const userId = await createTestUser([], "实验学员");
  if (enrolled) await db().insert(enrolments).values({ userId, courseId, source: "grant" });
  const session = await registerSession(userId, "web", { userAgent: "Vitest", ip: "127.0.0.1" }, 600);
  const token = await signToken({ sub: String(userId), sid: session.sid, kind: "web" }, 600);
  return { userId, cookie: `authjs.session-token=${token}` };
}

interface LabClient {
  ws: WebSocket;
  output(): string;
  frames: LabServerFrame[];
  closed: Promise<{ code: number; reason: string }>;
  type(text: string): void;
  until(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>;
}

function openLab(cookie: string, ticket: string, origin = ORIGIN): Promise<LabClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${gateway.port}/lab?ticket=${ticket}`, { headers: { origin, cookie } });
  const chunks: Buffer[] = [];
  const frames: LabServerFrame[] = [];
  const waiters = new Set<() => void>();
  const wake = () => waiters.forEach((w) => w());
  ws.on("message", (data: Buffer, isBinary: boolean) => {
    if (isBinary) chunks.push(data);
    else frames.push(JSON.parse(data.toString()) as LabServerFrame);
    wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on("close", (code, reason) => {
      resolve({ code, reason: String(reason) });
      wake();
    }),
  );
  const client: LabClient = {
    ws,
    frames,
    closed,
    output: () => Buffer.concat(chunks).toString("utf8"),
    type: (text) => ws.send(Buffer.from(text), { binary: true }),
    until: (predicate, what, timeoutMs = 8_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate()) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`waited for ${what}; output: ${client.output().slice(-500)} frames: ${JSON.stringify(frames)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve(client));
    ws.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once("error", reject);
  });
}

/** The learner's lab session row once its end is recorded (the gateway records it just after telling the browser). */
async function endedRow(userId: number) {
  for (let i = 0; i < 50; i++) {
    const [row] = await db().select().from(labSessions).where(eq(labSessions.userId, userId));
    if (row?.endedAt) return row;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the lab session of user ${userId} was not recorded as ended`);
}

const ended = (client: LabClient) => client.frames.find((f) => f.t === "ended");

describe("the lab socket", () => {
  it("refuses before the upgrade: no ticket, a used ticket, another account's, not enrolled, not a lab, another origin", async () => {
    const a = await learner();
    const b = await learner();
    const outsider = await learner(false);
    await expect(openLab(a.cookie, "x".repeat(43))).rejects.toThrow("HTTP 401");
    const ticket = await issueLabTicket({ userId: a.userId, lessonId: labLesson });
    await expect(openLab(b.cookie, ticket)).rejects.toThrow("HTTP 403");
    // The failed attempt by another account used the ticket up too.
    await expect(openLab(a.cookie, ticket)).rejects.toThrow("HTTP 401");
    const fresh = await issueLabTicket({ userId: a.userId, lessonId: labLesson });
    await expect(openLab(a.cookie, fresh, "https://evil.example")).rejects.toThrow("HTTP 403");
    const lab = await openLab(a.cookie, fresh);
    await lab.until(() => lab.frames.some((f) => f.t === "ready"), "ready");
    lab.ws.close();
    await expect(openLab(a.cookie, fresh)).rejects.toThrow("HTTP 401");
    await expect(openLab(outsider.cookie, await issueLabTicket({ userId: outsider.userId, lessonId: labLesson }))).rejects.toThrow("HTTP 403");
    await expect(openLab(a.cookie, await issueLabTicket({ userId: a.userId, lessonId: videoLesson }))).rejects.toThrow("HTTP 404");
    await expect(openLab("", await issueLabTicket({ userId: a.userId, lessonId: labLesson }))).rejects.toThrow("HTTP 401");
  });

  it("gives an enrolled learner a shell with the lesson's files, checks their work, and reattaches after a reload", async () => {
    const a = await learner();
    const lab = await openLab(a.cookie, await issueLabTicket({ userId: a.userId, lessonId: labLesson }));
    await lab.until(() => lab.frames.some((f) => f.t === "ready"), "ready");
    lab.type("echo hello && ls\r");
    await lab.until(() => /hello\r\n.*readme\.txt/s.test(lab.output()), "hello and readme.txt");
    // The terminal is the shell's own: job control works and the shell starts without complaining.
    expect(lab.output()).not.toMatch(/no job control|cannot set terminal process group/);
    lab.type("echo JC-$([[ $- == *m* ]] && echo on || echo off)\r");
    await lab.until(() => /JC-(on|off)\r\n/.test(lab.output()), "the shell's job-control flag");
    expect(lab.output()).toMatch(/JC-on\r\n/);
    lab.ws.send(JSON.stringify({ t: "check" }));
    await lab.until(() => lab.frames.some((f) => f.t === "check"), "a failing check");
    expect(lab.frames.find((f) => f.t === "check")).toMatchObject({ ok: false });
    lab.type("touch done.txt; MARK=kept-$((6*7))\r");
    lab.ws.send(JSON.stringify({ t: "resize", cols: 120, rows: 40 }));
    await new Promise((r) => setTimeout(r, 300));
    lab.ws.send(JSON.stringify({ t: "check" }));
    await lab.until(() => lab.frames.filter((f) => f.t === "check").length === 2, "a passing check");
    expect(lab.frames.filter((f) => f.t === "check")[1]).toMatchObject({ ok: true });
    lab.ws.close();
    await lab.closed;

    const again = await openLab(a.cookie, await issueLabTicket({ userId: a.userId, lessonId: labLesson }));
    await again.until(() => again.frames.some((f) => f.t === "ready"), "ready");
    expect(again.frames[0]).toEqual({ t: "ready", resumed: true });
    // The recent output comes back, and the shell is the same one (its variable survives).
    await again.until(() => again.output().includes("hello"), "the scrollback");
    again.type("echo $MARK; stty size\r");
    await again.until(() => /kept-42\r\n40 120/.test(again.output()), "the same shell, resized");
    again.ws.close();
  });

  it("lets a second tab take the lab over and keeps one lab per learner", async () => {
    const a = await learner();
    const first = await openLab(a.cookie, await issueLabTicket({ userId: a.userId, lessonId: labLesson }));
    await first.until(() => first.frames.some((f) => f.t === "ready"), "ready");
    const second = await openLab(a.cookie, await issueLabTicket({ userId: a.userId, lessonId: labLesson }));
    expect((await first.closed).code).toBe(LAB_CLOSE.replaced);
    await second.until(() => second.frames.some((f) => f.t === "ready" && f.resumed), "resumed");
    expect(manager.sessions().filter((s) => s.userId === a.userId)).toHaveLength(1);
    second.ws.close();
  });

  it("ends a lab that floods its output, with a clear reason, while another learner's lab carries on", async () => {
    const a = await learner();
    const b = await learner();
    const flooder = await openLab(a.cookie, await issueLabTicket({ userId: a.userId, lessonId: labLesson }));
    const calm = await openLab(b.cookie, await issueLabTicket({ userId: b.userId, lessonId: labLesson }));
    await flooder.until(() => flooder.frames.some((f) => f.t === "ready"), "ready");
    await calm.until(() => calm.frames.some((f) => f.t === "ready"), "ready");
    flooder.type("yes 'flood flood flood flood'\r");
    await flooder.until(() => ended(flooder) !== undefined, "the flood to end the lab", 10_000);
    expect(ended(flooder)).toEqual({ t: "ended", reason: "flood" });
    expect((await flooder.closed).code).toBe(LAB_CLOSE.ended);
    calm.type("echo calm-$((1+1))\r");
    await calm.until(() => calm.output().includes("calm-2"), "the other lab to answer");
    calm.ws.close();
    // The flooder's account is free again and the session is recorded with its reason.
    const row = await endedRow(a.userId);
    expect(row).toMatchObject({ endReason: "flood" });
    expect(await tcp.get(accountLeaseKey(row.account))).toBeNull();
    expect(await tcp.get(userLeaseKey(a.userId))).toBeNull();
  });

  it("ends an idle lab after the idle window, wipes it, and audits its start and end", async () => {
    const a = await learner();
    const lab = await openLab(a.cookie, await issueLabTicket({ userId: a.userId, lessonId: labLesson }));
    await lab.until(() => lab.frames.some((f) => f.t === "ready"), "ready");
    lab.type("echo secret > mine.txt\r");
    const started = Date.now();
    await lab.until(() => ended(lab) !== undefined, "the idle timeout", IDLE_MS + 4_000);
    expect(ended(lab)).toEqual({ t: "ended", reason: "idle" });
    expect(Date.now() - started).toBeGreaterThan(IDLE_MS - 1_000);
    const row = await endedRow(a.userId);
    expect(row.endReason).toBe("idle");
    const audit = await db().select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.targetType, "lab_session"), eq(auditLog.targetId, String(row.id))));
    expect(audit.map((r) => r.action).sort()).toEqual(["LAB end", "LAB start"]);
    // A new lab starts from a clean home.
    const next = await openLab(a.cookie, await issueLabTicket({ userId: a.userId, lessonId: labLesson }));
    await next.until(() => next.frames.some((f) => f.t === "ready"), "ready");
    expect(next.frames[0]).toEqual({ t: "ready", resumed: false });
    next.type("ls\r");
    await next.until(() => next.output().includes("readme.txt"), "ls");
    expect(next.output()).not.toContain("mine.txt");
    next.ws.close();
  }, 20_000);

  it("ends a lab at its hard maximum however busy the learner is", async () => {
    const a = await learner();
    const lab = await openLab(a.cookie, await issueLabTicket({ userId: a.userId, lessonId: labLesson }));
    await lab.until(() => lab.frames.some((f) => f.t === "ready"), "ready");
    const typing = setInterval(() => lab.type("true\r"), 500);
    try {
      await lab.until(() => ended(lab) !== undefined, "the hard maximum", MAX_MS + 4_000);
    } finally {
      clearInterval(typing);
    }
    expect(ended(lab)).toEqual({ t: "ended", reason: "time_limit" });
  }, 20_000);

  it("ends a lab an admin asked to end, and lists live labs with their usage meanwhile", async () => {
    const a = await learner();
    const lab = await openLab(a.cookie, await issueLabTicket({ userId: a.userId, lessonId: labLesson }));
    await lab.until(() => lab.frames.some((f) => f.t === "ready"), "ready");
    let entry = null;
    for (let i = 0; i < 30 && !entry?.memoryBytes; i++) {
      entry = Object.values(await tcp.hgetall(liveKey())).map(parseLiveLab).find((l) => l?.userId === a.userId) ?? null;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(entry).toMatchObject({ lessonId: labLesson, connected: true });
    expect(entry!.memoryBytes).toBeGreaterThan(0);
    await tcp.sadd(endRequestsKey(), entry!.token);
    await lab.until(() => ended(lab) !== undefined, "the admin's end");
    expect(ended(lab)).toEqual({ t: "ended", reason: "ended_by_admin" });
  });

  it("holds no more labs than the pool has accounts: the next learner is told all labs are busy", async () => {
    // The labs of the tests before must be gone and their accounts given back (an ending lab leaves the manager
    // first and returns its account's lease a moment later, once the account is wiped).
    const leases = labHostSettings()!.accounts.slice(0, 5).map(accountLeaseKey);
    for (let i = 0; i < 100 && (manager.size > 0 || (await tcp.exists(...leases)) > 0); i++) await new Promise((r) => setTimeout(r, 100));
    expect(manager.size).toBe(0);
    expect(await tcp.exists(...leases)).toBe(0);
    const labs: LabClient[] = [];
    for (let i = 0; i < 5; i++) {
      const l = await learner();
      const lab = await openLab(l.cookie, await issueLabTicket({ userId: l.userId, lessonId: labLesson }));
      await lab.until(() => lab.frames.some((f) => f.t === "ready"), "ready");
      labs.push(lab);
    }
    const late = await learner();
    const refused = await openLab(late.cookie, await issueLabTicket({ userId: late.userId, lessonId: labLesson }));
    expect((await refused.closed).code).toBe(LAB_CLOSE.busy);
    expect(await tcp.get(userLeaseKey(late.userId))).toBeNull();
    for (const lab of labs) lab.ws.close();
  }, 20_000);
});
