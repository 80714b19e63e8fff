import { randomInt, randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/http/api";
import { QUEUES, closeQueues, queue } from "@/lib/jobs/queues";
import type { Message } from "@/lib/notify/message";
import { redis } from "@/lib/redis";
import { codeKey, issueCode, verifyCode, type CodePurpose, type IssueCodeInput } from "./codes";

// No worker runs in this file: issued messages wait in the queue, where the tests read the code a person
// would receive.
const newEmail = () => `learner-${randomUUID()}@example.com`;
const newMobile = () => `+86139${String(randomInt(0, 1e8)).padStart(8, "0")}`;
const newIp = () => `203.0.113.${randomInt(1, 255)}-${randomUUID()}`;
const noAccount = async () => undefined;
const hasAccount = async () => ({ locale: "zh-CN" as const });

function input(overrides: Partial<IssueCodeInput> & { target: string }): IssueCodeInput {
  return { purpose: "sign_up", ip: newIp(), locale: "zh-CN", findAccount: noAccount, ...overrides };
}

async function messagesTo(target: string): Promise<Message[]> {
  const jobs = await queue(QUEUES.notifications).getJobs(["waiting", "prioritized", "delayed"]);
  return jobs
    .filter((job) => (job.data as Message).to === target)
    .sort((a, b) => Number(b.id) - Number(a.id))
    .map((job) => job.data as Message);
}

/** The code in the latest message sent to the target. */
async function receivedCode(target: string): Promise<string> {
  const [latest] = await messagesTo(target);
  const code = latest && /\d{6}/.exec(latest.text)?.[0];
  if (!code) throw new Error(`No code was sent to ${target}`);
  return code;
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const retryAfter = (error: ApiError) => Number(error.headers?.["Retry-After"]);

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  await queue(QUEUES.notifications).drain();
  await closeQueues();
});

describe("issuing a code", () => {
  it("sends 6 digits in the person's language by email or text message, valid for 5 minutes", async () => {
    const email = newEmail();
    expect(await issueCode(input({ target: email, locale: "en" }))).toEqual({ expiresInSeconds: 300 });
    const [mail] = await messagesTo(email);
    expect(mail).toMatchObject({ channel: "email", to: email, subject: "Your Xuefu sign-up code" });
    expect(mail?.text).toMatch(/^\[Xuefu\] Your verification code is \d{6}\. .*expires in 5 minutes/);

    const mobile = newMobile();
    await issueCode(input({ purpose: "reset_password", target: mobile, locale: "en", findAccount: hasAccount }));
    const [sms] = await messagesTo(mobile);
    expect(sms?.channel).toBe("sms");
    // The account's own language wins over the cookie's.
    expect(sms?.text).toMatch(/^【学府】您的验证码是 \d{6}，用于重置密码，5 分钟内有效。/);
  });

  it("stores only a keyed hash of the code, with a 5-minute expiry and no attempts used", async () => {
    const target = newMobile();
    await issueCode(input({ target }));
    const code = await receivedCode(target);
    // Without automatic deserialisation HGETALL answers [field, value, field, value, ...].
    const flat = ((await redis().hgetall(codeKey("sign_up", target))) ?? []) as unknown as string[];
    const stored = Object.fromEntries(flat.flatMap((item, i) => (i % 2 === 0 ? [[item, flat[i + 1]]] : [])));
    expect(Object.keys(stored).sort()).toEqual(["attempts", "hash"]);
    expect(stored.attempts).toBe("0");
    expect(stored.hash).toMatch(/^[\w-]{43}$/);
    expect(JSON.stringify(stored)).not.toContain(code);
    const ttl = await redis().pttl(codeKey("sign_up", target));
    expect(ttl).toBeGreaterThan(295_000);
    expect(ttl).toBeLessThanOrEqual(300_000);
  });

  it("sends sign-up codes only to new targets and reset codes only to existing accounts", async () => {
    const cases: Array<[CodePurpose, typeof noAccount | typeof hasAccount, number]> = [
      ["sign_up", noAccount, 1],
      ["sign_up", hasAccount, 0],
      ["reset_password", hasAccount, 1],
      ["reset_password", noAccount, 0],
    ];
    for (const [purpose, findAccount, sent] of cases) {
      const target = newEmail();
      expect(await issueCode(input({ purpose, target, findAccount }))).toEqual({ expiresInSeconds: 300 });
      expect(await messagesTo(target), `${purpose} ${sent}`).toHaveLength(sent);
      expect(await redis().exists(codeKey(purpose, target))).toBe(sent);
    }
  });

  it("refuses a target that was not normalised", async () => {
    await expect(issueCode(input({ target: "Someone@Example.com" }))).rejects.toThrow(/normalised/);
    await expect(issueCode(input({ target: "13812345678" }))).rejects.toThrow(/normalised/);
  });
});

describe("verifying a code", () => {
  it("accepts the right code once: a code is single-use", async () => {
    const target = newEmail();
    await issueCode(input({ target }));
    const code = await receivedCode(target);
    expect(await verifyCode({ purpose: "sign_up", target, code: ` ${code} ` })).toBe("ok");
    expect(await verifyCode({ purpose: "sign_up", target, code })).toBe("expired");
  });

  it("binds a code to its purpose and target", async () => {
    const target = newMobile();
    await issueCode(input({ target }));
    const code = await receivedCode(target);
    expect(await verifyCode({ purpose: "reset_password", target, code })).toBe("expired");
    expect(await verifyCode({ purpose: "sign_up", target: newMobile(), code })).toBe("expired");
    expect(await verifyCode({ purpose: "sign_up", target, code })).toBe("ok");
  });

  it("refuses even the right code after 5 wrong ones", async () => {
    const target = newEmail();
    await issueCode(input({ target }));
    const code = await receivedCode(target);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await verifyCode({ purpose: "sign_up", target, code: wrong }));
    expect(results).toEqual(["invalid", "invalid", "invalid", "invalid", "too_many_attempts"]);
    expect(await verifyCode({ purpose: "sign_up", target, code })).toBe("too_many_attempts");
  });

  it("counts concurrent guesses atomically: 20 parallel wrong guesses still get only 5 tries", async () => {
    const target = newMobile();
    await issueCode(input({ target }));
    const code = await receivedCode(target);
    const guesses = Array.from({ length: 20 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0"));
    const results = await Promise.all(guesses.map((guess) => verifyCode({ purpose: "sign_up", target, code: guess })));
    expect(results.filter((r) => r === "invalid")).toHaveLength(4);
    expect(results.filter((r) => r === "too_many_attempts")).toHaveLength(16);
    expect(await verifyCode({ purpose: "sign_up", target, code })).toBe("too_many_attempts");
  });

  it("refuses an expired code", async () => {
    const target = newEmail();
    await issueCode(input({ target }));
    const code = await receivedCode(target);
    await redis().pexpire(codeKey("sign_up", target), 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await verifyCode({ purpose: "sign_up", target, code })).toBe("expired");
  });

  it("invalidates the old code when a new one is issued, and gives the new one fresh attempts", async () => {
    const target = newMobile();
    await issueCode(input({ target }));
    const first = await receivedCode(target);
    for (let i = 0; i < 4; i++) await verifyCode({ purpose: "sign_up", target, code: "000000" === first ? "111111" : "000000" });

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61_000); // past the one-a-minute throttle
    await issueCode(input({ target }));
    const second = await receivedCode(target);
    expect(await messagesTo(target)).toHaveLength(2);
    if (second !== first) expect(await verifyCode({ purpose: "sign_up", target, code: first })).toBe("invalid");
    expect(await verifyCode({ purpose: "sign_up", target, code: second })).toBe("ok");
  });
});

describe("sending throttles", () => {
  it("allows one code a minute per target, whatever the purpose or address", async () => {
    const target = newMobile();
    await issueCode(input({ target }));
    const error = await rejection(issueCode(input({ purpose: "reset_password", target, findAccount: hasAccount })));
    expect(error.status).toBe(429);
    expect(error.code).toBe("RATE_LIMITED");
    expect(retryAfter(error)).toBeGreaterThan(0);
    expect(retryAfter(error)).toBeLessThanOrEqual(60);
    expect(await messagesTo(target)).toHaveLength(1);
  });

  it("counts requests that send nothing, so a 429 does not reveal whether an account exists", async () => {
    const target = newEmail();
    const findAccount = vi.fn(hasAccount);
    await issueCode(input({ target, findAccount })); // sign-up for an existing account: nothing is sent
    const error = await rejection(issueCode(input({ target, findAccount })));
    expect(retryAfter(error)).toBeGreaterThan(0);
    expect(findAccount).toHaveBeenCalledTimes(1); // a refused request does not reach the database
    expect(await messagesTo(target)).toHaveLength(0);
  });

  it("allows at most 10 codes a day per target", async () => {
    const target = newEmail();
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.UTC(2031, 4, 6, 1, 0, 0);
    for (let i = 0; i < 10; i++) {
      vi.setSystemTime(start + i * 61_000);
      await issueCode(input({ target }));
    }
    vi.setSystemTime(start + 10 * 61_000);
    const error = await rejection(issueCode(input({ target })));
    expect(retryAfter(error)).toBeGreaterThan(60 * 60);
    expect(await messagesTo(target)).toHaveLength(10);
  });

  it("allows at most 20 requests an hour per IP", async () => {
    const ip = newIp();
    for (let i = 0; i < 20; i++) await issueCode(input({ target: newEmail(), ip }));
    const target = newEmail();
    const error = await rejection(issueCode(input({ target, ip })));
    expect(retryAfter(error)).toBeGreaterThan(0);
    expect(retryAfter(error)).toBeLessThanOrEqual(60 * 60);
    expect(await messagesTo(target)).toHaveLength(0);
    // The IP is refused before the target is counted: the target can still get its code from elsewhere.
    await issueCode(input({ target }));
    expect(await messagesTo(target)).toHaveLength(1);
  });
});
