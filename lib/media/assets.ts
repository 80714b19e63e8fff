// Video assets' rows (video_assets) from a finished upload to ready renditions, and what the lesson editor
// shows of them. A new upload gets its own row; the lesson switches to it only when it is ready, in the same
// transaction that marks it ready, and the video it replaced is removed after that commit. So a lesson never
// shows half a video, and a failed transcode leaves the old one playing.
import "server-only";
import { and, desc, eq, inArray, lt, ne } from "drizzle-orm";
import { db } from "@/db";
import { lessons, videoAssets } from "@/db/schema";
import { lessonVideoChanged, setLessonVideo } from "@/lib/catalogue/lesson-content";
import { logger } from "@/lib/log";
import type { AdminContext } from "@/lib/rbac/guard";
import { removeAssetFiles, removeSource } from "./files";

const log = logger.child({ component: "media" });

export type VideoAsset = typeof videoAssets.$inferSelect;
/** Who holds an asset's renditions: our own ffmpeg + storage, or Aliyun VOD (lib/media/providers). */
export type VideoProviderName = "local" | "aliyun";

/** The asset a provider knows by its own id (Aliyun's VideoId). */
export async function findAssetByExternalId(provider: VideoProviderName, externalId: string): Promise<VideoAsset | null> {
  const [row] = await db().select().from(videoAssets).where(and(eq(videoAssets.provider, provider), eq(videoAssets.externalId, externalId))).limit(1);
  return row ?? null;
}

/** The provider has taken the file in under its own id; from here its callbacks move the asset on. */
export async function markSentToProvider(id: number, externalId: string): Promise<void> {
  await db().update(videoAssets).set({ status: "transcoding", progress: 0, error: null, externalId }).where(eq(videoAssets.id, id));
}

export async function findAsset(id: number): Promise<VideoAsset | null> {
  const [row] = await db().select().from(videoAssets).where(eq(videoAssets.id, id)).limit(1);
  return row ?? null;
}

/** A finished, checked upload becomes an asset waiting for the worker; audited in the same transaction. */
export async function createUploadedAsset(admin: AdminContext, input: { lessonId: number; sourceKey: string; sourceName: string; sourceBytes: number; container: string; provider: VideoProviderName }): Promise<number> {
  return db().transaction(async (tx) => {
    const [result] = await tx.insert(videoAssets).values({
      lessonId: input.lessonId,
      status: "uploaded",
      provider: input.provider,
      sourceKey: input.sourceKey,
      sourceName: input.sourceName.slice(0, 255),
      sourceBytes: input.sourceBytes,
      renditions: [],
      createdBy: admin.userId,
    });
    const id = Number(result.insertId);
    await admin.audit(tx, {
      targetType: "lesson",
      targetId: input.lessonId,
      summary: `Uploaded a video for lesson ${input.lessonId} (${input.container}, ${input.sourceBytes} bytes)`,
      before: null,
      after: { assetId: id, name: input.sourceName.slice(0, 100), bytes: input.sourceBytes, container: input.container },
    });
    return id;
  });
}

/** Earlier uploads of the lesson that never became its video (waiting, failed): superseded by a new one. */
export async function supersededAssets(lessonId: number, newAssetId: number): Promise<VideoAsset[]> {
  const [lesson] = await db().select({ current: lessons.videoAssetId }).from(lessons).where(eq(lessons.id, lessonId)).limit(1);
  const rows = await db()
    .select()
    .from(videoAssets)
    .where(and(eq(videoAssets.lessonId, lessonId), ne(videoAssets.id, newAssetId), inArray(videoAssets.status, ["uploaded", "failed"])));
  return rows.filter((r) => r.id !== lesson?.current);
}

export async function deleteAssetRows(rows: VideoAsset[]): Promise<void> {
  if (rows.length === 0) return;
  await db().delete(videoAssets).where(inArray(videoAssets.id, rows.map((r) => r.id)));
  for (const row of rows) {
    if (row.sourceKey) await removeSource(row.sourceKey).catch((err: unknown) => log.warn({ err, assetId: row.id }, "removing an upload failed"));
    if (row.dir) await removeAssetFiles(row.dir).catch((err: unknown) => log.warn({ err, assetId: row.id }, "removing renditions failed"));
  }
}

export async function markTranscoding(id: number): Promise<void> {
  await db().update(videoAssets).set({ status: "transcoding", progress: 0, error: null }).where(eq(videoAssets.id, id));
}

export async function setProgress(id: number, progress: number): Promise<void> {
  await db().update(videoAssets).set({ progress: Math.max(0, Math.min(100, Math.round(progress))) }).where(and(eq(videoAssets.id, id), eq(videoAssets.status, "transcoding")));
}

/** A ready asset stays ready: a late or replayed failure report changes nothing. */
export async function markFailed(id: number, reason: string): Promise<void> {
  await db().update(videoAssets).set({ status: "failed", error: reason.slice(0, 255) }).where(and(eq(videoAssets.id, id), ne(videoAssets.status, "ready")));
}

export interface ReadyVideo {
  /** The private storage folder (local provider); null when the provider keeps the files (Aliyun VOD). */
  dir: string | null;
  durationSeconds: number;
  width: number;
  height: number;
  renditions: number[];
}

/**
 * The asset is ready: one transaction marks it so and makes it its lesson's video. Afterwards the video it
 * replaced (unless another lesson still shows it) and the upload are removed, and course pages refreshed.
 */
export async function finishAsset(id: number, video: ReadyVideo): Promise<"finished" | "already" | "gone"> {
  const outcome = await db().transaction(async (tx) => {
    const [asset] = await tx.select().from(videoAssets).where(eq(videoAssets.id, id)).for("update");
    if (!asset) return null;
    // Once only: a repeated "ready" (a provider's replayed callback) must not switch a lesson back to this video.
    if (asset.status === "ready") return "already" as const;
    await tx
      .update(videoAssets)
      .set({ status: "ready", progress: 100, error: null, dir: video.dir, durationSeconds: Math.round(video.durationSeconds), width: video.width, height: video.height, renditions: video.renditions, readyAt: new Date() })
      .where(eq(videoAssets.id, id));
    const switched = asset.lessonId ? await setLessonVideo(tx, asset.lessonId, id, video.durationSeconds) : null;
    return { asset, switched };
  });
  if (outcome === "already") return "already";
  if (!outcome) {
    // The lesson (and with it the asset) was deleted while the worker ran: nothing should keep the files.
    if (video.dir) await removeAssetFiles(video.dir);
    return "gone";
  }
  const { asset, switched } = outcome;
  if (asset.sourceKey) {
    await removeSource(asset.sourceKey).catch((err: unknown) => log.warn({ err, assetId: id }, "removing the upload failed"));
    await db().update(videoAssets).set({ sourceKey: null }).where(eq(videoAssets.id, id));
  }
  if (switched?.previousAssetId) await retireAsset(switched.previousAssetId);
  if (switched) await lessonVideoChanged(switched.courseId);
  return "finished";
}

/** Removes a replaced asset unless some lesson still shows it (the seed's demo clips are shared). */
async function retireAsset(id: number): Promise<void> {
  const [user] = await db().select({ id: lessons.id }).from(lessons).where(eq(lessons.videoAssetId, id)).limit(1);
  if (user) return;
  const old = await findAsset(id);
  if (!old || old.lessonId === null) return;
  await deleteAssetRows([old]);
}

/** What the lesson editor shows: the video learners see now, and the newest upload still on its way (or failed). */
export interface LessonVideoState {
  current: { assetId: number; provider: string; durationSeconds: number; width: number; height: number; renditions: number[]; captions: string[] } | null;
  pending: { assetId: number; status: VideoAsset["status"]; progress: number; error: string | null; name: string } | null;
}

export async function lessonVideoState(lessonId: number): Promise<LessonVideoState> {
  const [lesson] = await db().select({ current: lessons.videoAssetId }).from(lessons).where(eq(lessons.id, lessonId)).limit(1);
  const current = lesson?.current ? await findAsset(lesson.current) : null;
  const [latest] = await db().select().from(videoAssets).where(eq(videoAssets.lessonId, lessonId)).orderBy(desc(videoAssets.id)).limit(1);
  const pending = latest && latest.id !== current?.id && latest.status !== "ready" ? latest : null;
  return {
    current: current && isPlayable(current) ? { assetId: current.id, provider: current.provider, durationSeconds: current.durationSeconds, width: current.width, height: current.height, renditions: current.renditions, captions: current.captions ?? [] } : null,
    pending: pending ? { assetId: pending.id, status: pending.status, progress: pending.progress, error: pending.error, name: pending.sourceName } : null,
  };
}

/** Ready, and where its provider can play it from: a storage folder (local) or the provider's video id. */
export const isPlayable = (asset: VideoAsset) => asset.status === "ready" && (asset.provider === "local" ? asset.dir !== null : asset.externalId !== null);

/** A ready asset, for signing its playback; null when there is none. */
export async function playableAsset(assetId: number): Promise<VideoAsset | null> {
  const asset = await findAsset(assetId);
  return asset && isPlayable(asset) ? asset : null;
}

/** The lesson's current video, when it is ready to play. */
export async function currentAsset(lessonId: number): Promise<VideoAsset | null> {
  const [lesson] = await db().select({ current: lessons.videoAssetId }).from(lessons).where(eq(lessons.id, lessonId)).limit(1);
  const asset = lesson?.current ? await findAsset(lesson.current) : null;
  return asset && isPlayable(asset) && asset.lessonId !== null ? asset : null;
}

/**
 * The caption languages stored for an asset (and the folder they live in, which a provider-hosted video gets
 * for its captions only), audited in the same transaction.
 */
export async function setCaptions(admin: AdminContext, asset: VideoAsset, change: { dir: string; captions: string[]; summary: string }): Promise<void> {
  await db().transaction(async (tx) => {
    await tx.update(videoAssets).set({ dir: change.dir, captions: change.captions.length > 0 ? change.captions : null }).where(eq(videoAssets.id, asset.id));
    await admin.audit(tx, { targetType: "lesson", targetId: asset.lessonId ?? 0, summary: change.summary, before: { captions: asset.captions ?? [] }, after: { assetId: asset.id, captions: change.captions } });
  });
}

/** Failed assets whose upload is still there may be tried again; answers false otherwise. */
export async function markForRetry(admin: AdminContext, assetId: number): Promise<VideoAsset | null> {
  return db().transaction(async (tx) => {
    const [asset] = await tx.select().from(videoAssets).where(eq(videoAssets.id, assetId)).for("update");
    if (!asset || asset.status !== "failed" || !asset.sourceKey || asset.lessonId === null) return null;
    await tx.update(videoAssets).set({ status: "uploaded", progress: 0, error: null }).where(eq(videoAssets.id, assetId));
    await admin.audit(tx, { targetType: "lesson", targetId: asset.lessonId, summary: `Retried transcoding video ${assetId} of lesson ${asset.lessonId}`, before: { status: "failed", error: asset.error }, after: { status: "uploaded" } });
    return asset;
  });
}

/**
 * Local transcodes whose worker died: no progress written for `staleMs`. (Aliyun VOD transcodes in its own
 * time and reports with a callback; its rows are not the worker's to give up on.)
 */
export async function staleAssets(staleMs: number): Promise<{ stuck: VideoAsset[] }> {
  const before = new Date(Date.now() - staleMs);
  const stuck = await db().select().from(videoAssets).where(and(eq(videoAssets.status, "transcoding"), eq(videoAssets.provider, "local"), lt(videoAssets.updatedAt, before)));
  return { stuck };
}
