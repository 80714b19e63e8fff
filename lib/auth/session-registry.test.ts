import { describe, expect, it } from "vitest";
import { key, redis } from "@/lib/redis";
import { getSession, isSessionActive, listSessions, needsTouch, registerSession, revokeAllSessions, revokeSession, touchSession } from "./session-registry";

const meta = { userAgent: "Vitest", ip: "127.0.0.1" };
let nextUser = 900_000 + Math.floor(Math.random() * 10_000);

describe("the session registry in Redis", () => {
  it("registers a session with its expiry and lists it for its user", async () => {
    const userId = nextUser++;
    const s = await registerSession(userId, "web", meta, 120);
    expect(await isSessionActive(s.sid)).toBe(true);
    expect(await getSession(s.sid)).toEqual(s);
    const ttl = await redis().ttl(key("sess", s.sid));
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(120);
    expect((await listSessions(userId)).map((x) => x.sid)).toEqual([s.sid]);
  });

  it("revokes one session without touching the others", async () => {
    const userId = nextUser++;
    const a = await registerSession(userId, "web", meta, 120);
    const b = await registerSession(userId, "api", meta, 120);
    await revokeSession(a.sid);
    expect(await isSessionActive(a.sid)).toBe(false);
    expect(await isSessionActive(b.sid)).toBe(true);
    expect((await listSessions(userId)).map((x) => x.sid)).toEqual([b.sid]);
  });

  it("revokes every session of one user and only that user's", async () => {
    const userId = nextUser++;
    const other = nextUser++;
    const mine = await Promise.all([registerSession(userId, "web", meta, 120), registerSession(userId, "api", meta, 120)]);
    const theirs = await registerSession(other, "web", meta, 120);
    expect(await revokeAllSessions(userId)).toBe(2);
    for (const s of mine) expect(await isSessionActive(s.sid)).toBe(false);
    expect(await isSessionActive(theirs.sid)).toBe(true);
    expect(await listSessions(userId)).toEqual([]);
    expect(await revokeAllSessions(userId)).toBe(0);
  });

  it("forgets a session when it expires", async () => {
    const s = await registerSession(nextUser++, "api", meta, 1);
    expect(await isSessionActive(s.sid)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await isSessionActive(s.sid)).toBe(false);
  });
});

describe("last seen", () => {
  it("is refreshed without extending the session, and never resurrects a revoked one", async () => {
    const s = await registerSession(nextUser++, "web", meta, 120);
    const later = new Date(Date.now() + 10 * 60 * 1000);
    expect(needsTouch(s, later)).toBe(true);
    expect(needsTouch(s)).toBe(false);
    await touchSession(s, later);
    expect((await getSession(s.sid))?.lastSeenAt).toBe(later.toISOString());
    expect(await redis().ttl(key("sess", s.sid))).toBeLessThanOrEqual(120);
    await revokeSession(s.sid);
    await touchSession(s, later);
    expect(await isSessionActive(s.sid)).toBe(false);
  });
});
