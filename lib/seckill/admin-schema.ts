// The flash-sale form's fields, shared by the admin form and the server action that saves it.
import { z } from "zod";

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
    startsAt: z.coerce.date({ message: "time_invalid" }),
    endsAt: z.coerce.date({ message: "time_invalid" }),
    status: z.enum(["active", "cancelled"]).default("active"),
  })
  .refine((v) => v.endsAt.getTime() > v.startsAt.getTime(), { path: ["endsAt"], message: "ends_before_start" });

export type SaleInput = z.infer<typeof saleInput>;

export type SaleFormState =
  | { ok: true; message: "saved" }
  | { ok: false; error: "invalid_input" | "not_found" | "course_not_found" | "seats_below_taken" | "unavailable"; fields?: Record<string, string[]>; taken?: number }
  | null;
