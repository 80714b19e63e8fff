// The storage adapters for real: the local one on a temporary directory (and the route that serves it), the
// S3 one against a small HTTP server on loopback that recomputes the AWS Signature V4 itself and keeps the
// bytes it receives.
import { createHash, createHmac } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const uploadRoot = vi.hoisted(() => {
  // Before anything reads the validated settings: the serving route must look in this directory.
  const dir = `${process.env.TMPDIR ?? "/tmp"}/xuefu-storage-${process.pid}-${Date.now()}`;
  process.env.UPLOAD_DIR = dir;
  return dir;
});

import { GET as serveUpload } from "@/app/uploads/[...key]/route";
import { localStorage, resolveLocalKey } from "./local";
import { s3Storage } from "./s3";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

afterAll(() => fs.rmSync(uploadRoot, { recursive: true, force: true }));

describe("local storage", () => {
  const store = localStorage(uploadRoot);
  const serve = (key: string[]) => serveUpload(new Request(`http://localhost/uploads/${key.join("/")}`), { params: Promise.resolve({ key }) });

  it("writes the bytes under the root and answers the /uploads URL", async () => {
    const { url } = await store.put("images/2026/11/abc.png", PNG, "image/png");
    expect(url).toBe("/uploads/images/2026/11/abc.png");
    expect(new Uint8Array(fs.readFileSync(path.join(uploadRoot, "images/2026/11/abc.png")))).toEqual(PNG);
  });

  it("is served with its type, nosniff, a sandbox and long caching", async () => {
    await store.put("images/served.png", PNG, "image/png");
    const response = await serve(["images", "served.png"]);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
  });

  it("serves nothing outside the root, nothing without an image extension, nothing missing", async () => {
    const outside = path.join(path.dirname(uploadRoot), `secret-${process.pid}.png`);
    fs.writeFileSync(outside, PNG);
    try {
      for (const key of [["..", path.basename(outside)], ["images", "..", "..", path.basename(outside)], ["%2e%2e", path.basename(outside)], ["..%2f" + path.basename(outside)], [outside]]) {
        expect((await serve(key)).status, key.join("/")).toBe(404);
      }
    } finally {
      fs.rmSync(outside, { force: true });
    }
    fs.writeFileSync(path.join(uploadRoot, "page.html"), "<script>alert(1)</script>");
    expect((await serve(["page.html"])).status).toBe(404);
    expect((await serve(["images", "missing.png"])).status).toBe(404);
  });

  it("refuses keys that could leave the root", async () => {
    for (const key of ["../x.png", "a/../../x.png", "/etc/passwd", "a//b.png", "./x.png", "a\\..\\x.png", ""]) {
      expect(resolveLocalKey(uploadRoot, key), key).toBeNull();
      await expect(store.put(key, PNG, "image/png")).rejects.toThrow(/Invalid storage key/);
    }
  });

  it("deletes, and deleting again is fine", async () => {
    await store.put("images/gone.png", PNG, "image/png");
    await store.delete("images/gone.png");
    expect(fs.existsSync(path.join(uploadRoot, "images/gone.png"))).toBe(false);
    await expect(store.delete("images/gone.png")).resolves.toBeUndefined();
  });
});

describe("S3 storage", () => {
  const credentials = { accessKeyId: "AKIDTESTXUEFU", secretAccessKey: "test-secret-key-for-sigv4", region: "cn-north-1" };
  const received: { method: string; url: string; headers: http.IncomingHttpHeaders; body: Buffer; signatureValid: boolean }[] = [];
  let server: http.Server;
  let endpoint: string;

  const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();
  const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

  /** Recomputes the SigV4 signature from what arrived, with the secret, as S3 would. */
  function verify(method: string, url: string, headers: http.IncomingHttpHeaders, body: Buffer): boolean {
    const auth = String(headers.authorization ?? "");
    const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
    if (!match) return false;
    const [, keyId, date, region, signedHeaders, signature] = match as unknown as [string, string, string, string, string, string];
    if (keyId !== credentials.accessKeyId || region !== credentials.region) return false;
    const amzDate = String(headers["x-amz-date"]);
    if (!amzDate.startsWith(date)) return false;
    const names = signedHeaders.split(";");
    if (!["host", "x-amz-content-sha256", "x-amz-date"].every((n) => names.includes(n))) return false;
    if (headers["x-amz-content-sha256"] !== sha256(body)) return false;
    const [pathname, query = ""] = url.split("?");
    const canonical = [method, pathname, query, ...names.map((n) => `${n}:${String(headers[n]).trim()}`), "", signedHeaders, sha256(body)].join("\n");
    const scope = `${date}/${region}/s3/aws4_request`;
    const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonical)].join("\n");
    const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, date), region), "s3"), "aws4_request");
    return createHmac("sha256", key).update(toSign).digest("hex") === signature;
  }

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        const signatureValid = verify(req.method!, req.url!, req.headers, body);
        received.push({ method: req.method!, url: req.url!, headers: req.headers, body, signatureValid });
        res.statusCode = !signatureValid ? 403 : req.url!.includes("missing") ? 404 : 200;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const store = () => s3Storage({ endpoint, bucket: "xuefu-test", publicUrl: "https://cdn.example.com/u/", ...credentials });

  it("PUTs the bytes path-style with a valid SigV4 signature and answers the public URL", async () => {
    const { url } = await store().put("images/2026/11/abc.png", PNG, "image/png");
    expect(url).toBe("https://cdn.example.com/u/images/2026/11/abc.png");
    const request = received.at(-1)!;
    expect(request.method).toBe("PUT");
    expect(request.url).toBe("/xuefu-test/images/2026/11/abc.png");
    expect(request.signatureValid).toBe(true);
    expect(request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTESTXUEFU\/\d{8}\/cn-north-1\/s3\/aws4_request, SignedHeaders=\S*content-type\S*, Signature=[0-9a-f]{64}$/);
    expect(request.headers["content-type"]).toBe("image/png");
    expect(new Uint8Array(request.body)).toEqual(PNG);
  });

  it("signs DELETE too, and a missing object is not an error", async () => {
    await store().delete("images/missing.png");
    expect(received.at(-1)).toMatchObject({ method: "DELETE", url: "/xuefu-test/images/missing.png", signatureValid: true });
  });

  it("fails loudly when the server refuses the signature", async () => {
    const wrong = s3Storage({ endpoint, bucket: "xuefu-test", publicUrl: "https://cdn.example.com", ...credentials, secretAccessKey: "not-the-secret" });
    await expect(wrong.put("images/x.png", PNG, "image/png")).rejects.toThrow(/S3 PUT images\/x.png failed: 403/);
    expect(received.at(-1)!.signatureValid).toBe(false);
  });

  it("refuses keys that could escape the bucket path", async () => {
    await expect(store().put("../other-bucket/x.png", PNG, "image/png")).rejects.toThrow(/Invalid storage key/);
  });
});
