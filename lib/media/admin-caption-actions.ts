"use server";
// Server actions of the lesson editor's captions panel: upload a WebVTT track for one language (replacing
// that language's track), or remove one. Course admins only; every change audited.
import { z } from "zod";
import { logger } from "@/lib/log";
import { adminAction } from "@/lib/rbac/guard";
import { removeCaption, saveCaption } from "./captions";
import { CAPTION_LANGUAGES, MAX_CAPTION_BYTES, type CaptionProblem } from "./captions-format";

const log = logger.child({ component: "caption-actions" });

export type CaptionActionResult = { ok: true; captions: string[] } | { ok: false; error: CaptionProblem | "no_video" | "invalid_input" | "unavailable" };

const target = z.object({ lessonId: z.coerce.number().int().positive().max(2 ** 53 - 1), lang: z.enum(CAPTION_LANGUAGES) });

/** FormData { lessonId, lang, file } → the video's caption languages now. */
export const uploadLessonCaption = adminAction(
  "lessons.uploadCaption",
  { category: "courses", zh: "上传课时字幕", en: "Upload lesson captions", roles: ["course_admin"] },
  async (admin, form: unknown): Promise<CaptionActionResult> => {
    if (!(form instanceof FormData)) return { ok: false, error: "invalid_input" };
    const parsed = target.safeParse({ lessonId: form.get("lessonId"), lang: form.get("lang") });
    const file = form.get("file");
    if (!parsed.success || !(file instanceof Blob)) return { ok: false, error: "invalid_input" };
    // Checked before reading it: the server action's own limit is larger.
    if (file.size > MAX_CAPTION_BYTES) return { ok: false, error: "too_large" };
    try {
      return await saveCaption(admin, parsed.data.lessonId, parsed.data.lang, new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      log.error({ err: error, lessonId: parsed.data.lessonId }, "storing captions failed");
      return { ok: false, error: "unavailable" };
    }
  },
);

/** `(lessonId, lang)` → the video's caption languages now. */
export const removeLessonCaption = adminAction(
  "lessons.removeCaption",
  { category: "courses", zh: "删除课时字幕", en: "Remove lesson captions", roles: ["course_admin"] },
  async (admin, lessonId: unknown, lang: unknown): Promise<CaptionActionResult> => {
    const parsed = target.safeParse({ lessonId, lang });
    if (!parsed.success) return { ok: false, error: "invalid_input" };
    try {
      return await removeCaption(admin, parsed.data.lessonId, parsed.data.lang);
    } catch (error) {
      log.error({ err: error, lessonId }, "removing captions failed");
      return { ok: false, error: "unavailable" };
    }
  },
);
