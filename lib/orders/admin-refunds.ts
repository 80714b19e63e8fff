// A refund asked for by an order admin, shared by the order page's action and the admin API: the refund row,
// the order's move to `refunding` and the audit entry are written in one transaction (refunds.ts), then the
// provider is asked. What comes back is the refund as it stands after the provider's first answer.
import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { refunds } from "@/db/schema";
import { formatFen } from "@/lib/catalogue/format";
import type { AdminContext } from "@/lib/rbac/guard";
import { createRefund, sendRefund } from "./refunds";

export interface AdminRefund {
  refundNo: string;
  orderNo: string;
  itemId: number | null;
  amountFen: number;
  status: "pending" | "succeeded" | "failed";
  reason: string;
  failureReason: string | null;
  requestedBy: number | null;
  requestedAt: Date;
  completedAt: Date | null;
}

export async function refundAsAdmin(admin: Pick<AdminContext, "userId" | "audit">, input: { orderNo: string; itemId?: number; amountFen?: number; reason: string }): Promise<AdminRefund> {
  const created = await createRefund({ orderNo: input.orderNo, itemId: input.itemId, amountFen: input.amountFen, reason: input.reason, requestedBy: admin.userId }, (tx, r) =>
    admin.audit(tx, {
      targetType: "order",
      targetId: input.orderNo,
      summary: `Refund ${r.refundNo}: ${formatFen(r.amountFen, "zh-CN")} of order ${input.orderNo}${input.itemId ? ` (item ${input.itemId})` : ""}: ${input.reason}`,
      before: null,
      after: { refundNo: r.refundNo, amountFen: r.amountFen, itemId: input.itemId ?? null, reason: input.reason },
    }),
  );
  await sendRefund(created.refundId);
  const [row] = await db().select().from(refunds).where(eq(refunds.id, created.refundId));
  if (!row) throw new Error(`refund ${created.refundId} vanished`);
  return {
    refundNo: row.refundNo,
    orderNo: input.orderNo,
    itemId: row.orderItemId,
    amountFen: row.amountFen,
    status: row.status,
    reason: row.reason,
    failureReason: row.failureReason,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt,
    completedAt: row.completedAt,
  };
}
