// The storage adapter this process uses: S3 when the S3_* settings are there, otherwise local disk under
// UPLOAD_DIR (default .data/uploads).
import "server-only";
import path from "node:path";
import { env } from "@/lib/config/env";
import { localStorage } from "./local";
import { localPrivateStorage, s3PrivateStorage, type PrivateStorage } from "./private";
import { s3Storage } from "./s3";
import type { Storage } from "./types";

export type { Storage, StoredObject } from "./types";
export type { PrivateStorage } from "./private";

/** The local adapter's root directory. */
export function uploadDir(): string {
  // Read at run time from the settings; nothing here belongs in the build trace.
  return path.resolve(/*turbopackIgnore: true*/ env().UPLOAD_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), ".data", "uploads"));
}

let cached: Storage | undefined;

export function storage(): Storage {
  if (cached) return cached;
  const e = env();
  cached =
    e.S3_ENDPOINT && e.S3_BUCKET && e.S3_REGION && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY && e.S3_PUBLIC_URL
      ? s3Storage({ endpoint: e.S3_ENDPOINT, bucket: e.S3_BUCKET, region: e.S3_REGION, accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY, publicUrl: e.S3_PUBLIC_URL })
      : localStorage(uploadDir());
  return cached;
}

let cachedPrivate: PrivateStorage | undefined;

/**
 * Private objects (video renditions): S3 under `private/` when the S3_* settings are there, otherwise local
 * disk under `root` (the media folder, never the public uploads one).
 */
export function privateStorage(localRoot: string): PrivateStorage {
  if (cachedPrivate) return cachedPrivate;
  const e = env();
  cachedPrivate =
    e.S3_ENDPOINT && e.S3_BUCKET && e.S3_REGION && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY && e.S3_PUBLIC_URL
      ? s3PrivateStorage({ endpoint: e.S3_ENDPOINT, bucket: e.S3_BUCKET, region: e.S3_REGION, accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY, publicUrl: e.S3_PUBLIC_URL })
      : localPrivateStorage(localRoot);
  return cachedPrivate;
}
