// What the lesson page (or any API client) reports about a learner's progress in one lesson.
import { z } from "zod";

/** A lesson longer than a day is not a lesson; the cap keeps a bad client from storing nonsense. */
export const MAX_POSITION_SECONDS = 86_400;

export const progressInputSchema = z
  .strictObject({
    position_seconds: z.int().min(0).max(MAX_POSITION_SECONDS).optional().describe("Playback position of a video lesson, in seconds."),
    percent: z.int().min(0).max(100).optional().describe("How far through the lesson (video watched, article scrolled), 0-100. Never lowers what is stored; completion is sent as completed."),
    completed: z.literal(true).optional().describe("Marks the lesson complete (it stays complete, at 100 percent) and awards its points once."),
  })
  .refine((v) => v.position_seconds !== undefined || v.percent !== undefined || v.completed !== undefined, {
    message: "Send at least one of position_seconds, percent or completed.",
    path: ["_"],
  });

export type ProgressInput = z.infer<typeof progressInputSchema>;

export const progressResponseSchema = z.object({
  lesson_id: z.int(),
  position_seconds: z.int(),
  percent: z.int().min(0).max(100),
  completed: z.boolean(),
  completed_at: z.string().nullable().describe("ISO 8601, UTC."),
  points_awarded: z.int().min(0).describe("Points this request earned: 0 when the lesson was already complete."),
  course: z.object({ id: z.int(), percent: z.int().min(0).max(100), completed_lessons: z.int(), total_lessons: z.int() }),
});
