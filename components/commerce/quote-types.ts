// What POST /api/v1/cart/quote answers, as the cart's components read it (the shape the API documents).
import type { z } from "zod";
import type { quoteResponseSchema } from "@/lib/orders/api-schemas";

export type Quote = z.infer<typeof quoteResponseSchema>["data"];
export type QuoteLine = Quote["lines"][number];
