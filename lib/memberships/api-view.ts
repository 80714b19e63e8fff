// What the membership API answers: plans and quotes as JSON (dates as ISO strings, money in fen).
import type { PlanQuote } from "@/lib/orders/plan-checkout";
import type { Plan } from "./plans";

export const planJson = (plan: Plan) => ({
  id: plan.id,
  period: plan.period,
  nameZh: plan.nameZh,
  nameEn: plan.nameEn,
  priceFen: plan.priceFen,
  days: plan.days,
  monthlyPoints: plan.monthlyPoints,
  active: plan.active,
});

export const planQuoteJson = (quote: PlanQuote) => ({
  plan: planJson(quote.plan),
  available: quote.available,
  coupon: quote.coupon,
  subtotalFen: quote.subtotalFen,
  discountFen: quote.discountFen,
  totalFen: quote.totalFen,
  startsAt: quote.startsAt.toISOString(),
  endsAt: quote.endsAt.toISOString(),
  beyondHorizon: quote.beyondHorizon,
});
