// Demo videos: a few short clips made on this machine from ffmpeg's test sources (colour bars and a sine
// tone, a few seconds each), transcoded once to HLS and cached under .data/media-seed, then copied into the
// private media storage and shared by every seeded video lesson, so `npm run dev` has lessons that really
// play. Without ffmpeg the video lessons keep their "no video yet" note. Idempotent: lessons that already have
// a video keep it.
import "server-only";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../index";
import { lessons, videoAssets } from "../schema";

const VERSION = "v1";
const CLIPS = [
  { name: "bars", pattern: "testsrc2", frequency: 440 },
  { name: "smpte", pattern: "smptehdbars", frequency: 660 },
  { name: "rgb", pattern: "rgbtestsrc", frequency: 330 },
] as const;
const SECONDS = 6;

interface CachedClip {
  folder: string;
  dir: string;
  durationSeconds: number;
  width: number;
  height: number;
  renditions: number[];
}

async function cachedClip(clip: (typeof CLIPS)[number], cacheRoot: string, log: (msg: string) => void): Promise<CachedClip> {
  const { makeTestClip, poster, probe, renditionsFor, transcodeHls } = await import("../../lib/media/ffmpeg");
  const dir = path.join(cacheRoot, VERSION, clip.name);
  const metaFile = path.join(dir, "meta.json");
  const folder = `demo-${clip.name}-${VERSION}`;
  if (fs.existsSync(metaFile)) return { ...(JSON.parse(await fsp.readFile(metaFile, "utf8")) as Omit<CachedClip, "dir" | "folder">), dir: path.join(dir, "hls"), folder };
  log(`Making the demo clip "${clip.name}" with ffmpeg (once; cached in ${path.relative(process.cwd(), dir)}) ...`);
  // Made beside the cache and renamed into place, so two seeds at once never see half a clip.
  const tmp = `${dir}.${process.pid}.${Date.now()}.tmp`;
  const source = path.join(tmp, "source.mp4");
  await makeTestClip(source, { seconds: SECONDS, width: 1920, height: 1080, frequency: clip.frequency, pattern: clip.pattern });
  const info = await probe(source);
  const renditions = renditionsFor(info.height);
  await transcodeHls({ input: source, outDir: path.join(tmp, "hls"), source: info, renditions });
  await poster(source, path.join(tmp, "hls", "poster.jpg"), info);
  await fsp.rm(source, { force: true });
  const meta = { durationSeconds: info.durationSeconds, width: info.width, height: info.height, renditions };
  await fsp.writeFile(path.join(tmp, "meta.json"), JSON.stringify(meta));
  try {
    await fsp.rename(tmp, dir);
  } catch {
    // Another seed finished the same clip first: use theirs.
    await fsp.rm(tmp, { recursive: true, force: true });
  }
  return { ...meta, dir: path.join(dir, "hls"), folder };
}

async function filesUnder(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fsp.readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    out.push(...(entry.isDirectory() ? await filesUnder(dir, rel) : [rel]));
  }
  return out;
}

export async function seedDemoVideos(db: Database, log: (msg: string) => void): Promise<number> {
  const { ffmpegInstalled } = await import("../../lib/media/ffmpeg");
  if (!ffmpegInstalled()) {
    log("ffmpeg is not installed: video lessons show a note instead of a video (npm run dev installs it).");
    return 0;
  }
  const [waiting] = await db.select({ n: sql<number>`count(*)` }).from(lessons).where(and(eq(lessons.kind, "video"), isNull(lessons.videoAssetId)));
  if (Number(waiting?.n ?? 0) === 0) return 0;

  const { mediaStorage, assetKey } = await import("../../lib/media/files");
  const { contentTypeOf } = await import("../../lib/media/signing");
  const cacheRoot = path.join(process.cwd(), ".data", "media-seed");
  const assetIds: number[] = [];
  for (const clip of CLIPS) {
    const cached = await cachedClip(clip, cacheRoot, log);
    const files = await filesUnder(cached.dir);
    // Playlists last, the master last of all: a folder with a master playlist has everything it names.
    const rank = (f: string) => (f === "master.m3u8" ? 2 : f.endsWith(".m3u8") ? 1 : 0);
    for (const file of files.sort((a, b) => rank(a) - rank(b))) await mediaStorage().putFile(assetKey(cached.folder, file), path.join(cached.dir, file), contentTypeOf(file));
    const [existing] = await db.select({ id: videoAssets.id }).from(videoAssets).where(eq(videoAssets.dir, cached.folder)).limit(1);
    if (existing) assetIds.push(existing.id);
    else {
      const [result] = await db.insert(videoAssets).values({
        lessonId: null,
        status: "ready",
        progress: 100,
        sourceName: `${clip.name}.mp4`,
        dir: cached.folder,
        durationSeconds: Math.round(cached.durationSeconds),
        width: cached.width,
        height: cached.height,
        renditions: cached.renditions,
        readyAt: new Date(),
      });
      assetIds.push(Number(result.insertId));
    }
  }
  // Lessons take the clips in turn. Their listed lengths stay as seeded: the clips are stand-ins.
  const cases = assetIds.map((id, i) => sql`WHEN ${i} THEN ${id}`);
  await db.execute(sql`UPDATE lessons SET video_asset_id = CASE MOD(id, ${assetIds.length}) ${sql.join(cases, sql` `)} END WHERE kind = 'video' AND video_asset_id IS NULL`);
  log(`Demo videos: ${assetIds.length} clips shared by the video lessons.`);
  return assetIds.length;
}
