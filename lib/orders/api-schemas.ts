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
export const placeOrderSchema = z.object({
  courseIds,
  coupon,
  expectedTotalFen: z.number().int().min(0).optional(),
  accept_terms: z.literal(true, { error: "You must agree to the Terms of Service and the Privacy Policy to place an order." }).describe("The learner agreed to the Terms of Service (/terms) and the Privacy Policy (/privacy). Required; must be true."),
});
/**
 * The orders list's filter, as a learner thinks of orders (the tabs of "My orders"): waiting to be paid (pending),
 * paid, and refunded (a refund under way counts there too). Closed orders appear under "all" only.
 */
export const ORDER_TABS = ["all", "unpaid", "paid", "refunded"] as const;
export type OrderTab = (typeof ORDER_TABS)[number];
export const isOrderTab = (value: unknown): value is OrderTab => typeof value === "string" && (ORDER_TABS as readonly string[]).includes(value);
export const orderTabSchema = z.enum(ORDER_TABS).default("all").describe("all; unpaid (awaiting payment); paid; refunded (refunds under way included). Closed orders appear under all only.");
export const startPaymentSchema = z.object({ provider: z.enum(PROVIDERS as unknown as ["alipay", "wechat", "unionpay"]) });
export const orderNoSchema = z.string().regex(/^[1-9]\d{0,19}$/, "Order numbers are decimal digits.");

// What the API answers (documented in the OpenAPI document; the handlers build these shapes).
const lineStatus = z.enum(["ok", "not_found", "unavailable", "owned", "pending"]);
export const quoteResponseSchema = z.object({
  data: z.object({
    lines: z.array(
      z.object({
        courseId: z.int(),
        status: lineStatus,
        slug: z.string().nullable(),
        title: z.string().nullable(),
        coverUrl: z.string().nullable(),
        teacherName: z.string().nullable(),
        categoryRootId: z.int().nullable().describe("The course's top-level category, which picks the colours of its generated cover."),
        listPriceFen: z.int(),
        priceFen: z.int().describe("What the course costs this learner now (the member price for members)."),
        memberPrice: z.boolean().describe("Whether priceFen is the member price."),
        memberPriceFen: z.int().nullable().describe("What members pay, when less than the list price; null otherwise. Given to everyone."),
        pendingOrderNo: z.string().optional(),
      }),
    ),
    member: z.boolean(),
    subtotalFen: z.int(),
    discountFen: z.int(),
    totalFen: z.int(),
    coupon: z
      .union([
        z.object({ code: z.string(), ok: z.literal(true), couponId: z.int(), discountFen: z.int() }),
        z.object({ code: z.string(), ok: z.literal(false), error: z.enum(["not_found", "disabled", "not_started", "expired", "used_up", "not_applicable"]) }),
      ])
      .nullable(),
  }),
});

const orderSchema = z.object({
  orderNo: z.string().describe("A decimal string: order numbers exceed 2^53."),
  status: z.enum(["pending", "paid", "refunding", "refunded", "closed"]),
  source: z.enum(["cart", "seckill"]),
  subtotalFen: z.int(),
  discountFen: z.int(),
  totalFen: z.int(),
  refundedFen: z.int(),
  provider: z.enum(["alipay", "wechat", "unionpay"]).nullable(),
  createdAt: z.iso.datetime(),
  payBefore: z.iso.datetime().nullable(),
  paidAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  items: z.array(z.object({ id: z.int(), courseId: z.int(), slug: z.string().nullable(), title: z.string(), listPriceFen: z.int(), priceFen: z.int(), paidFen: z.int(), refunded: z.boolean() })),
  refunds: z.array(z.object({ refundNo: z.string(), amountFen: z.int(), status: z.enum(["pending", "succeeded", "failed"]), requestedAt: z.iso.datetime(), completedAt: z.iso.datetime().nullable() })),
});
export const orderResponseSchema = z.object({ data: orderSchema });
export const orderListResponseSchema = z.object({ data: z.array(orderSchema), meta: z.object({ page: z.int(), per_page: z.int(), total: z.int() }) });
export const placedOrderResponseSchema = z.object({
  data: z.object({ orderNo: z.string(), status: z.enum(["pending", "paid"]), subtotalFen: z.int(), discountFen: z.int(), totalFen: z.int(), payBefore: z.iso.datetime() }),
});
export const paymentStartResponseSchema = z.object({
  data: z.union([
    z.object({ kind: z.literal("redirect"), url: z.url(), startedAt: z.iso.datetime() }),
    z.object({ kind: z.literal("form"), action: z.url(), fields: z.record(z.string(), z.string()), startedAt: z.iso.datetime() }),
    z.object({ kind: z.literal("qr"), codeUrl: z.string(), startedAt: z.iso.datetime() }),
  ]),
});

// Buying a membership plan (lib/orders/plan-checkout.ts).
const planId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe("A plan's id, from GET /api/v1/membership/plans.");
export const planQuoteSchema = z.object({ planId, coupon });
export const placePlanOrderSchema = z.object({
  planId,
  coupon,
  expectedTotalFen: z.number().int().min(0).optional(),
  accept_terms: z.literal(true, { error: "You must agree to the Terms of Service and the Privacy Policy to place an order." }).describe("The learner agreed to the Terms of Service (/terms) and the Privacy Policy (/privacy). Required; must be true."),
});
