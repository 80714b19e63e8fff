import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import styles from "@/components/commerce/commerce.module.css";
import { PaymentConfirmation } from "@/components/commerce/payment-confirmation";
import { Container } from "@/components/ui/container";
import { currentUserId } from "@/lib/catalogue/enrolment-access";
import { orderNoSchema } from "@/lib/orders/api-schemas";
import { getMyOrder } from "@/lib/orders/learner-queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ orderNo: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Orders"))("confirmTitle"), robots: { index: false } };
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
  const order = await getMyOrder(userId, orderNo);
  if (!order) notFound();
  const t = await getTranslations("Orders");
  return (
    <Container>
      <div className={styles.page}>
        <h1 className={styles.title}>{t("confirmTitle")}</h1>
        <PaymentConfirmation orderNo={order.orderNo} initialStatus={order.status} />
      </div>
    </Container>
  );
}
