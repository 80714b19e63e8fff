// Telling the learner about their order through the notification centre, after the commit that changed it.
// The centre's key makes each of these once per order (or refund), however often the change is heard.
import "server-only";
import { logger } from "@/lib/log";
import { notify } from "@/lib/notifications";

const log = logger.child({ component: "orders" });

/** The order is paid (by the provider, or placed at no cost). Never throws: the payment stands regardless. */
export async function tellPaid(userId: number, order: { orderNo: string; totalFen: number }, now: Date): Promise<void> {
  await notify(userId, "order.paid", { orderNo: order.orderNo, totalFen: order.totalFen }, { key: `order.paid:${order.orderNo}`, now }).catch((error: unknown) =>
    log.error({ err: error, orderNo: order.orderNo }, "notifying the learner of a paid order failed"),
  );
}
