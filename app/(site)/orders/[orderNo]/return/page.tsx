import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import styles from "@/components/commerce/commerce.module.css";
import { PaymentConfirmation } from "@/components/commerce/payment-confirmation";
import { Container } from "@/components/ui/container";
import { currentUserId } from "@/lib/auth/current-user";
import { orderNoSchema } from "@/lib/orders/api-schemas";
import { getMyOrder } from "@/lib/orders/learner-queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ orderNo: string }> };

/** The metadata and the page read the order once per request. */
const myOrder = cache(getMyOrder);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { orderNo } = await params;
  const [t, userId] = await Promise.all([getTranslations("Orders"), currentUserId()]);
  // The title says where things stand, as the heading does (the page updates both once the payment is in).
  const order = userId !== null && orderNoSchema.safeParse(orderNo).success ? await myOrder(userId, orderNo) : null;
  const title = !order || order.status === "pending" ? t("confirmTitle") : order.status === "closed" ? t("closedTitle") : t("paidTitle");
  return { title, robots: { index: false } };
}

/**
 * Where the provider sends the learner back (Alipay return_url, UnionPay frontUrl). What the provider appends
 * to the address is not trusted: the order's state comes from verified notifications or our own queries.
 */
export default async function ReturnPage({ params }: Props) {
  const { orderNo } = await params;
  const userId = await currentUserId();
  if (userId === null) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/orders/${orderNo}/return`)}`);
  if (!orderNoSchema.safeParse(orderNo).success) notFound();
  const order = await myOrder(userId, orderNo);
  if (!order) notFound();
  return (
    <Container>
      <div className={styles.page}>
        <PaymentConfirmation orderNo={order.orderNo} initialStatus={order.status} />
      </div>
    </Container>
  );
}
