// The transcode: a source file becomes HLS renditions, a poster and a duration in private storage. The worker
// runs it for each upload (media:transcode); the seed runs it for the demo clips.
import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Job } from "bullmq";
import { logger } from "@/lib/log";
import { finishAsset, markFailed, markTranscoding, setProgress, type ReadyVideo, type VideoAsset } from "./assets";
import { mediaConfig } from "./config";
import { MediaFileError, poster, probe, renditionsFor, transcodeHls } from "./ffmpeg";
import { assetKey, mediaStorage, sourcePath } from "./files";
import { contentTypeOf } from "./signing";

const log = logger.child({ component: "media" });

function formatLength(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return h > 0 ? `${h} h ${m} min` : `${m} min`;
}

/** Files under `dir`, as paths relative to it. */
async function filesUnder(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fsp.readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await filesUnder(dir, rel)));
    else out.push(rel);
  }
  return out;
}

/**
 * Probes, checks the length, transcodes and stores `input` under a new random folder. Playlists are stored
 * last, the master last of all, so a folder that has a master playlist has everything it names.
 */
export async function transcodeToStorage(input: string, opts: { folderPrefix: string; onProgress?: (percent: number) => void; signal?: AbortSignal }): Promise<ReadyVideo & { dir: string }> {
  const config = mediaConfig();
  const source = await probe(input);
  if (source.durationSeconds > config.maxDurationSeconds) {
    throw new MediaFileError(`the video is ${formatLength(source.durationSeconds)} long; at most ${formatLength(config.maxDurationSeconds)} is accepted`);
  }
  const renditions = renditionsFor(source.height);
  const dir = `${opts.folderPrefix}-${randomBytes(8).toString("hex")}`;
  const work = path.join(config.workDir, dir);
  await fsp.mkdir(work, { recursive: true });
  try {
    await transcodeHls({ input, outDir: work, source, renditions, onProgress: opts.onProgress, signal: opts.signal });
    await poster(input, path.join(work, "poster.jpg"), source);
    const files = await filesUnder(work);
    const rank = (f: string) => (f === "master.m3u8" ? 2 : f.endsWith(".m3u8") ? 1 : 0);
    files.sort((a, b) => rank(a) - rank(b));
    const storage = mediaStorage();
    for (const file of files) await storage.putFile(assetKey(dir, file), path.join(work, file), contentTypeOf(file));
    return { dir, durationSeconds: source.durationSeconds, width: source.width, height: source.height, renditions };
  } finally {
    await fsp.rm(work, { recursive: true, force: true });
  }
}

/** The local provider's part of the worker's job: one uploaded asset to ready, or to "failed: <reason>". */
export async function runLocalTranscode(asset: VideoAsset, job?: Pick<Job, "updateProgress">): Promise<{ assetId: number; status: string }> {
  const assetId = asset.id;
  if (!asset.sourceKey || !fs.existsSync(sourcePath(asset.sourceKey))) {
    await markFailed(assetId, "the uploaded file is no longer there; upload the video again");
    return { assetId, status: "failed" };
  }
  await markTranscoding(assetId);
  let lastWrite = 0;
  const onProgress = (percent: number) => {
    void job?.updateProgress(percent);
    // The editor polls the row; a write every 2 s is plenty.
    if (Date.now() - lastWrite < 2_000 && percent < 100) return;
    lastWrite = Date.now();
    setProgress(assetId, percent).catch((err: unknown) => log.warn({ err, assetId }, "recording progress failed"));
  };
  try {
    const video = await transcodeToStorage(sourcePath(asset.sourceKey), { folderPrefix: `a${assetId}`, onProgress });
    await finishAsset(assetId, video);
    log.info({ assetId, lessonId: asset.lessonId, seconds: video.durationSeconds, renditions: video.renditions }, "video ready");
    return { assetId, status: "ready" };
  } catch (error) {
    if (error instanceof MediaFileError) {
      await markFailed(assetId, error.message);
      log.warn({ assetId, reason: error.message }, "video failed");
      return { assetId, status: "failed" };
    }
    log.error({ err: error, assetId }, "transcoding stopped");
    await markFailed(assetId, "transcoding stopped unexpectedly; try again");
    throw error;
  }
}
