import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { OrderView } from "@/lib/orders/learner-queries";

const TONES: Record<OrderView["status"], BadgeTone> = { pending: "warning", paid: "success", refunding: "accent", refunded: "neutral", closed: "neutral" };

export async function OrderStatusBadge({ status }: { status: OrderView["status"] }) {
  const t = await getTranslations("Orders");
  return (
    <Badge tone={TONES[status]} data-testid="order-status" data-status={status}>
      {t(`status_${status}`)}
    </Badge>
  );
}
