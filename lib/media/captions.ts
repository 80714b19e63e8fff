// Caption tracks of a lesson's current video: an author uploads one WebVTT file per language; it is checked
// (lib/media/captions-format.ts), stored privately beside the renditions (video/<folder>/captions/<lang>.vtt;
// a video that Aliyun VOD hosts gets a folder for its captions), and learners receive it as a <track> through
// the same signed /media/ addresses as the video's segments. Captions belong to one video: a replacement
// video starts without any.
import "server-only";
import { randomBytes } from "node:crypto";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { AdminContext } from "@/lib/rbac/guard";
import { currentAsset, setCaptions } from "./assets";
import { captionFile, checkWebVtt, type CaptionLanguage, type CaptionProblem } from "./captions-format";
import { assetKey, mediaStorage } from "./files";

export type CaptionResult = { ok: true; captions: string[] } | { ok: false; error: CaptionProblem | "no_video" };

export async function saveCaption(admin: AdminContext, lessonId: number, lang: CaptionLanguage, bytes: Uint8Array): Promise<CaptionResult> {
  const checked = checkWebVtt(bytes);
  if (!checked.ok) return { ok: false, error: checked.problem };
  const asset = await currentAsset(lessonId);
  if (!asset) return { ok: false, error: "no_video" };
  const dir = asset.dir ?? `c${asset.id}-${randomBytes(8).toString("hex")}`;
  // Stored as checked: UTF-8 without a BOM.
  const tmp = path.join(os.tmpdir(), `xuefu-caption-${randomBytes(8).toString("hex")}.vtt`);
  await fsp.writeFile(tmp, checked.text, "utf8");
  try {
    await mediaStorage().putFile(assetKey(dir, captionFile(lang)), tmp, "text/vtt; charset=utf-8");
  } finally {
    await fsp.rm(tmp, { force: true });
  }
  const captions = [...new Set([...(asset.captions ?? []), lang])];
  await setCaptions(admin, asset, { dir, captions, summary: `Uploaded ${lang} captions for lesson ${lessonId} (video ${asset.id}, ${bytes.length} bytes)` });
  return { ok: true, captions };
}

export async function removeCaption(admin: AdminContext, lessonId: number, lang: CaptionLanguage): Promise<CaptionResult> {
  const asset = await currentAsset(lessonId);
  if (!asset || !asset.dir) return { ok: false, error: "no_video" };
  const captions = (asset.captions ?? []).filter((l) => l !== lang);
  await setCaptions(admin, asset, { dir: asset.dir, captions, summary: `Removed ${lang} captions of lesson ${lessonId} (video ${asset.id})` });
  await mediaStorage().deleteObject(assetKey(asset.dir, captionFile(lang)));
  return { ok: true, captions };
}
