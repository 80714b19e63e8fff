// The guard against password guessing (lib/auth/sign-in-guard.ts), against the test Redis and MariaDB:
// failures counted in exact sliding windows, per account and address, per account and per address; the
// extra step by code instead of a lock; and nothing in the answers that tells a guesser the password was right.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, db } from "@/db";
import { users } from "@/db/schema";
import { QUEUES, closeQueues, queue } from "@/lib/jobs/queues";
import type { Message } from "@/lib/notify/message";
import { hashPassword } from "./password";
import { SIGN_IN_LIMITS, countFailedSignIn, signInGate, signInWithPassword, type SignInResult } from "./sign-in-guard";

const PASSWORD = "Correct-horse-9";
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  await db().delete(users).where(eq(users.name, "Sign-in guard test"));
  await closeQueues();
  await closeDb();
});

async function account(): Promise<string> {
  const email = `guard-${randomUUID()}@example.com`;
  await db().insert(users).values({ email, name: "Sign-in guard test", passwordHash, locale: "en" });
  return email;
}

let addressCounter = 0;
/** A fresh address per call, so tests never share an address's counters. */
const address = () => `2001:db8:${(Date.now() % 0xffff).toString(16)}:${(++addressCounter).toString(16)}::1`;

const attempt = (login: string, ip: string, password = PASSWORD, code?: string): Promise<SignInResult> => signInWithPassword({ login, password, code, ip, locale: "en" });
const reason = (r: SignInResult) => (r.ok ? "ok" : r.reason);

async function latestCode(target: string): Promise<string> {
  const jobs = await queue(QUEUES.notifications).getJobs(["waiting", "prioritized", "delayed"]);
  const texts = jobs
    .filter((job) => (job.data as Message).to === target)
    .sort((a, b) => b.timestamp - a.timestamp)
    .map((job) => (job.data as Message).text);
  const code = /\b\d{6}\b/.exec(texts[0] ?? "")?.[0];
  if (!code) throw new Error(`no code was sent to ${target}`);
  return code;
}

const codesSentTo = async (target: string) => (await queue(QUEUES.notifications).getJobs(["waiting", "prioritized", "delayed"])).filter((job) => (job.data as Message).to === target).length;

describe("failures from one address", () => {
  it("after 10 wrong passwords that address must give a code; the owner elsewhere signs in as usual", async () => {
    const login = await account();
    const attacker = address();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAddress.limit; i++) expect(reason(await attempt(login, attacker, `Wrong-${i}-password`))).toBe("invalid_credentials");
    // The attacker's next guesses, right or wrong, only ever hear that a code is needed.
    expect(reason(await attempt(login, attacker, "Wrong-again-1"))).toBe("verification_required");
    expect(reason(await attempt(login, attacker))).toBe("verification_required");
    // The owner, from their own address, is not held up at all.
    expect(reason(await attempt(login, address()))).toBe("ok");
    expect(reason(await attempt(login.toUpperCase(), address()))).toBe("ok");
  });

  it("keeps guesses around the edge of a 15-minute window to 10 in any 15 minutes", async () => {
    const login = await account();
    const from = address();
    const window = SIGN_IN_LIMITS.perAccountAddress.windowSeconds * 1000;
    // Start 30 s before a multiple of the window: a fixed or two-window estimate resets there.
    const start = Math.ceil(Date.now() / window) * window + window - 30_000;
    vi.useFakeTimers({ toFake: ["Date"] });
    const admitted: number[] = [];
    // One guess every 10 s for 40 minutes; a guess the gate lets through without a code is a failure counted.
    for (let t = start; t < start + 40 * 60_000; t += 10_000) {
      vi.setSystemTime(t);
      if ((await signInGate(login, from)).needsCode) continue;
      admitted.push(t);
      await countFailedSignIn(login, from);
    }
    for (const t of admitted) expect(admitted.filter((u) => u >= t && u < t + window).length).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccountAddress.limit);
    // 10 right away, the next 10 once the first ones are 15 minutes old, and 10 more after that.
    expect(admitted).toHaveLength(30);
    expect(admitted[10]! - admitted[0]!).toBeGreaterThanOrEqual(window);
  });

  it("refuses an address that fails for 60 different accounts in 5 minutes, and never one that succeeds", async () => {
    const sprayer = address();
    await Promise.all(Array.from({ length: SIGN_IN_LIMITS.perAddress.limit }, (_, i) => countFailedSignIn(`nobody-${i}-${randomUUID()}@example.com`, sprayer)));
    const refused = await attempt(await account(), sprayer);
    expect(refused).toMatchObject({ ok: false, reason: "rate_limited" });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);

    const classroom = address();
    const login = await account();
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.limit + 5; i++) expect((await signInGate(login, classroom)).retryAfterSeconds).toBeUndefined();
    expect(reason(await attempt(login, classroom))).toBe("ok");
  });

  it("counts an IPv6 client by its /64, so rotating addresses inside it does not help", async () => {
    const login = await account();
    const prefix = `2001:db8:beef:${(++addressCounter).toString(16)}`;
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAddress.limit; i++) await countFailedSignIn(login, `${prefix}::${(i + 1).toString(16)}`);
    expect((await signInGate(login, `${prefix}:1:2:3:4`)).needsCode).toBe(true);
    expect((await signInGate(login, `2001:db8:beef:${(++addressCounter).toString(16)}::1`)).needsCode).toBe(false);
  });
});

describe("the extra step", () => {
  it("sends a code only for the right password, and the password with the code signs in", async () => {
    const login = await account();
    const from = address();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAddress.limit; i++) await countFailedSignIn(login, from);

    expect(reason(await attempt(login, from, "Wrong-password-9"))).toBe("verification_required");
    expect(await codesSentTo(login)).toBe(0);
    expect(reason(await attempt(login, from))).toBe("verification_required");
    expect(await codesSentTo(login)).toBe(1);
    const code = await latestCode(login);
    const message = (await queue(QUEUES.notifications).getJobs(["waiting"])).find((job) => (job.data as Message).to === login)!.data as Message;
    expect(message.text).toContain("sign in");

    // Any mistake with a code reads the same: a guesser cannot tell which half was wrong.
    const wrongCode = code === "000000" ? "111111" : "000000";
    expect(reason(await attempt(login, from, "Wrong-password-9", code))).toBe("verification_failed");
    expect(reason(await attempt(login, from, PASSWORD, wrongCode))).toBe("verification_failed");
    expect(reason(await attempt(login, from, PASSWORD, code))).toBe("ok");
    // Proven: this address's failures for the account are forgiven.
    expect((await signInGate(login, from)).needsCode).toBe(false);
  });

  it("asks every address for a code after 100 failures from many, and the owner still gets in with it", async () => {
    const login = await account();
    await Promise.all(Array.from({ length: SIGN_IN_LIMITS.perAccount.limit }, () => countFailedSignIn(login, address())));
    const owner = address();
    expect((await signInGate(login, owner)).needsCode).toBe(true);
    expect(reason(await attempt(login, owner))).toBe("verification_required");
    expect(reason(await attempt(login, owner, PASSWORD, await latestCode(login)))).toBe("ok");
  });

  it("sends a new code when the last one has expired", async () => {
    const login = await account();
    const from = address();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAddress.limit; i++) await countFailedSignIn(login, from);
    expect(reason(await attempt(login, from))).toBe("verification_required");
    const first = await latestCode(login);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61_000); // past the one-a-minute throttle
    const { redis } = await import("@/lib/redis");
    const { codeKey } = await import("./codes");
    await redis().del(codeKey("sign_in", login)); // what 5 minutes would do
    expect(reason(await attempt(login, from, PASSWORD, first))).toBe("verification_failed");
    const second = await latestCode(login);
    expect(await codesSentTo(login)).toBe(2);
    expect(reason(await attempt(login, from, PASSWORD, second))).toBe("ok");
  });
});
