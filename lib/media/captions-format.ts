// Caption tracks: which languages an author may upload, where a track is stored in a video's folder, and the
// checks a WebVTT file must pass (the WEBVTT header, valid UTF-8, a size limit). Pure, so the editor's form and
// the server share it and it is unit-tested.

/** Languages offered for caption tracks (BCP 47, as the <track srclang> wants them). */
export const CAPTION_LANGUAGES = ["zh-CN", "zh-TW", "en", "ja", "ko", "fr", "de", "es"] as const;
export type CaptionLanguage = (typeof CAPTION_LANGUAGES)[number];
export const isCaptionLanguage = (value: unknown): value is CaptionLanguage => typeof value === "string" && (CAPTION_LANGUAGES as readonly string[]).includes(value);

const LABELS: Record<CaptionLanguage, string> = { "zh-CN": "简体中文", "zh-TW": "繁體中文", en: "English", ja: "日本語", ko: "한국어", fr: "Français", de: "Deutsch", es: "Español" };
/** Each track is named in its own language, as players list them. */
export const captionLabel = (lang: string) => (isCaptionLanguage(lang) ? LABELS[lang] : lang);

/** The file inside the video's folder (matches isMediaFile in signing.ts). */
export const captionFile = (lang: string) => `captions/${lang}.vtt`;

export const MAX_CAPTION_BYTES = 512 * 1024;

export type CaptionProblem = "empty" | "too_large" | "not_utf8" | "not_webvtt";

/** The text of a valid WebVTT file (BOM removed), or what is wrong with it. */
export function checkWebVtt(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: CaptionProblem } {
  if (bytes.length === 0) return { ok: false, problem: "empty" };
  if (bytes.length > MAX_CAPTION_BYTES) return { ok: false, problem: "too_large" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: "not_utf8" };
  }
  text = text.replace(/^\uFEFF/, "");
  // The spec: "WEBVTT" then a space, a tab or a line break (or nothing at all), before any cue.
  if (!/^WEBVTT(?:[ \t][^\r\n]*)?(?:\r\n|\r|\n|$)/.test(text)) return { ok: false, problem: "not_webvtt" };
  if (text.includes("\0")) return { ok: false, problem: "not_webvtt" };
  return { ok: true, text };
}
