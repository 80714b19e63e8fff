// The HTTP server hook on a real node:http server, as `next start` runs one: the peer address reaches the
// app however the client dresses its headers, and what the hook answers never reaches the handler.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_HEADER, clientIpFromHeaders, peerAddress } from "./client-ip";
import { BODY_LIMITS } from "./routes";
import { installServerHook } from "./server-hook";

interface Seen {
  url: string;
  headers: Headers;
  bodyBytes: number;
}

let server: http.Server;
let port: number;
const seen: Seen[] = [];

beforeAll(async () => {
  installServerHook();
  server = http.createServer((req, res) => {
    let bodyBytes = 0;
    req.on("data", (chunk: Buffer) => (bodyBytes += chunk.length));
    req.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      seen.push({ url: req.url ?? "", headers, bodyBytes });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ bodyBytes }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  keepAlive.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

// Kept-alive connections, so a "Connection: close" in an answer is the server's decision.
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });

function send(opts: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer; chunks?: Buffer[]; localAddress?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method: opts.method ?? "GET", path: opts.path, headers: opts.headers, localAddress: opts.localAddress, agent: opts.localAddress ? false : keepAlive }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on("error", reject);
    if (opts.chunks) for (const chunk of opts.chunks) req.write(chunk);
    req.end(opts.body);
  });
}

const lastSeen = (url: string) => seen.filter((s) => s.url === url).at(-1);

describe("the peer address", () => {
  it("is the socket's, whatever X-Forwarded-For or a forged internal header says", async () => {
    const path = `/api/v1/courses?peer=${Date.now()}`;
    await send({ path, localAddress: "127.0.0.23", headers: { "x-forwarded-for": "203.0.113.9", [PEER_HEADER]: "forged 198.51.100.1", "x-real-ip": "198.51.100.2" } });
    const headers = lastSeen(path)!.headers;
    expect(peerAddress(headers)).toBe("127.0.0.23");
    expect(clientIpFromHeaders(headers)).toBe("127.0.0.23");
  });

  it("is unknown for a request that did not come through the hook", () => {
    expect(clientIpFromHeaders(new Headers({ "x-forwarded-for": "203.0.113.9", [PEER_HEADER]: "forged 198.51.100.1" }))).toBe("unknown");
    expect(clientIpFromHeaders(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBe("unknown");
  });
});

describe("answers the handler never sees", () => {
  it("405 with Allow and the JSON error for TRACE on an API route", async () => {
    const path = `/api/v1/courses?trace=${Date.now()}`;
    const res = await send({ method: "TRACE", path });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("GET, HEAD, OPTIONS");
    expect(JSON.parse(res.text)).toMatchObject({ error: { code: "METHOD_NOT_ALLOWED" } });
    expect(lastSeen(path)).toBeUndefined();
  });

  it("413 for a Content-Length over the route's limit, before any of the body is sent", async () => {
    const path = `/api/v1/tokens?big=${Date.now()}`;
    const res = await new Promise<{ status: number; text: string; connection?: string }>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, method: "POST", path, agent: false, headers: { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) } }, (r) => {
        let text = "";
        r.on("data", (c: Buffer) => (text += c.toString()));
        r.on("end", () => resolve({ status: r.statusCode ?? 0, text, connection: r.headers.connection }));
      });
      req.on("error", reject);
      req.flushHeaders(); // headers only: the server must answer without waiting for 50 MB
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text)).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: "The request body may be at most 16 kB." } });
    expect(res.connection).toBe("close");
    expect(lastSeen(path)).toBeUndefined();
  });
});

describe("clients that keep sending a refused body", () => {
  it("read the 413 for a declared Content-Length over the limit, body and all", async () => {
    const path = `/api/v1/tokens?eager=${Date.now()}`;
    const body = Buffer.alloc(2 * 1024 * 1024, 120);
    const res = await send({ method: "POST", path, headers: { "content-type": "application/json", "content-length": String(body.length) }, body });
    expect(res.status).toBe(413);
    expect(lastSeen(path)).toBeUndefined();
  });

  it("read the answer to a chunked body cut off at the limit, however much more they send", async () => {
    const path = `/api/v1/tokens?eager-chunked=${Date.now()}`;
    const chunk = Buffer.alloc(64 * 1024, 120);
    const res = await send({ method: "POST", path, headers: { "content-type": "application/json", "transfer-encoding": "chunked" }, chunks: Array.from({ length: 32 }, () => chunk) });
    expect(res.status).toBe(200);
    expect(lastSeen(path)!.bodyBytes).toBe(BODY_LIMITS.json + 1);
    expect(res.headers.connection).toBe("close");
  });
});

describe("bodies without Content-Length", () => {
  it("passes on the limit plus one byte of a longer chunked body, then ends it", async () => {
    const path = `/api/v1/tokens?chunked=${Date.now()}`;
    const chunk = Buffer.alloc(4096, 120);
    const res = await send({ method: "POST", path, headers: { "content-type": "application/json", "transfer-encoding": "chunked" }, chunks: Array.from({ length: 40 }, () => chunk) });
    expect(res.status).toBe(200);
    expect(lastSeen(path)!.bodyBytes).toBe(BODY_LIMITS.json + 1);
    expect(res.headers.connection).toBe("close");
  });

  it("passes a chunked body within the limit whole", async () => {
    const path = `/api/v1/tokens?small=${Date.now()}`;
    const res = await send({ method: "POST", path, headers: { "content-type": "application/json", "transfer-encoding": "chunked" }, chunks: [Buffer.alloc(BODY_LIMITS.json - 1, 120)] });
    expect(res.status).toBe(200);
    expect(lastSeen(path)!.bodyBytes).toBe(BODY_LIMITS.json - 1);
    expect(res.headers.connection).not.toBe("close");
  });
});
