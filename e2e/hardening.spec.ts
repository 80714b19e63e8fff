// Probing the production server the way an attacker would: forwarding headers (rotated to escape the
// per-address limits, forged to lock someone else out), unsupported methods and broken paths, oversized
// bodies, and password guessing against someone else's account. Requests come from their own loopback
// addresses (127.x.y.z: every one of them reaches the server), so each test has per-address limits of its own
// and leaves the shared 127.0.0.1 alone.
import http from "node:http";
import net from "node:net";
import { randomInt, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import zh from "../lib/i18n/messages/zh-CN.json";
import { createAccount, DEMO_PASSWORD } from "./support/auth";
import { latestCode } from "./support/codes";
import { startSecondInstance } from "./support/instance";

const BASE = new URL(process.env.E2E_BASE_URL ?? "http://localhost:3100");
const PORT = Number(BASE.port || 80);

/** A loopback address of this test's own. */
const ownAddress = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

function send(opts: { from: string; method?: string; path: string; headers?: Record<string, string>; json?: unknown; port?: number }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = opts.json === undefined ? undefined : Buffer.from(JSON.stringify(opts.json));
    const headers: Record<string, string> = { ...(body ? { "content-type": "application/json", "content-length": String(body.length) } : {}), ...opts.headers };
    const req = http.request({ host: "127.0.0.1", port: opts.port ?? PORT, method: opts.method ?? "GET", path: opts.path, localAddress: opts.from, headers, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A request written by hand on a raw socket: methods Node's client will not send plainly (TRACE, CONNECT). */
function raw(from: string, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: "127.0.0.1", port: PORT, localAddress: from }, () => socket.write(request));
    let text = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("end", () => resolve(text));
    socket.on("close", () => resolve(text));
    socket.on("error", (error: NodeJS.ErrnoException) => (error.code === "ECONNRESET" ? resolve(text) : reject(error)));
    socket.setTimeout(10_000, () => socket.destroy(new Error("no answer")));
  });
}

/** Sends only the headers of a request declaring a `bytes`-long body, and waits for the answer. */
function declaredOnly(from: string, path: string, bytes: number): Promise<Answer & { ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const req = http.request({ host: "127.0.0.1", port: PORT, method: "POST", path, localAddress: from, agent: false, headers: { "content-type": "application/json", "content-length": String(bytes) } }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, ms: Date.now() - started }));
    });
    req.on("error", reject);
    req.flushHeaders(); // no body at all: the server must not wait for it
  });
}

const errorCode = (a: Answer) => (JSON.parse(a.text) as { error: { code: string } }).error.code;
const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {});
const newTarget = () => `hardening-${randomUUID()}@example.com`;
const STACK = /\n\s+at [\w.<>[\] ]+\(|node_modules|\.next[-\w]*\/server/;

test.describe("client addresses", () => {
  test("rotating X-Forwarded-For does not escape the per-address limit on verification codes", async () => {
    const from = ownAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const a = await send({ from, method: "POST", path: "/api/v1/auth/codes", headers: { "x-forwarded-for": `203.0.113.${i + 1}`, "x-real-ip": `198.51.100.${i + 1}` }, json: { purpose: "sign_up", target: newTarget() } });
      statuses.push(a.status);
    }
    // 20 an hour per address (lib/auth/codes.ts), whatever the client claims to be.
    expect(tally(statuses)).toEqual({ 202: 20, 429: 5 });
  });

  test("rotating X-Forwarded-For does not escape the per-address limit on sign-in attempts", async () => {
    test.setTimeout(60_000);
    const from = ownAddress();
    const statuses: number[] = [];
    // 60 failures in 5 minutes per address, whatever the account (lib/auth/sign-in-guard.ts); six at a time.
    for (let i = 0; i < 66; i += 6) {
      const batch = Array.from({ length: 6 }, (_, j) =>
        send({ from, method: "POST", path: "/api/v1/tokens", headers: { "x-forwarded-for": `198.51.100.${i + j + 1}` }, json: { login: newTarget(), password: "Wrong-password-1" } }),
      );
      statuses.push(...(await Promise.all(batch)).map((a) => a.status));
    }
    expect(tally(statuses)).toEqual({ 401: 60, 429: 6 });
  });

  test("a forged X-Forwarded-For cannot lock another address out", async () => {
    test.setTimeout(60_000);
    const victim = ownAddress();
    const attacker = ownAddress();
    const owner = await createAccount({ label: "victim" });
    // The attacker claims the victim's address and guesses: the victim's account, and enough others to
    // exhaust an address.
    // (A server listening on :: sees an IPv4 client as ::ffff:a.b.c.d, the form it used to take from the header.)
    const forged = { "x-forwarded-for": `::ffff:${victim}`, "x-real-ip": victim };
    const statuses: number[] = [];
    for (let i = 0; i < 66; i += 6) {
      const batch = Array.from({ length: 6 }, (_, j) => send({ from: attacker, method: "POST", path: "/api/v1/tokens", headers: forged, json: { login: i + j < 12 ? owner.email : newTarget(), password: "Wrong-password-1" } }));
      statuses.push(...(await Promise.all(batch)).map((a) => a.status));
    }
    expect(statuses.at(-1)).toBe(429);
    // The attacker's address is refused; the victim's is not, and the owner signs in from it at once.
    expect((await send({ from: attacker, method: "POST", path: "/api/v1/tokens", json: { login: owner.email, password: DEMO_PASSWORD } })).status).toBe(429);
    const own = await send({ from: victim, method: "POST", path: "/api/v1/tokens", json: { login: owner.email, password: DEMO_PASSWORD } });
    expect(own.status, own.text).toBe(201);
  });

  test("behind a trusted proxy, the client is the right-most address the proxy vouches for", async () => {
    test.setTimeout(90_000);
    const proxy = ownAddress();
    const port = Number(process.env.XUEFU_E2E_THIRD_PORT ?? 3102);
    const instance = await startSecondInstance(port, { TRUSTED_PROXIES: `${proxy}, 10.0.0.0/8` });
    try {
      const client = `203.0.113.${randomInt(1, 255)}`;
      const other = `198.51.100.${randomInt(1, 255)}`;
      const code = (from: string, xff: string) => send({ port, from, method: "POST", path: "/api/v1/auth/codes", headers: { "x-forwarded-for": xff }, json: { purpose: "sign_up", target: newTarget() } });
      // The client rotates what it writes; the proxy (and a trusted hop behind it) append what they saw.
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) statuses.push((await code(proxy, `192.0.2.${i + 1}, ${client}, 10.1.2.3`)).status);
      expect(tally(statuses)).toEqual({ 202: 20, 429: 1 });
      // Another client behind the same proxy has its own allowance.
      expect((await code(proxy, `${client}, ${other}`)).status).toBe(202);
      // From an address that is not a trusted proxy the header means nothing: its own allowance, not the client's.
      expect((await code(ownAddress(), client)).status).toBe(202);
    } finally {
      await instance.stop();
    }
  });
});

test.describe("methods and paths", () => {
  test("TRACE, TRACK, CONNECT and wrong methods answer 405 with Allow, never a 500 or a stack", async () => {
    const from = ownAddress();
    const host = `Host: ${BASE.host}\r\nConnection: close\r\n\r\n`;
    for (const path of ["/api/v1/courses", "/api/v1/tokens", "/api/health", "/api/v1/admin/courses"]) {
      const answer = await raw(from, `TRACE ${path} HTTP/1.1\r\n${host}`);
      expect(answer, path).toMatch(/^HTTP\/1\.1 405 /);
      expect(answer, path).toMatch(/\r\nallow: [A-Z, ]+\r\n/i);
      expect(answer, path).toContain('"code":"METHOD_NOT_ALLOWED"');
      expect(answer, path).not.toMatch(STACK);
    }
    for (const path of ["/", "/courses", "/robots.txt", "/icon.svg", "/_next/static/chunks/nothing.js", "/.well-known/jwks.json"]) {
      const answer = await raw(from, `TRACE ${path} HTTP/1.1\r\n${host}`);
      expect(answer, path).toMatch(/^HTTP\/1\.1 405 /);
      expect(answer, path).not.toMatch(STACK);
    }
    // CONNECT is for proxies: the server hangs up or refuses, and never with a stack.
    const connect = await raw(from, `CONNECT /api/v1/courses HTTP/1.1\r\n${host}`);
    expect(connect).not.toMatch(/^HTTP\/1\.1 5\d\d/);
    expect(connect).not.toMatch(STACK);

    const wrong = await send({ from, method: "DELETE", path: "/api/v1/tokens" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe("OPTIONS, POST");
    expect(wrong.headers["content-type"]).toContain("application/json");
    expect(errorCode(wrong)).toBe("METHOD_NOT_ALLOWED");
    const patch = await send({ from, method: "PATCH", path: "/api/v1/courses" });
    expect([patch.status, patch.headers.allow]).toEqual([405, "GET, HEAD, OPTIONS"]);
    expect((await send({ from, method: "PUT", path: "/" })).status).toBe(405);
    expect((await send({ from, method: "DELETE", path: "/courses" })).status).toBe(405);
    // What a resource does take still works.
    const options = await send({ from, method: "OPTIONS", path: "/api/v1/courses" });
    expect([options.status, options.headers.allow]).toEqual([204, "GET, HEAD, OPTIONS"]);
    expect((await send({ from, method: "HEAD", path: "/api/v1/courses" })).status).toBe(200);
  });

  test("broken percent-encoding in a path answers 400: the JSON error on the API", async () => {
    const from = ownAddress();
    const api = await send({ from, path: "/api/v1/courses/%E0%A4%A" });
    expect(api.status).toBe(400);
    expect(api.headers["content-type"]).toContain("application/json");
    expect(errorCode(api)).toBe("BAD_REQUEST");
    const page = await send({ from, path: "/courses/%E0%A4%A" });
    expect(page.status).toBe(400);
    expect(page.text).not.toMatch(STACK);
  });
});

test.describe("request bodies", () => {
  test("a declared Content-Length over the limit is refused before the body is sent", async () => {
    const from = ownAddress();
    const answer = await declaredOnly(from, "/api/v1/tokens", 50 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(errorCode(answer)).toBe("PAYLOAD_TOO_LARGE");
    expect(answer.headers.connection).toBe("close");
    expect(answer.ms).toBeLessThan(5_000);
    // A page (where server actions are posted) has its own limit, 2 MB, and a webhook 64 kB.
    expect((await declaredOnly(from, "/sign-in", 3 * 1024 * 1024)).status).toBe(413);
    expect((await declaredOnly(from, "/api/payments/wechat/notify", 65 * 1024)).status).toBe(413);
    expect((await declaredOnly(from, "/api/v1/admin/courses", 3 * 1024 * 1024)).status).toBe(413);
  });

  test("a chunked body is cut off past the limit with 413, and one just under it is read", async () => {
    const from = ownAddress();
    const chunked = (bytes: number) =>
      new Promise<Answer>((resolve, reject) => {
        const req = http.request(
          { host: "127.0.0.1", port: PORT, method: "POST", path: "/api/v1/tokens", localAddress: from, agent: false, headers: { "content-type": "application/json", "transfer-encoding": "chunked" } },
          (res) => {
            let text = "";
            res.on("data", (c: Buffer) => (text += c.toString()));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
          },
        );
        req.on("error", reject);
        const body = JSON.stringify({ login: newTarget(), password: "Wrong-password-1", pad: "x".repeat(bytes) });
        const padded = body.slice(0, -2) + '"}'; // still JSON
        for (let i = 0; i < padded.length; i += 4096) req.write(padded.slice(i, i + 4096));
        req.end();
      });
    const big = await chunked(64 * 1024);
    expect(big.status).toBe(413);
    expect(errorCode(big)).toBe("PAYLOAD_TOO_LARGE");
    const small = await chunked(16 * 1024 - 200);
    expect(small.status).toBe(401); // read whole and parsed: only the password is wrong
    expect(errorCode(small)).toBe("INVALID_CREDENTIALS");
  });
});

test.describe("password guessing", () => {
  test("an attacker's failures from one address do not stop the owner from another; there the API asks for a code", async () => {
    const owner = await createAccount({ label: "guessed" });
    const attacker = ownAddress();
    const token = (from: string, password: string, code?: string) => send({ from, method: "POST", path: "/api/v1/tokens", json: { login: owner.email, password, ...(code ? { code } : {}) } });
    for (let i = 0; i < 10; i++) expect(errorCode(await token(attacker, `Wrong-${i}-password`))).toBe("INVALID_CREDENTIALS");
    // From the attacker's address, right or wrong, the answer is the same: a code is needed.
    const wrong = await token(attacker, "Wrong-again-1");
    const right = await token(attacker, DEMO_PASSWORD);
    expect([wrong.status, errorCode(wrong)]).toEqual([401, "VERIFICATION_REQUIRED"]);
    expect([right.status, errorCode(right)]).toEqual([401, "VERIFICATION_REQUIRED"]);
    expect(JSON.parse(right.text)).toEqual(JSON.parse(wrong.text));
    // A guessed code does not get in either.
    expect(errorCode(await token(attacker, DEMO_PASSWORD, "123456"))).toBe("VERIFICATION_FAILED");
    // The owner, elsewhere, is not held up.
    expect((await token(ownAddress(), DEMO_PASSWORD)).status).toBe(201);
  });

  test("after too many failures the sign-in form asks for the code sent to the account, and it signs in", async ({ page }) => {
    const owner = await createAccount({ label: "step-up" });
    // The failures come from the address the browser will use.
    for (let i = 0; i < 10; i++) await send({ from: "127.0.0.1", method: "POST", path: "/api/v1/tokens", json: { login: owner.email, password: `Wrong-${i}-password` } });
    const origin = `http://127.0.0.1:${PORT}`;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${origin}/sign-in`);
    await page.getByLabel(zh.Auth.login).fill(owner.email);
    await page.getByLabel(zh.Auth.password).fill(DEMO_PASSWORD);
    const since = Date.now();
    await page.getByRole("button", { name: zh.Auth.signIn, exact: true }).click();

    const codeField = page.getByLabel(zh.Auth.code);
    await expect(codeField).toBeVisible();
    await expect(codeField).toBeFocused();
    await expect(page.getByTestId("sign-in-error")).toContainText(owner.email);
    // The password typed stays for the second submission.
    await expect(page.getByLabel(zh.Auth.password)).toHaveValue(DEMO_PASSWORD);
    const box = await codeField.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);

    // A wrong code first: refused, the field is emptied for another try.
    await codeField.fill("000000");
    await page.getByRole("button", { name: zh.Auth.signIn, exact: true }).click();
    await expect(page.getByTestId("sign-in-error")).toHaveText(zh.Auth.errors.verification_failed);
    await expect(codeField).toHaveValue("");

    await codeField.fill(await latestCode(owner.email, since));
    await page.getByRole("button", { name: zh.Auth.signIn, exact: true }).click();
    await expect(page.getByTestId("account-menu")).toBeVisible();
  });
});
