// The media queue's housekeeping: unfinished uploads past their expiry are deleted (the tus store's own
// expiration), and a transcode whose worker died (no progress for 15 minutes) ends as "failed" with a retry
// button instead of spinning for ever.
import "server-only";
import { FileStore } from "@tus/file-store";
import { logger } from "@/lib/log";
import { markFailed, staleAssets } from "./assets";
import { mediaConfig } from "./config";

const log = logger.child({ component: "media" });
export const STALE_TRANSCODE_MS = 15 * 60_000;

export async function sweepMedia(): Promise<{ expiredUploads: number; stuck: number }> {
  const config = mediaConfig();
  const store = new FileStore({ directory: config.uploadsDir, expirationPeriodInMilliseconds: config.uploadExpiryMs });
  const expiredUploads = await store.deleteExpired();
  const { stuck } = await staleAssets(STALE_TRANSCODE_MS);
  for (const asset of stuck) await markFailed(asset.id, "transcoding stopped (the worker was interrupted); try again");
  if (expiredUploads > 0 || stuck.length > 0) log.info({ expiredUploads, stuck: stuck.length }, "media sweep");
  return { expiredUploads, stuck: stuck.length };
}
