// What a review, a vote and a teacher's reply look like at the boundary: one zod schema each, shared by the
// API (422 with field errors) and the server actions behind the forms (field errors under the fields).
import { z } from "zod";
import { MAX_STARS, MIN_STARS } from "./rating";

/** The longest review, in characters; a reply has the same limit. */
export const REVIEW_MAX_CHARS = 2_000;
export const REVIEWS_PER_PAGE = 10;
export const reviewSorts = ["newest", "helpful"] as const;
export type ReviewSort = (typeof reviewSorts)[number];

const text = (what: string) =>
  z
    .string({ error: `${what} is required.` })
    .trim()
    .min(1, { error: `${what} cannot be empty.` })
    .max(REVIEW_MAX_CHARS, { error: `${what} may be at most ${REVIEW_MAX_CHARS} characters.` });

export const reviewInputSchema = z.strictObject({
  rating: z.coerce
    .number({ error: `Rating must be a whole number from ${MIN_STARS} to ${MAX_STARS}.` })
    .int({ error: `Rating must be a whole number from ${MIN_STARS} to ${MAX_STARS}.` })
    .min(MIN_STARS, { error: `Rating must be a whole number from ${MIN_STARS} to ${MAX_STARS}.` })
    .max(MAX_STARS, { error: `Rating must be a whole number from ${MIN_STARS} to ${MAX_STARS}.` })
    .describe("Stars, 1 to 5."),
  body: text("The review").describe(`What the learner thought, plain text, at most ${REVIEW_MAX_CHARS} characters (HTML is shown as typed, never run).`),
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;

export const replyInputSchema = z.strictObject({
  body: text("The reply").describe(`The teacher's public reply, plain text, at most ${REVIEW_MAX_CHARS} characters.`),
});

export const reportInputSchema = z.strictObject({
  reason: z.string().trim().max(255).optional().default(""),
});

export const reviewListQuerySchema = z.object({
  sort: z.enum(reviewSorts).default("newest"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
