import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MembershipCheckout } from "@/components/membership/membership-checkout";
import { Container } from "@/components/ui/container";
import { db } from "@/db";
import { currentUserId } from "@/lib/auth/current-user";
import { planQuoteJson } from "@/lib/memberships/api-view";
import { quotePlan } from "@/lib/orders/plan-checkout";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Membership"))("checkoutTitle"), robots: { index: false } };
}

export default async function MembershipCheckoutPage({ searchParams }: { searchParams: Promise<{ plan?: string | string[]; coupon?: string | string[] }> }) {
  const params = await searchParams;
  const raw = params.plan;
  // The coupon form works before the page's script has loaded too: it submits here as ?coupon=.
  const coupon = typeof params.coupon === "string" && /^[A-Za-z0-9_-]{1,32}$/.test(params.coupon.trim()) ? params.coupon.trim() : null;
  const planId = typeof raw === "string" && /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : null;
  if (planId === null) notFound();
  const userId = await currentUserId();
  if (userId === null) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/membership/checkout?plan=${planId}`)}`);
  const quote = await quotePlan(db(), { userId, planId, couponCode: coupon });
  if (!quote) notFound();
  return (
    <Container>
      <MembershipCheckout initial={planQuoteJson(quote)} initialCoupon={coupon ?? ""} />
    </Container>
  );
}
