// Private objects: files no browser may fetch directly (video renditions). They are written by the worker and
// read back only through a route that has checked the reader's signed URL first, in ranges and as streams, so
// a 1 GB file never sits in memory. On local disk they live outside the public /uploads root; on S3-compatible
// stores under the `private/` prefix of the same bucket (give that prefix no public read), each read signed
// with Signature V4.
import "server-only";
import fsp from "node:fs/promises";
import path from "node:path";
import { createHash } from "node:crypto";
import { AwsClient } from "aws4fetch";
import type { S3Config } from "./s3";
import { assertValidKey } from "./types";

/** A byte range as a client asked for it: `bytes=a-b`, `bytes=a-` or `bytes=-n`. */
export type ByteRange = { start: number; end?: number } | { suffix: number };

export type PrivateRead =
  | { status: 200 | 206; size: number; start: number; end: number; body: ReadableStream<Uint8Array> }
  | { status: 416; size: number }
  | { status: 404 };

export interface PrivateStorage {
  putFile(key: string, file: string, contentType: string): Promise<void>;
  read(key: string, range: ByteRange | null): Promise<PrivateRead>;
  /** Removes every object under `prefix/`. */
  deleteFolder(prefix: string): Promise<void>;
  /** Removes one object; removing one that is not there is not an error. */
  deleteObject(key: string): Promise<void>;
}

/** One `Range` header → a range, or null for none or one we do not serve (several ranges, other units). */
export function parseRange(header: string | null): ByteRange | null | "invalid" {
  if (header === null) return null;
  const match = /^bytes=(\d{0,15})-(\d{0,15})$/.exec(header.trim());
  if (!match) return "invalid";
  const [, a = "", b = ""] = match;
  if (a === "" && b === "") return "invalid";
  if (a === "") return { suffix: Number(b) };
  const start = Number(a);
  if (b !== "" && Number(b) < start) return "invalid";
  return b === "" ? { start } : { start, end: Number(b) };
}

/** The bytes a range covers in a file of `size`, or null when none of them exist (416). */
export function resolveRange(range: ByteRange | null, size: number): { start: number; end: number } | null {
  if (range === null) return size === 0 ? { start: 0, end: -1 } : { start: 0, end: size - 1 };
  if ("suffix" in range) return range.suffix === 0 || size === 0 ? null : { start: Math.max(0, size - range.suffix), end: size - 1 };
  if (range.start >= size) return null;
  return { start: range.start, end: Math.min(size - 1, range.end ?? size - 1) };
}

function localPath(root: string, key: string): string {
  assertValidKey(key);
  const base = path.resolve(root);
  const file = path.resolve(base, key);
  if (!file.startsWith(base + path.sep)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
  return file;
}

const CHUNK_BYTES = 256 * 1024;

/**
 * Bytes `start..end` of an open file as a web stream that reads a chunk only when the client has taken the
 * last one (one chunk in hand at most), so a slow client never makes the server read ahead: memory stays flat
 * however many clients stream. (Readable.toWeb over a file stream read the whole range ahead.)
 */
function pulledFrom(handle: fsp.FileHandle, start: number, end: number): ReadableStream<Uint8Array> {
  let position = start;
  const close = () => handle.close().catch(() => undefined);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const size = Math.min(CHUNK_BYTES, end - position + 1);
        if (size <= 0) {
          await close();
          return controller.close();
        }
        try {
          const { bytesRead, buffer } = await handle.read(new Uint8Array(size), 0, size, position);
          if (bytesRead === 0) {
            await close();
            return controller.close();
          }
          position += bytesRead;
          controller.enqueue(buffer.subarray(0, bytesRead));
        } catch (error) {
          await close();
          controller.error(error);
        }
      },
      cancel: close,
    },
    { highWaterMark: 1 },
  );
}

export function localPrivateStorage(root: string): PrivateStorage {
  return {
    async putFile(key, file) {
      const target = localPath(root, key);
      await fsp.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
      await fsp.copyFile(file, tmp);
      await fsp.rename(tmp, target);
    },
    async read(key, range) {
      // Opened before anything is answered: a file removed a moment later (a replaced video) is still read to
      // the end from the open descriptor, and a missing one is a 404 here rather than a stream error later.
      let handle: fsp.FileHandle;
      try {
        handle = await fsp.open(localPath(root, key), "r");
      } catch {
        return { status: 404 };
      }
      const stat = await handle.stat();
      const span = stat.isFile() ? resolveRange(range, stat.size) : null;
      if (!stat.isFile() || !span || span.end < span.start) {
        await handle.close();
        if (!stat.isFile()) return { status: 404 };
        if (!span) return { status: 416, size: stat.size };
        return { status: 200, size: 0, start: 0, end: -1, body: new ReadableStream<Uint8Array>({ start: (c) => c.close() }) };
      }
      return { status: range ? 206 : 200, size: stat.size, start: span.start, end: span.end, body: pulledFrom(handle, span.start, span.end) };
    },
    async deleteFolder(prefix) {
      await fsp.rm(localPath(root, prefix), { recursive: true, force: true });
    },
    async deleteObject(key) {
      await fsp.rm(localPath(root, key), { force: true });
    },
  };
}

export function s3PrivateStorage(config: S3Config, fetchImpl: typeof fetch = fetch): PrivateStorage {
  const client = new AwsClient({ accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, region: config.region, service: "s3" });
  const base = `${config.endpoint.replace(/\/+$/, "")}/${encodeURIComponent(config.bucket)}`;
  const objectUrl = (key: string) => `${base}/private/${key.split("/").map(encodeURIComponent).join("/")}`;
  const emptyHash = createHash("sha256").update("").digest("hex");

  return {
    async putFile(key, file, contentType) {
      assertValidKey(key);
      // Segments and playlists are a few MB at most; the hash lets S3 reject altered bytes.
      const body = new Uint8Array(await fsp.readFile(file));
      const headers = { "content-type": contentType, "x-amz-content-sha256": createHash("sha256").update(body).digest("hex") };
      const response = await fetchImpl(await client.sign(objectUrl(key), { method: "PUT", body, headers, aws: { allHeaders: true } }));
      if (!response.ok) throw new Error(`S3 PUT private/${key} failed: ${response.status} ${(await response.text().catch(() => "")).slice(0, 200)}`);
      await response.body?.cancel();
    },
    async read(key, range) {
      assertValidKey(key);
      const headers: Record<string, string> = { "x-amz-content-sha256": emptyHash };
      if (range) headers.range = "suffix" in range ? `bytes=-${range.suffix}` : `bytes=${range.start}-${range.end ?? ""}`;
      const response = await fetchImpl(await client.sign(objectUrl(key), { method: "GET", headers }));
      if (response.status === 404 || response.status === 403) {
        await response.body?.cancel();
        return { status: 404 };
      }
      const total = (value: string | null) => Number(/\/(\d+)$/.exec(value ?? "")?.[1] ?? Number.NaN);
      if (response.status === 416) {
        await response.body?.cancel();
        return { status: 416, size: total(response.headers.get("content-range")) };
      }
      if (!response.ok || !response.body) throw new Error(`S3 GET private/${key} failed: ${response.status}`);
      if (response.status === 206) {
        const m = /bytes (\d+)-(\d+)\/(\d+)/.exec(response.headers.get("content-range") ?? "");
        if (!m) throw new Error(`S3 GET private/${key}: 206 without Content-Range`);
        return { status: 206, start: Number(m[1]), end: Number(m[2]), size: Number(m[3]), body: response.body };
      }
      const size = Number(response.headers.get("content-length") ?? "0");
      return { status: 200, start: 0, end: size - 1, size, body: response.body };
    },
    async deleteObject(key) {
      assertValidKey(key);
      const response = await fetchImpl(await client.sign(objectUrl(key), { method: "DELETE", headers: { "x-amz-content-sha256": emptyHash } }));
      await response.body?.cancel();
      if (!response.ok && response.status !== 404) throw new Error(`S3 DELETE private/${key} failed: ${response.status}`);
    },
    async deleteFolder(prefix) {
      assertValidKey(prefix);
      // ListObjectsV2 then one DELETE per key: a video has a few hundred objects at most.
      for (;;) {
        const list = await fetchImpl(await client.sign(`${base}?list-type=2&prefix=${encodeURIComponent(`private/${prefix}/`)}&max-keys=1000`, { method: "GET", headers: { "x-amz-content-sha256": emptyHash } }));
        const xml = await list.text();
        if (!list.ok) throw new Error(`S3 list private/${prefix} failed: ${list.status}`);
        const keys = [...xml.matchAll(/<Key>([^<]+)<\/Key>/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
        if (keys.length === 0) return;
        for (const k of keys) {
          const response = await fetchImpl(await client.sign(`${base}/${k.split("/").map(encodeURIComponent).join("/")}`, { method: "DELETE", headers: { "x-amz-content-sha256": emptyHash } }));
          await response.body?.cancel();
          // A refused delete would list the same key again for ever.
          if (!response.ok && response.status !== 404) throw new Error(`S3 DELETE ${k} failed: ${response.status}`);
        }
      }
    },
  };
}
