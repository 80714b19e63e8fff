// Screens a chat line or an announcement against the sensitive-word list. The one place the live room asks,
// so the built-in list can give way to the admins' list (with its own loader) without touching the callers.
// The policy: listed words are masked; a line that is nothing but listed words is refused (masking would
// broadcast a row of stars).
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
