// Uploads on S3-compatible object storage, each request signed with AWS Signature V4 by aws4fetch (a few kB
// over fetch; the whole AWS SDK is not needed for put and delete). Path-style URLs work with AWS, MinIO and
// the Chinese clouds' S3 endpoints alike: <endpoint>/<bucket>/<key>.
import "server-only";
import { createHash } from "node:crypto";
import { AwsClient } from "aws4fetch";
import { assertValidKey, type Storage } from "./types";

export interface S3Config {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  publicUrl: string;
}

const trimSlash = (url: string) => url.replace(/\/+$/, "");

export function s3Storage(config: S3Config, fetchImpl: typeof fetch = fetch): Storage {
  const client = new AwsClient({ accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, region: config.region, service: "s3" });
  const objectUrl = (key: string) => `${trimSlash(config.endpoint)}/${encodeURIComponent(config.bucket)}/${key.split("/").map(encodeURIComponent).join("/")}`;

  async function send(method: "PUT" | "DELETE", key: string, init: { body?: Uint8Array; headers?: Record<string, string> } = {}): Promise<void> {
    assertValidKey(key);
    // aws4fetch would send UNSIGNED-PAYLOAD for S3; signing the body's hash lets S3 reject altered bytes.
    const headers = { ...init.headers, "x-amz-content-sha256": createHash("sha256").update(init.body ?? new Uint8Array()).digest("hex") };
    const signed = await client.sign(objectUrl(key), { method, body: init.body ? new Uint8Array(init.body) : undefined, headers, aws: { allHeaders: true } });
    const response = await fetchImpl(signed);
    // 404 on delete: already gone.
    if (!response.ok && !(method === "DELETE" && response.status === 404)) {
      const text = (await response.text().catch(() => "")).slice(0, 300);
      throw new Error(`S3 ${method} ${key} failed: ${response.status} ${text}`);
    }
    await response.body?.cancel();
  }

  return {
    async put(key, bytes, contentType) {
      await send("PUT", key, { body: bytes, headers: { "content-type": contentType, "cache-control": "public, max-age=31536000, immutable" } });
      return { url: `${trimSlash(config.publicUrl)}/${key}` };
    },
    async delete(key) {
      await send("DELETE", key);
    },
  };
}
