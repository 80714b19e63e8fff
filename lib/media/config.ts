// Video settings read from the validated environment, and where the media files live on this machine.
import "server-only";
import path from "node:path";
import { env } from "@/lib/config/env";

export interface MediaConfig {
  /** Root of uploads in progress, transcoding work and local private renditions. */
  dir: string;
  uploadsDir: string;
  workDir: string;
  /** Local private renditions (unused when S3 is configured). */
  assetsDir: string;
  maxUploadBytes: number;
  maxDurationSeconds: number;
  transcodeConcurrency: number;
  urlTtlSeconds: number;
  uploadExpiryMs: number;
  provider: "local" | "aliyun";
}

export function mediaConfig(): MediaConfig {
  const e = env();
  // The test profile keeps its own files beside its own database (.data/test), like its services.
  const fallback = path.join(/*turbopackIgnore: true*/ process.cwd(), ".data", ...(e.NODE_ENV === "test" ? ["test"] : []), "media");
  const dir = path.resolve(/*turbopackIgnore: true*/ e.MEDIA_DIR ?? fallback);
  return {
    dir,
    uploadsDir: path.join(dir, "uploads"),
    workDir: path.join(dir, "work"),
    assetsDir: path.join(dir, "assets"),
    maxUploadBytes: e.VIDEO_MAX_UPLOAD_MB * 1024 * 1024,
    maxDurationSeconds: e.VIDEO_MAX_DURATION_MINUTES * 60,
    transcodeConcurrency: e.VIDEO_TRANSCODE_CONCURRENCY,
    urlTtlSeconds: e.VIDEO_URL_TTL_SECONDS,
    uploadExpiryMs: e.VIDEO_UPLOAD_EXPIRY_HOURS * 3600 * 1000,
    provider: e.VIDEO_PROVIDER,
  };
}
