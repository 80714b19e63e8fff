// What every learner post goes through before it is written, whatever it is (a review, a question, an answer):
// a muted author is refused, a bot that filled the honeypot is dropped, and each learner may post only so
// often (shared Redis counters, so every instance counts alike). Mutes are written only here and by the
// moderators' actions (./admin-actions.ts).
import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { db } from "@/db";
import { userMutes } from "@/db/schema";
import type { Executor } from "@/db/tx";
import { rateLimit, type RateRule } from "@/lib/security/rate-limit";

/** The form field a person never sees (hidden from sight and from screen readers); bots fill every field. */
export const HONEYPOT_FIELD = "website";

/** Posts per learner: a burst limit and a daily one, for reviews and Q&A together. */
export const POST_RATE_RULES: ReadonlyArray<RateRule & { name: string }> = [
  { name: "community:post:minute", limit: 6, windowSeconds: 60 },
  { name: "community:post:day", limit: 60, windowSeconds: 86_400 },
];

/** Votes and reports are cheaper but still counted, so nobody scripts a pile of them. */
export const REACTION_RATE_RULE: RateRule & { name: string } = { name: "community:reaction:minute", limit: 30, windowSeconds: 60 };

export type GateRefusal = { error: "muted"; until: Date } | { error: "rate_limited"; retryAfterSeconds: number };

/** When the author's mute ends, or null when they may post. */
export async function mutedUntil(userId: number, now = new Date(), executor: Executor = db()): Promise<Date | null> {
  const [row] = await executor
    .select({ until: userMutes.until })
    .from(userMutes)
    .where(and(eq(userMutes.userId, userId), gt(userMutes.until, now)))
    .limit(1);
  return row?.until ?? null;
}

/** Checks the mute, then counts the post against the learner's limits; null when it may go ahead. */
export async function admitPost(userId: number, now = new Date()): Promise<GateRefusal | null> {
  const until = await mutedUntil(userId, now);
  if (until) return { error: "muted", until };
  for (const rule of POST_RATE_RULES) {
    const r = await rateLimit(rule.name, String(userId), rule);
    if (!r.ok) return { error: "rate_limited", retryAfterSeconds: r.retryAfterSeconds };
  }
  return null;
}

/** Counts a vote or report against the learner's limit; null when it may go ahead. */
export async function admitReaction(userId: number): Promise<GateRefusal | null> {
  const r = await rateLimit(REACTION_RATE_RULE.name, String(userId), REACTION_RATE_RULE);
  return r.ok ? null : { error: "rate_limited", retryAfterSeconds: r.retryAfterSeconds };
}

/** True when a form's honeypot field was filled: a bot. The caller answers as if it worked and stores nothing. */
export function isBot(form: FormData | Record<string, unknown>): boolean {
  const value = form instanceof FormData ? form.get(HONEYPOT_FIELD) : form[HONEYPOT_FIELD];
  return typeof value === "string" && value.trim() !== "";
}
