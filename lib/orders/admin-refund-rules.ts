// The refund form's fields, shared by the order page's confirmation (checked in the browser) and the server
// action and API that check them again. Pure: no server imports.
import { z } from "zod";

export const REFUND_REASON_MAX = 255;

export const refundInput = z.object({
  orderNo: z.string().regex(/^[1-9]\d{0,19}$/, "order_no"),
  /** An order item's id to refund one course; absent for the whole order (what is left of it). */
  itemId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  reason: z.string({ error: "reason_required" }).trim().min(1, "reason_required").max(REFUND_REASON_MAX, "reason_too_long"),
  /** Yuan, as typed; empty: everything refundable. */
  amount: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(
      z
        .string()
        .regex(/^\d{1,7}(\.\d{1,2})?$/, "amount_invalid")
        .transform((v) => Math.round(Number(v) * 100))
        .refine((fen) => fen > 0, "amount_invalid")
        .optional(),
    ),
});
export type RefundInput = z.output<typeof refundInput>;

/** The API's body: the order number comes from the path. */
export const refundBody = z.object({
  itemId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  reason: z.string().trim().min(1, "A reason is required.").max(REFUND_REASON_MAX, `At most ${REFUND_REASON_MAX} characters.`),
  /** Less than the refundable amount; omitted: all of it. */
  amountFen: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});

/** What the refund form shows after a submission; a successful one redirects to the order with the result. */
export type RefundFormState =
  | { ok: null }
  | { ok: false; error: "reason_required" | "reason_too_long" | "amount_invalid" | "refund_too_large" | "invalid_input" | "not_found" | "not_refundable" | "item_refunded" | "nothing_to_refund" | "unavailable"; message?: string };
