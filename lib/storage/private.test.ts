// Private objects: the local adapter's ranged, streamed reads, and the S3 adapter against a small in-memory S3
// on loopback that checks each request is signed (Signature V4 present, for the bucket's private/ prefix) and
// answers ranges, 416 past the end, listings and deletes as S3 does.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localPrivateStorage, s3PrivateStorage, type PrivateRead } from "./private";

const text = async (read: PrivateRead) => ("body" in read ? Buffer.from(await new Response(read.body).arrayBuffer()).toString() : null);

describe("local private storage", () => {
  let root: string;
  let source: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "xuefu-private-"));
    source = path.join(root, "..", `src-${process.pid}.txt`);
    fs.writeFileSync(source, "0123456789");
  });
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(source, { force: true });
  });

  it("stores a file and reads it whole or in a range", async () => {
    const store = localPrivateStorage(root);
    await store.putFile("video/a1-abcdef/720/seg_00000.ts", source, "video/mp2t");
    const whole = await store.read("video/a1-abcdef/720/seg_00000.ts", null);
    expect(whole).toMatchObject({ status: 200, size: 10, start: 0, end: 9 });
    expect(await text(whole)).toBe("0123456789");
    const part = await store.read("video/a1-abcdef/720/seg_00000.ts", { start: 2, end: 4 });
    expect(part).toMatchObject({ status: 206, start: 2, end: 4, size: 10 });
    expect(await text(part)).toBe("234");
    expect(await text(await store.read("video/a1-abcdef/720/seg_00000.ts", { suffix: 3 }))).toBe("789");
  });

  it("answers 416 past the end, 404 for what is not there, and refuses keys that leave the root", async () => {
    const store = localPrivateStorage(root);
    expect(await store.read("video/a1-abcdef/720/seg_00000.ts", { start: 10 })).toEqual({ status: 416, size: 10 });
    expect(await store.read("video/nothing/here.ts", null)).toEqual({ status: 404 });
    expect(await store.read("../outside", null)).toEqual({ status: 404 });
    await expect(store.putFile("../outside", source, "text/plain")).rejects.toThrow(/Invalid storage key/);
  });

  it("deletes a folder with everything in it", async () => {
    const store = localPrivateStorage(root);
    await store.deleteFolder("video/a1-abcdef");
    expect(await store.read("video/a1-abcdef/720/seg_00000.ts", null)).toEqual({ status: 404 });
  });
});

describe("S3 private storage", () => {
  const objects = new Map<string, Buffer>();
  const requests: { method: string; url: string; signed: boolean; range?: string }[] = [];
  let server: http.Server;
  let endpoint: string;
  let source: string;

  beforeAll(async () => {
    source = path.join(os.tmpdir(), `xuefu-s3-src-${process.pid}.txt`);
    fs.writeFileSync(source, "abcdefghij");
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const url = new URL(req.url!, "http://s3");
        const signed = /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/cn-north-1\/s3\/aws4_request, SignedHeaders=\S+, Signature=[0-9a-f]{64}$/.test(String(req.headers.authorization ?? ""));
        requests.push({ method: req.method!, url: req.url!, signed, range: req.headers.range });
        if (!signed) return void res.writeHead(403).end();
        const key = decodeURIComponent(url.pathname.replace(/^\/bucket\/?/, ""));
        if (req.method === "GET" && url.searchParams.get("list-type") === "2") {
          const keys = [...objects.keys()].filter((k) => k.startsWith(url.searchParams.get("prefix") ?? ""));
          return void res.writeHead(200, { "content-type": "application/xml" }).end(`<ListBucketResult>${keys.map((k) => `<Contents><Key>${k}</Key></Contents>`).join("")}</ListBucketResult>`);
        }
        if (req.method === "PUT") return void (objects.set(key, Buffer.concat(chunks)), res.writeHead(200).end());
        if (req.method === "DELETE") return void (objects.delete(key), res.writeHead(204).end());
        const body = objects.get(key);
        if (!body) return void res.writeHead(404).end();
        const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "");
        if (!m) return void res.writeHead(200, { "content-length": String(body.length) }).end(body);
        const start = m[1] === "" ? body.length - Number(m[2]) : Number(m[1]);
        const end = m[1] === "" || m[2] === "" ? body.length - 1 : Math.min(Number(m[2]), body.length - 1);
        if (start >= body.length) return void res.writeHead(416, { "content-range": `bytes */${body.length}` }).end();
        res.writeHead(206, { "content-range": `bytes ${start}-${end}/${body.length}`, "content-length": String(end - start + 1) }).end(body.subarray(start, end + 1));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    fs.rmSync(source, { force: true });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const store = () => s3PrivateStorage({ endpoint, bucket: "bucket", region: "cn-north-1", accessKeyId: "AKIDTEST", secretAccessKey: "secret", publicUrl: "https://cdn.example.com" });

  it("puts objects under private/ with signed requests", async () => {
    await store().putFile("video/a2-abcdef/master.m3u8", source, "application/vnd.apple.mpegurl");
    expect(requests.at(-1)).toMatchObject({ method: "PUT", url: "/bucket/private/video/a2-abcdef/master.m3u8", signed: true });
    expect(objects.get("private/video/a2-abcdef/master.m3u8")?.toString()).toBe("abcdefghij");
  });

  it("reads signed, passing the range on, and reports 416 and 404 as S3 answers them", async () => {
    const part = await store().read("video/a2-abcdef/master.m3u8", { start: 3, end: 5 });
    expect(requests.at(-1)).toMatchObject({ method: "GET", signed: true, range: "bytes=3-5" });
    expect(part).toMatchObject({ status: 206, start: 3, end: 5, size: 10 });
    expect(await text(part)).toBe("def");
    const whole = await store().read("video/a2-abcdef/master.m3u8", null);
    expect(whole).toMatchObject({ status: 200, size: 10 });
    expect(await text(whole)).toBe("abcdefghij");
    expect(await store().read("video/a2-abcdef/master.m3u8", { start: 50 })).toEqual({ status: 416, size: 10 });
    expect(await store().read("video/a2-abcdef/none.ts", null)).toEqual({ status: 404 });
  });

  it("deletes a folder by listing it", async () => {
    await store().putFile("video/a2-abcdef/720/seg_00000.ts", source, "video/mp2t");
    await store().putFile("video/a3-keepme/master.m3u8", source, "application/vnd.apple.mpegurl");
    await store().deleteFolder("video/a2-abcdef");
    expect([...objects.keys()]).toEqual(["private/video/a3-keepme/master.m3u8"]);
  });
});
