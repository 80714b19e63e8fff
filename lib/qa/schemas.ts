// Lesson questions and answers at the boundary: one schema each, shared by the API and the forms' actions.
import { z } from "zod";

export const QA_MAX_CHARS = 2_000;
/** Authors may edit a post this long after writing it; after that it stands as the thread read it. */
export const EDIT_WINDOW_MINUTES = 15;
export const QUESTIONS_PER_PAGE = 10;
/** Answers to answers, and no deeper: threads stay readable on a phone. */
export const MAX_DEPTH = 2;

const body = z
  .string({ error: "The text is required." })
  .trim()
  .min(1, { error: "The text cannot be empty." })
  .max(QA_MAX_CHARS, { error: `The text may be at most ${QA_MAX_CHARS} characters.` })
  .describe(`Plain text, at most ${QA_MAX_CHARS} characters; @name mentions someone in the thread.`);

export const questionInputSchema = z.strictObject({ body });
export const answerInputSchema = z.strictObject({
  body,
  parent_id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().describe("The answer replied to; the question itself when left out."),
});

export const questionListQuerySchema = z.object({
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().describe("The last question id of the previous page (keyset paging)."),
});
