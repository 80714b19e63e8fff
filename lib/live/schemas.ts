// What the live-class forms and endpoints accept, shared by the admin form, the room's chat box and the server.
import { z } from "zod";

/** An address the player can load: the provider's HLS over https (http only on localhost), or a video stored here. */
const MEDIA_REF = /^media:[a-z0-9][a-z0-9-]{5,62}$/;
export const streamAddress = z
  .string()
  .trim()
  .max(500, "too_long")
  .refine((value) => {
    if (MEDIA_REF.test(value)) return true;
    try {
      const url = new URL(value);
      return url.protocol === "https:" || (url.protocol === "http:" && (url.hostname === "localhost" || url.hostname === "127.0.0.1"));
    } catch {
      return false;
    }
  }, "bad_url");

export const MAX_PLANNED_MINUTES = 8 * 60;

export const liveScheduleSchema = z.object({
  lessonId: z.number().int().positive(),
  /** ISO date-time with an offset (the form sends the admin's local time converted to UTC). */
  startsAt: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
  plannedMinutes: z.coerce.number().int().min(5, "too_short").max(MAX_PLANNED_MINUTES, "too_long"),
  teacherId: z.number().int().positive().nullable(),
  streamUrl: streamAddress,
  recordingUrl: z.union([streamAddress, z.literal("")]).transform((value) => value || null),
  status: z.enum(["scheduled", "live", "ended"]),
});
export type LiveScheduleInput = z.input<typeof liveScheduleSchema>;

export const MAX_CHAT_CHARS = 200;

/** A chat line: plain text, one line; HTML in it is shown as text, never rendered. */
export const chatMessageSchema = z.object({
  body: z
    .string()
    .transform((value) => value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim())
    .pipe(z.string().min(1, "empty").max(MAX_CHAT_CHARS, "too_long")),
});

export const announcementSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, "empty")
    .max(500, "too_long"),
});

export const MAX_MUTE_MINUTES = 24 * 60;
export const muteSchema = z.object({
  userId: z.number().int().positive(),
  minutes: z.number().int().min(1).max(MAX_MUTE_MINUTES),
});
