"use server";
// Server action of /admin/orders/[orderNo]: refund the order or one item. Validates the form with the schema
// the confirmation uses, refunds through admin-refunds.ts (audited in the refund's transaction), and on
// success redirects to the order with the refund number, where the page shows how it went.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ApiError } from "@/lib/http/api";
import { logger } from "@/lib/log";
import { adminAction } from "@/lib/rbac/guard";
import { refundAsAdmin } from "./admin-refunds";
import { refundInput, type RefundFormState } from "./admin-refund-rules";

const log = logger.child({ component: "admin-order-actions" });

const API_ERRORS: Record<string, Extract<RefundFormState, { ok: false }>["error"]> = {
  NOT_FOUND: "not_found",
  ORDER_NOT_REFUNDABLE: "not_refundable",
  ITEM_REFUNDED: "item_refunded",
  NOTHING_TO_REFUND: "nothing_to_refund",
  REFUND_TOO_LARGE: "refund_too_large",
};

type RefundFields = { orderNo: unknown; itemId?: unknown; reason: unknown; amount?: unknown };

/** Form fields `orderNo`, `reason`, for one item `itemId`, and for less than all of it `amount` (yuan); or a plain object of the same. */
export const refundOrder = adminAction(
  "orders.refund",
  { category: "orders", zh: "订单退款", en: "Refund orders", roles: ["order_admin"] },
  async (admin, _previous: RefundFormState, input: FormData | RefundFields): Promise<RefundFormState> => {
    const raw = input instanceof FormData ? Object.fromEntries([...input.entries()].filter(([, v]) => typeof v === "string" && v !== "")) : input;
    const parsed = refundInput.safeParse(raw);
    if (!parsed.success) {
      const reasonIssue = parsed.error.issues.find((i) => i.path[0] === "reason")?.message;
      if (reasonIssue === "reason_required" || reasonIssue === "reason_too_long") return { ok: false, error: reasonIssue };
      return { ok: false, error: parsed.error.issues.some((i) => i.path[0] === "amount") ? "amount_invalid" : "invalid_input" };
    }
    let refundNo: string;
    try {
      const { amount, ...rest } = parsed.data;
      refundNo = (await refundAsAdmin(admin, { ...rest, amountFen: amount })).refundNo;
    } catch (error) {
      if (error instanceof ApiError && API_ERRORS[error.code]) return { ok: false, error: API_ERRORS[error.code]!, message: error.message };
      log.error({ err: error, orderNo: parsed.data.orderNo, actorId: admin.userId }, "refund failed");
      return { ok: false, error: "unavailable" };
    }
    revalidatePath("/admin/orders");
    revalidatePath(`/admin/orders/${parsed.data.orderNo}`);
    redirect(`/admin/orders/${parsed.data.orderNo}?refund=${encodeURIComponent(refundNo)}`);
  },
);
