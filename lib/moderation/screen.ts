// screenText: the one question every writer of learner text asks before publishing (reviews, lesson Q&A, the
// live chat): does it contain a listed word? The list is the built-in one (./words.ts) plus the admins' own
// (the moderation_words table), read through the shared Redis cache under the "moderation-words" tag, so an
// admin's change reaches every instance within the cache's in-process second. The compiled automaton is kept
// per process and rebuilt only when the list it was built from changes.
import "server-only";
import { asc } from "drizzle-orm";
import { db } from "@/db";
import { moderationWords } from "@/db/schema";
import { cached } from "@/lib/cache";
import { compileSensitiveWords, type SensitiveWordMatcher, type WordMatch } from "./sensitive-words";
import { defaultSensitiveWords } from "./words";

export const MODERATION_WORDS_TAG = "moderation-words";

export interface ScreenResult {
  /** A listed word was found: hold the post for a moderator instead of publishing it. */
  held: boolean;
  matches: WordMatch[];
  /** The text with the matched characters masked, for places that show it anyway (the live chat). */
  masked: string;
}

/** The admins' words, newest last (the Redis cache in front of MySQL). */
export async function adminWords(): Promise<string[]> {
  const words = await cached("moderation:words", { tags: [MODERATION_WORDS_TAG], ttlSeconds: 300, negativeTtlSeconds: 300 }, async () => {
    const rows = await db().select({ word: moderationWords.word }).from(moderationWords).orderBy(asc(moderationWords.id));
    return rows.map((r) => r.word);
  });
  return words ?? [];
}

const holder = globalThis as unknown as { __xuefuWordMatcher?: { key: string; matcher: SensitiveWordMatcher } };

/** The matcher for the built-in list plus `extra`, compiled once per distinct list. */
export function matcherFor(extra: readonly string[]): SensitiveWordMatcher {
  const key = extra.join("\u0000");
  const held = holder.__xuefuWordMatcher;
  if (held && held.key === key) return held.matcher;
  const matcher = compileSensitiveWords([...defaultSensitiveWords, ...extra]);
  holder.__xuefuWordMatcher = { key, matcher };
  return matcher;
}

/** Screens learner text against the built-in and the admins' lists. */
export async function screenText(text: string): Promise<ScreenResult> {
  const matcher = matcherFor(await adminWords());
  const matches = matcher.find(text);
  return { held: matches.length > 0, matches, masked: matches.length > 0 ? matcher.mask(text) : text };
}
