// Video lessons' files: one row per uploaded video, from upload through transcoding to ready HLS renditions.
// lib/media owns these rows; a lesson points at its current ready asset (lessons.video_asset_id).
import { bigint, index, int, json, mysqlEnum, mysqlTable, tinyint, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, idRef, timestamp, updatedAt } from "./columns";
import { lessons } from "./catalogue";
import { users } from "./identity";

/** uploaded: the file is complete and queued; transcoding: ffmpeg is running; ready: playable; failed: see `error`. */
export const videoAssetStatuses = ["uploaded", "transcoding", "ready", "failed"] as const;

export const videoAssets = mysqlTable(
  "video_assets",
  {
    id: id(),
    /** The lesson it was uploaded for; null for the demo clips the seed shares between lessons. */
    lessonId: idRef("lesson_id").references(() => lessons.id, { onDelete: "cascade" }),
    status: mysqlEnum("status", videoAssetStatuses).notNull(),
    /** Transcoding progress, 0-100. */
    progress: tinyint("progress", { unsigned: true }).notNull().default(0),
    /** Why it failed, in words an author can act on. */
    error: varchar("error", { length: 255 }),
    /** The provider that holds it: "local" (ffmpeg + storage) or "aliyun" (VOD). */
    provider: varchar("provider", { length: 16 }).notNull().default("local"),
    /** The provider's own id of the video (Aliyun VOD's VideoId); null for local videos. */
    externalId: varchar("external_id", { length: 64 }),
    /** The finished upload (tus id) on local disk while it waits for transcoding; null once it is gone. */
    sourceKey: varchar("source_key", { length: 128 }),
    sourceName: varchar("source_name", { length: 255 }).notNull().default(""),
    sourceBytes: bigint("source_bytes", { mode: "number", unsigned: true }).notNull().default(0),
    /** The private storage folder of the renditions (video/<dir>/...), random so a URL cannot be guessed. */
    dir: varchar("dir", { length: 64 }),
    durationSeconds: int("duration_seconds", { unsigned: true }).notNull().default(0),
    width: int("width", { unsigned: true }).notNull().default(0),
    height: int("height", { unsigned: true }).notNull().default(0),
    /** Heights of the HLS renditions, e.g. [360, 720, 1080]. */
    renditions: json("renditions").$type<number[]>().notNull(),
    /** Languages of the WebVTT caption tracks stored beside the renditions (captions/<lang>.vtt); null: none. */
    captions: json("captions").$type<string[]>(),
    createdBy: idRef("created_by").references(() => users.id, { onDelete: "set null" }),
    readyAt: timestamp("ready_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("video_assets_lesson_idx").on(t.lessonId, t.createdAt), index("video_assets_status_idx").on(t.status, t.updatedAt)],
);
