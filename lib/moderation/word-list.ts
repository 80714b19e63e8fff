// The admins' word list: add and remove words (folded the way the matcher folds them, so "Ｃａｓｉｎｏ" and
// "casino" are one entry), then invalidate the cached list on every instance. Written only here.
import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { moderationWords } from "@/db/schema";
import type { Tx } from "@/db/tx";
import { invalidateTags } from "@/lib/cache";
import { MODERATION_WORDS_TAG } from "./screen";
import { foldWord } from "./sensitive-words";

export const MAX_WORD_LENGTH = 64;

export async function listAdminWords(): Promise<Array<{ id: number; word: string; createdAt: Date }>> {
  return db().select({ id: moderationWords.id, word: moderationWords.word, createdAt: moderationWords.createdAt }).from(moderationWords).orderBy(asc(moderationWords.word));
}

/** Adds a word; false when it folds to nothing or is already listed. */
export async function addWord(tx: Tx, raw: string, by: number): Promise<{ added: boolean; word: string }> {
  const word = foldWord(raw).slice(0, MAX_WORD_LENGTH);
  if (!word) return { added: false, word };
  const [existing] = await tx.select({ id: moderationWords.id }).from(moderationWords).where(eq(moderationWords.word, word)).limit(1);
  if (existing) return { added: false, word };
  await tx.insert(moderationWords).values({ word, createdBy: by });
  return { added: true, word };
}

export async function removeWord(tx: Tx, id: number): Promise<string | null> {
  const [row] = await tx.select({ word: moderationWords.word }).from(moderationWords).where(eq(moderationWords.id, id)).limit(1);
  if (!row) return null;
  await tx.delete(moderationWords).where(eq(moderationWords.id, id));
  return row.word;
}

/** After the transaction that changed the list commits. */
export function wordListChanged(): Promise<void> {
  return invalidateTags([MODERATION_WORDS_TAG]);
}
