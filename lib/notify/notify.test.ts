import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueCode, verifyCode } from "@/lib/auth/codes";
import { ConfigError } from "@/lib/config/env";
import { QUEUES, closeQueues, queue } from "@/lib/jobs/queues";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { redis } from "@/lib/redis";
import { parseNotifyConfig } from "./config";
import { MAILBOX_SIZE, MAILBOX_TTL_SECONDS, mailboxKey, putInMailbox, readMailbox, type MailboxEntry } from "./mailbox";
import type { Message } from "./message";
import { WEBHOOK_DELIVERY_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER, webhookSender, webhookSignature } from "./senders";

async function waitForMail(to: string, timeoutMs = 10_000): Promise<MailboxEntry> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const entry = (await readMailbox()).find((e) => e.to === to);
    if (entry) return entry;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Nothing reached the mailbox for ${to} within ${timeoutMs} ms`);
}

describe("the notifications job on the real worker", () => {
  let worker: RunningWorker;

  beforeAll(async () => {
    worker = await startWorker({ schedule: false });
  });

  afterAll(async () => {
    await worker.close();
    await closeQueues();
  });

  it("delivers a verification code to the development mailbox, and the code from there works", async () => {
    const target = `mailbox-${randomUUID()}@example.com`;
    await issueCode({ purpose: "sign_up", target, ip: `test-${randomUUID()}`, locale: "zh-CN", findAccount: async () => undefined });
    const mail = await waitForMail(target);
    expect(mail).toMatchObject({ channel: "email", to: target, subject: "【学府】注册验证码" });
    expect(Date.now() - Date.parse(mail.sentAt)).toBeLessThan(10_000);
    const code = /\d{6}/.exec(mail.text)?.[0] ?? "";
    expect(await verifyCode({ purpose: "sign_up", target, code })).toBe("ok");

    // The delivered job, whose payload holds the code in clear text, is not kept once it has completed.
    const jobsFor = async () =>
      (await queue(QUEUES.notifications).getJobs(["completed", "waiting", "active", "failed"])).filter((job) => (job.data as Message).to === target);
    await expect.poll(jobsFor, { timeout: 5_000 }).toEqual([]);
  });
});

describe("the development mailbox", () => {
  it("lists messages newest first, keeps the latest 200 and expires a day after the newest", async () => {
    await redis().del(mailboxKey());
    const tag = randomUUID();
    for (let i = 0; i < MAILBOX_SIZE + 5; i++) {
      await putInMailbox({ channel: "sms", to: "+8613800000000", subject: "", text: `${tag} #${i}` });
    }
    const entries = await readMailbox();
    expect(entries).toHaveLength(MAILBOX_SIZE);
    expect(entries[0]?.text).toBe(`${tag} #${MAILBOX_SIZE + 4}`);
    expect(entries.at(-1)?.text).toBe(`${tag} #5`);
    const ttl = await redis().ttl(mailboxKey());
    expect(ttl).toBeGreaterThan(MAILBOX_TTL_SECONDS - 10);
    expect(ttl).toBeLessThanOrEqual(MAILBOX_TTL_SECONDS);
  });
});

describe("notification settings", () => {
  const secret = "s".repeat(32);

  it("uses the log sender by default outside production", () => {
    expect(parseNotifyConfig({}, "development")).toEqual({ sender: "log" });
    expect(parseNotifyConfig({}, "test")).toEqual({ sender: "log" });
  });

  it("refuses the log sender, and a missing sender, in production", () => {
    expect(() => parseNotifyConfig({ NOTIFY_SENDER: "log" }, "production")).toThrow(ConfigError);
    expect(() => parseNotifyConfig({}, "production")).toThrow(/NOTIFY_SENDER/);
    expect(() => parseNotifyConfig({ NOTIFY_LOG_IN_PRODUCTION: "allow" }, "production")).toThrow(/NOTIFY_SENDER/);
    expect(() => parseNotifyConfig({ NOTIFY_SENDER: "log", NOTIFY_LOG_IN_PRODUCTION: "yes" }, "production")).toThrow(/allow/);
  });

  it("allows the log sender in a production build only when told so explicitly", () => {
    expect(parseNotifyConfig({ NOTIFY_SENDER: "log", NOTIFY_LOG_IN_PRODUCTION: "allow" }, "production")).toEqual({ sender: "log" });
  });

  it("needs the webhook's URL and secret for the webhook sender", () => {
    const ok = { NOTIFY_SENDER: "webhook", NOTIFY_WEBHOOK_URL: "https://sms.example.com/send", NOTIFY_WEBHOOK_SECRET: secret };
    expect(parseNotifyConfig(ok, "production")).toEqual({ sender: "webhook", webhookUrl: ok.NOTIFY_WEBHOOK_URL, webhookSecret: secret });
    expect(() => parseNotifyConfig({ ...ok, NOTIFY_WEBHOOK_URL: undefined }, "production")).toThrow(/NOTIFY_WEBHOOK_URL/);
    expect(() => parseNotifyConfig({ ...ok, NOTIFY_WEBHOOK_SECRET: "short" }, "production")).toThrow(/at least 32/);
    expect(() => parseNotifyConfig({ ...ok, NOTIFY_WEBHOOK_URL: "ftp://sms.example.com" }, "production")).toThrow(/http or https/);
    expect(() => parseNotifyConfig({ NOTIFY_SENDER: "carrier-pigeon" }, "development")).toThrow(/log or webhook/);
  });
});

describe("the webhook sender", () => {
  const secret = "webhook-secret-".repeat(3);
  const message: Message = { channel: "sms", to: "+8613812345678", subject: "code", text: "【学府】您的验证码是 424242，5 分钟内有效。" };
  let server: http.Server;
  let url: string;
  let answer: { status: number; delayMs?: number } = { status: 200 };
  const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
        setTimeout(() => res.writeHead(answer.status).end(`echo: ${message.text}`), answer.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("POSTs the message as JSON with a signature the gateway can check", async () => {
    answer = { status: 202 };
    received.length = 0;
    await webhookSender({ url, secret }).send(message, { id: "notifications:17" });
    const [request] = received;
    expect(JSON.parse(request?.body ?? "null")).toEqual(message);
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers[WEBHOOK_DELIVERY_HEADER]).toBe("notifications:17");
    const timestamp = String(request?.headers[WEBHOOK_TIMESTAMP_HEADER]);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(5);
    expect(request?.headers[WEBHOOK_SIGNATURE_HEADER]).toBe(webhookSignature(secret, timestamp, request?.body ?? ""));
    expect(request?.headers[WEBHOOK_SIGNATURE_HEADER]).not.toBe(webhookSignature("another-secret", timestamp, request?.body ?? ""));
  });

  it("throws on an answer that is not 2xx, without the code in the error, so the job is retried", async () => {
    answer = { status: 503 };
    const failure = webhookSender({ url, secret }).send(message, { id: "notifications:18" });
    await expect(failure).rejects.toThrow("Notification gateway answered HTTP 503 for delivery notifications:18");
    await expect(failure).rejects.not.toThrow(/424242/);
  });

  it("gives up on a gateway that does not answer in time", async () => {
    answer = { status: 200, delayMs: 2_000 };
    await expect(webhookSender({ url, secret, timeoutMs: 200 }).send(message, { id: "notifications:19" })).rejects.toThrow(/abort|timeout/i);
  });
});
