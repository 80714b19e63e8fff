// Playback addresses for a lesson's video, handed only to viewers the lesson's access rule lets in (free
// previews: everyone; other lessons: enrolled learners; the editor: course admins). The asset's provider signs
// the video itself (local: /media/ HMAC tokens; Aliyun VOD: GetPlayInfo with CDN auth keys); caption tracks
// live in our private storage and are signed here on the same terms, whichever provider holds the video.
import "server-only";
import { canOpen, type LessonView } from "@/lib/enrolments/lesson-access";
import { logger } from "@/lib/log";
import { playableAsset, type VideoAsset } from "./assets";
import { captionFile, captionLabel } from "./captions-format";
import { providerOf } from "./providers";
import { signedFile, signedFolder } from "./signed-folder";

export interface CaptionTrackUrl {
  lang: string;
  label: string;
  src: string;
}

export interface Playback {
  src: string;
  poster: string;
  expiresAt: number;
  captions: CaptionTrackUrl[];
}

/** Signed URLs of a local asset's folder (kept for the benchmark and tests that sign a folder directly). */
export function signedPlayback(folder: string, now = Date.now()): Playback {
  return { ...signedFolder(folder, now), captions: [] };
}

const log = logger.child({ component: "media" });

/**
 * A ready asset's playback: the provider's addresses plus its caption tracks. A provider that cannot answer
 * (Aliyun VOD unreachable) leaves the lesson page up, showing that the video is unavailable, rather than failing it.
 */
export async function playbackOfAsset(asset: VideoAsset): Promise<Playback | null> {
  let video: Awaited<ReturnType<ReturnType<typeof providerOf>["playback"]>>;
  try {
    video = await providerOf(asset).playback(asset);
  } catch (error) {
    log.error({ err: error, assetId: asset.id, provider: asset.provider }, "signing a video's playback failed");
    return null;
  }
  if (!video) return null;
  const captions = asset.dir ? (asset.captions ?? []).map((lang) => ({ lang, label: captionLabel(lang), src: signedFile(asset.dir!, captionFile(lang), video.expiresAt) })) : [];
  return { ...video, captions };
}

/** The editor's preview of a lesson's current video (the caller is a course admin). */
export async function previewOf(assetId: number): Promise<Playback | null> {
  const asset = await playableAsset(assetId);
  return asset ? playbackOfAsset(asset) : null;
}

/**
 * The lesson's video for this viewer: null when the lesson has none ready, or the viewer may not open it.
 * `videoAssetId` is the lesson's current video (lessonContent), read by the caller with the lesson's text.
 */
export async function playbackForViewer(view: LessonView, videoAssetId: number | null): Promise<Playback | null> {
  if (view.lesson.kind !== "video" || !canOpen(view.access) || videoAssetId === null) return null;
  return previewOf(videoAssetId);
}
