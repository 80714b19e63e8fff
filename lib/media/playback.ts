// Signed playback addresses for a lesson's video, handed only to viewers the lesson's access rule lets in
// (free previews: everyone; other lessons: enrolled learners; the editor: course admins).
import "server-only";
import { env } from "@/lib/config/env";
import { readyFolder } from "./assets";
import { mediaConfig } from "./config";
import { canOpen, type LessonView } from "@/lib/enrolments/lesson-access";
import { mediaSigningKey, signMediaPath } from "./signing";

export interface Playback {
  src: string;
  poster: string;
  expiresAt: number;
}

let key: Buffer | undefined;

/** Signed URLs of a ready asset's folder, valid for VIDEO_URL_TTL_SECONDS. */
export function signedPlayback(folder: string, now = Date.now()): Playback {
  key ??= mediaSigningKey(env().AUTH_SECRET);
  const expiresAt = Math.floor(now / 1000) + mediaConfig().urlTtlSeconds;
  return { src: signMediaPath(key, folder, expiresAt), poster: signMediaPath(key, folder, expiresAt, "poster.jpg"), expiresAt };
}

/**
 * The lesson's video for this viewer: null when the lesson has none ready, or the viewer may not open it.
 * `videoAssetId` is the lesson's current video (lessonContent), read by the caller with the lesson's text.
 */
export async function playbackForViewer(view: LessonView, videoAssetId: number | null): Promise<Playback | null> {
  if (view.lesson.kind !== "video" || !canOpen(view.access) || videoAssetId === null) return null;
  const folder = await readyFolder(videoAssetId);
  return folder ? signedPlayback(folder) : null;
}
