// UnionPay sends the learner back with a form POST to frontUrl. Pages answer GET, so this turns the POST into
// a redirect to the order's return page. Nothing posted is trusted: the page reads the order's own state.
import { orderNoSchema } from "@/lib/orders/api-schemas";

function back(request: Request): Response {
  const orderNo = new URL(request.url).searchParams.get("orderNo") ?? "";
  const target = orderNoSchema.safeParse(orderNo).success ? `/orders/${orderNo}/return?provider=unionpay` : "/orders";
  return new Response(null, { status: 303, headers: { location: target } });
}

export const POST = back;
export const GET = back;
