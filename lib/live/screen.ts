// Screens a chat line or an announcement against the sensitive-word lists: the built-in one and the admins'
// own (lib/moderation, cached in Redis), the same lists reviews and lesson Q&A are held against.
// The policy: listed words are masked; a line that is nothing but listed words is refused (masking would
// broadcast a row of stars).
import { adminWords, matcherFor } from "@/lib/moderation/screen";
import { compileSensitiveWords, type SensitiveWordMatcher } from "@/lib/moderation/sensitive-words";
import { defaultSensitiveWords } from "@/lib/moderation/words";

let matcher: SensitiveWordMatcher | undefined;

export type ScreenResult = { ok: true; text: string; masked: boolean } | { ok: false; reason: "sensitive" };

export function screenText(text: string, words: SensitiveWordMatcher = (matcher ??= compileSensitiveWords(defaultSensitiveWords))): ScreenResult {
  if (!words.test(text)) return { ok: true, text, masked: false };
  const masked = words.mask(text);
  if (!/[^\s*\p{P}\p{S}]/u.test(masked)) return { ok: false, reason: "sensitive" };
  return { ok: true, text: masked, masked: true };
}

/** A chat line against the built-in and the admins' words. */
export async function screenLine(text: string): Promise<ScreenResult> {
  return screenText(text, matcherFor(await adminWords()));
}
