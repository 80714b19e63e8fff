"use server";
// Server actions of the lesson editor's video panel: what the lesson's video is doing now (polled while a
// transcode runs) with a signed preview of the current one, and "try again" for a failed transcode.
import { z } from "zod";
import { logger } from "@/lib/log";
import { adminAction } from "@/lib/rbac/guard";
import { lessonVideoState, markForRetry, type LessonVideoState } from "./assets";
import { previewOf, type Playback } from "./playback";
import { enqueueTranscode } from "./queue";

const log = logger.child({ component: "video-actions" });
const id = z.number().int().positive().max(2 ** 53 - 1);

export type LessonVideoResult = { ok: true; state: LessonVideoState; preview: Playback | null } | { ok: false; error: "invalid_input" | "not_found" | "unavailable" };

/** `(lessonId)` → the current video (with a signed preview for the editor) and the newest upload on its way. */
export const lessonVideo = adminAction(
  "lessons.videoStatus",
  { category: "courses", zh: "查看课时视频状态", en: "See lesson video status", roles: ["course_admin"] },
  async (_admin, lessonId: unknown): Promise<LessonVideoResult> => {
    const parsed = id.safeParse(lessonId);
    if (!parsed.success) return { ok: false, error: "invalid_input" };
    try {
      const state = await lessonVideoState(parsed.data);
      return { ok: true, state, preview: state.current ? await previewOf(state.current.assetId) : null };
    } catch (error) {
      log.error({ err: error, lessonId }, "reading a lesson's video failed");
      return { ok: false, error: "unavailable" };
    }
  },
);

/** `(assetId)` → queued again; only a failed transcode whose upload is still kept. */
export const retryLessonVideo = adminAction(
  "lessons.retryVideo",
  { category: "courses", zh: "重试视频转码", en: "Retry video transcoding", roles: ["course_admin"] },
  async (admin, assetId: unknown): Promise<{ ok: true } | { ok: false; error: "invalid_input" | "not_found" | "unavailable" }> => {
    const parsed = id.safeParse(assetId);
    if (!parsed.success) return { ok: false, error: "invalid_input" };
    try {
      const asset = await markForRetry(admin, parsed.data);
      if (!asset) return { ok: false, error: "not_found" };
      await enqueueTranscode(parsed.data);
      return { ok: true };
    } catch (error) {
      log.error({ err: error, assetId }, "retrying a transcode failed");
      return { ok: false, error: "unavailable" };
    }
  },
);
