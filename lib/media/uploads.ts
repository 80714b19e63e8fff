// Resumable video uploads (the tus protocol: @tus/server with @tus/file-store) behind the admin routes
// /api/v1/admin/video-uploads[/<id>]. A dropped connection resumes where the server's offset says (HEAD, then
// PATCH from there; a PATCH at any other offset is refused with 409). Only course admins reach it (adminApi),
// and only the admin who started an upload may continue it. When the last byte arrives the file's first bytes
// must show a video container, or it is deleted (415); a video becomes an asset queued for transcoding, audited.
// Unfinished uploads expire (VIDEO_UPLOAD_EXPIRY_HOURS) and the worker's sweep removes them.
import "server-only";
import { randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import { FileStore } from "@tus/file-store";
import { Server, type Upload } from "@tus/server";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { lessons } from "@/db/schema";
import { logger } from "@/lib/log";
import type { AdminContext } from "@/lib/rbac/guard";
import { createUploadedAsset, deleteAssetRows, markFailed, supersededAssets } from "./assets";
import { mediaConfig } from "./config";
import { removeSource, sourcePath } from "./files";
import { enqueueTranscode } from "./queue";
import { SNIFF_BYTES, sniffVideo } from "./sniff";
import { RedisLocker } from "./upload-locker";

const log = logger.child({ component: "video-uploads" });

export const UPLOAD_ROUTE = "/api/v1/admin/video-uploads";
/** The client sends the file in chunks of this size; each PATCH body is at most this (lib/http/routes.ts). */
export const UPLOAD_CHUNK_BYTES = 8 * 1024 * 1024;

/** The admin behind each request, for the tus hooks (which get only the Request). */
const admins = new WeakMap<Request, AdminContext>();

/** What tus answers when a hook throws `{ status_code, body }`. */
const refuse = (status_code: number, body: string) => ({ status_code, body: `${body}\n` });

const idOf = (value: string | null | undefined): number | null => (value && /^[1-9]\d{0,15}$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : null);

async function videoLesson(lessonId: number | null): Promise<boolean> {
  if (lessonId === null) return false;
  const [row] = await db().select({ id: lessons.id }).from(lessons).where(and(eq(lessons.id, lessonId), eq(lessons.kind, "video"))).limit(1);
  return row !== undefined;
}

async function firstBytes(file: string): Promise<Uint8Array> {
  const handle = await fsp.open(file, "r");
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

let server: { tus: Server; store: FileStore } | undefined;

export function uploadStore(): FileStore {
  return tusServer().store;
}

function tusServer(): { tus: Server; store: FileStore } {
  if (server) return server;
  const config = mediaConfig();
  const store = new FileStore({ directory: config.uploadsDir, expirationPeriodInMilliseconds: config.uploadExpiryMs });
  const tus = new Server({
    path: UPLOAD_ROUTE,
    datastore: store,
    // In Redis, so a resumed upload that reaches another web instance still waits for (and ends) the old request.
    locker: new RedisLocker(),
    maxSize: config.maxUploadBytes,
    relativeLocation: true,
    namingFunction: () => randomBytes(16).toString("hex"),
    async onUploadCreate(req, upload) {
      const admin = admins.get(req as unknown as Request);
      if (!admin) throw refuse(403, "Your roles do not allow this.");
      if (upload.size === undefined) throw refuse(400, "Send the file's length (Upload-Length); deferred lengths are not accepted.");
      if (upload.size === 0) throw refuse(400, "The file is empty.");
      const lessonId = idOf(upload.metadata?.lessonId);
      if (!(await videoLesson(lessonId))) throw refuse(422, "Name a video lesson in the upload's metadata (lessonId).");
      return { metadata: { ...upload.metadata, lessonId: String(lessonId), adminId: String(admin.userId) } };
    },
    async onIncomingRequest(req, uploadId) {
      const admin = admins.get(req as unknown as Request);
      if (!admin) throw refuse(403, "Your roles do not allow this.");
      if (req.method === "GET") throw refuse(405, "Uploads cannot be downloaded.");
      if (req.method === "POST") return;
      let upload: Upload;
      try {
        upload = await store.getUpload(uploadId);
      } catch {
        return; // tus answers 404 itself
      }
      if (upload.metadata?.adminId !== String(admin.userId)) throw refuse(403, "This upload was started by someone else.");
    },
    async onUploadFinish(req, upload) {
      const admin = admins.get(req as unknown as Request);
      const lessonId = idOf(upload.metadata?.lessonId);
      if (!admin || lessonId === null) throw refuse(403, "Your roles do not allow this.");
      const container = sniffVideo(await firstBytes(sourcePath(upload.id)));
      if (!container) {
        await removeSource(upload.id);
        log.warn({ uploadId: upload.id, lessonId, adminId: admin.userId }, "upload refused: not a video");
        throw refuse(415, "This file is not a video (MP4, MOV, WebM, MKV, AVI, FLV or MPEG-TS).");
      }
      const assetId = await createUploadedAsset(admin, { lessonId, sourceKey: upload.id, sourceName: upload.metadata?.filename ?? "", sourceBytes: upload.size ?? upload.offset, container, provider: config.provider });
      await deleteAssetRows(await supersededAssets(lessonId, assetId));
      try {
        await enqueueTranscode(assetId);
      } catch (error) {
        // The file is safe; the author can retry once the queue is back.
        log.error({ err: error, assetId }, "queueing a transcode failed");
        await markFailed(assetId, "the video could not be queued for transcoding; try again");
      }
      return { headers: { "x-video-asset-id": String(assetId) } };
    },
    onResponseError(_req, err) {
      if (err instanceof Error) log.error({ err }, "video upload failed");
      return undefined;
    },
  });
  server = { tus, store };
  return server;
}

/** Serves one tus request for `admin`. */
export async function handleUpload(request: Request, admin: AdminContext): Promise<Response> {
  admins.set(request, admin);
  const response = await tusServer().tus.handleWeb(request);
  const headers = new Headers(response.headers);
  headers.set("cache-control", "no-store");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
