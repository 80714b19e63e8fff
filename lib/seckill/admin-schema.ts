// The flash-sale form's fields, shared by the admin form and the server action that saves it. The start and
// end are `datetime-local` values read on the wall clock of the time zone the form states (its `timeZone`
// field: the admin's own zone, lib/i18n/time-zone.ts), so what the admin typed is what the sale does, whatever
// the server's or the browser's zone.
import { z } from "zod";
import { fromZonedInput, validTimeZone } from "@/lib/i18n/time-zone";

const localTime = z.string({ message: "time_invalid" }).trim().min(1, { message: "time_invalid" });

export const saleInput = z
  .object({
    id: z.coerce.number().int().positive().optional(),
    courseId: z.coerce.number().int().positive({ message: "course_required" }),
    /** Yuan with at most two decimals, e.g. "9.90"; stored as fen. */
    price: z
      .string()
      .trim()
      .regex(/^\d{1,7}(\.\d{1,2})?$/, { message: "price_invalid" })
      .transform((v) => Math.round(Number(v) * 100))
      .refine((fen) => fen >= 1, { message: "price_invalid" }),
    seats: z.coerce.number({ message: "seats_invalid" }).int({ message: "seats_invalid" }).min(1, { message: "seats_invalid" }).max(100_000, { message: "seats_invalid" }),
    /** `2026-11-21T21:55` on the wall clock of `timeZone`. */
    startsAt: localTime,
    endsAt: localTime,
    /** The IANA zone the form stated beside the times. */
    timeZone: z.string({ message: "time_zone_invalid" }).refine((zone) => validTimeZone(zone) !== null, { message: "time_zone_invalid" }),
    status: z.enum(["active", "cancelled"]).default("active"),
  })
  .transform((v, ctx) => {
    const startsAt = fromZonedInput(v.startsAt, v.timeZone);
    const endsAt = fromZonedInput(v.endsAt, v.timeZone);
    if (!startsAt) ctx.addIssue({ code: "custom", path: ["startsAt"], message: "time_invalid" });
    if (!endsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "time_invalid" });
    if (!startsAt || !endsAt) return z.NEVER;
    return { ...v, startsAt, endsAt };
  })
  .refine((v) => v.endsAt.getTime() > v.startsAt.getTime(), { path: ["endsAt"], message: "ends_before_start" });

export type SaleInput = z.infer<typeof saleInput>;

export type SaleFormState =
  | { ok: true; message: "saved" }
  | { ok: false; error: "invalid_input" | "not_found" | "course_not_found" | "seats_below_taken" | "unavailable"; fields?: Record<string, string[]>; taken?: number }
  | null;
