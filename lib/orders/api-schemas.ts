// What the cart and orders API accept. Prices are never accepted: the server prices everything itself.
import { z } from "zod";
import { PROVIDERS } from "@/lib/payments/types";
import { MAX_CART_ITEMS } from "./limits";

const courseIds = z
  .array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER))
  .min(1, "The cart is empty.")
  .max(MAX_CART_ITEMS, `At most ${MAX_CART_ITEMS} courses per order.`);
const coupon = z
  .string()
  .trim()
  .max(32, "A coupon code has at most 32 characters.")
  .regex(/^[A-Za-z0-9_-]*$/, "A coupon code has only letters, digits, '-' and '_'.")
  .optional();

export const quoteSchema = z.object({ courseIds: z.array(z.number().int().positive()).max(MAX_CART_ITEMS), coupon });
export const placeOrderSchema = z.object({ courseIds, coupon, expectedTotalFen: z.number().int().min(0).optional() });
export const startPaymentSchema = z.object({ provider: z.enum(PROVIDERS as unknown as ["alipay", "wechat", "unionpay"]) });
export const orderNoSchema = z.string().regex(/^[1-9]\d{0,19}$/, "Order numbers are decimal digits.");
