// POST /api/v1/auth/codes, called as Next calls it, against the test database and Redis.
import { randomInt, randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/auth/codes/route";
import { closeDb, db } from "@/db";
import { users } from "@/db/schema";
import { PEER_HEADER, peerHeaderValue } from "@/lib/http/client-ip";
import { QUEUES, closeQueues, queue } from "@/lib/jobs/queues";
import type { Message } from "@/lib/notify/message";

const email = `route-${randomUUID()}@example.com`;
const otherEmail = `route-${randomUUID()}@example.com`;
const mobileDigits = `139${String(randomInt(0, 1e8)).padStart(8, "0")}`;

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const request = new Request("http://localhost/api/v1/auth/codes", {
    method: "POST",
    headers: { "content-type": "application/json", [PEER_HEADER]: peerHeaderValue(`2001:db8:${randomInt(0, 0xffff).toString(16)}:${randomInt(0, 0xffff).toString(16)}::1`), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return POST(request, {});
}

async function messagesTo(target: string): Promise<Message[]> {
  const jobs = await queue(QUEUES.notifications).getJobs(["waiting"]);
  return jobs.map((job) => job.data as Message).filter((message) => message.to === target);
}

beforeAll(async () => {
  await db()
    .insert(users)
    .values([
      { email, name: "Existing by email", locale: "en" },
      { mobile: `+86${mobileDigits}`, name: "Existing by mobile", locale: "zh-CN" },
      { email: otherEmail, name: "Existing by email", locale: "zh-CN" },
    ]);
});

afterAll(async () => {
  await db().delete(users).where(inArray(users.name, ["Existing by email", "Existing by mobile"]));
  await queue(QUEUES.notifications).drain();
  await closeQueues();
  await closeDb();
});

describe("POST /api/v1/auth/codes", () => {
  it("answers the same 202 whether or not an account exists, and sends only where it should", async () => {
    const newEmail = `route-new-${randomUUID()}@example.com`;
    const cases: Array<[string, "sign_up" | "reset_password", string, number]> = [
      ["existing account, reset", "reset_password", email.toUpperCase(), 1],
      ["existing account, sign-up", "sign_up", `86-${mobileDigits.slice(0, 3)}-${mobileDigits.slice(3, 7)}-${mobileDigits.slice(7)}`, 0],
      ["no account, sign-up", "sign_up", newEmail, 1],
      ["no account, reset", "reset_password", `+86 ${mobileDigits.replace(/^139/, "138")}`, 0],
    ];
    const answers = [];
    for (const [label, purpose, target, sent] of cases) {
      const response = await post({ purpose, target }, { cookie: "theme=dark; NEXT_LOCALE=en" });
      answers.push({ status: response.status, body: await response.json(), cacheControl: response.headers.get("cache-control") });
      const normalised = target.includes("@") ? target.toLowerCase() : `+86${target.replace(/\D/g, "").slice(-11)}`;
      expect(await messagesTo(normalised), label).toHaveLength(sent);
    }
    for (const answer of answers) expect(answer).toEqual({ status: 202, body: { sent: true, expires_in: 300 }, cacheControl: "no-store" });
    // The existing account's own language; the cookie's for someone new.
    expect((await messagesTo(email))[0]?.text).toMatch(/^\[Xuefu\]/);
    expect((await messagesTo(newEmail))[0]?.text).toMatch(/^\[Xuefu\]/);
  });

  it("answers 429 with Retry-After to a second request for a target, account or not", async () => {
    for (const [purpose, target] of [
      ["sign_up", otherEmail], // sends nothing: the account exists
      ["sign_up", `route-other-${randomUUID()}@example.com`],
    ]) {
      expect((await post({ purpose, target })).status).toBe(202);
      const refused = await post({ purpose, target });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
    }
  });

  it("answers 422 with field errors for a bad target or purpose, and 400 for a body that is not JSON", async () => {
    const bad = await post({ purpose: "sign_up", target: "12345" });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({
      error: { code: "VALIDATION_FAILED", message: "Some fields are invalid.", details: { target: ["Enter an email address or a mainland China mobile number."] } },
    });
    const badPurpose = await post({ purpose: "delete_account", target: email });
    expect(badPurpose.status).toBe(422);
    expect(((await badPurpose.json()) as { error: { details: Record<string, unknown> } }).error.details).toHaveProperty("purpose");
    expect((await post("{not json")).status).toBe(400);
  });
});
