import { requireApiUser } from "@/lib/auth/api-user";
import { ApiError, apiRoute, clientIp, readJson } from "@/lib/http/api";
import { orderNoSchema, startPaymentSchema } from "@/lib/orders/api-schemas";
import { startPayment } from "@/lib/orders/pay";
import { rateLimit, tooManyRequests } from "@/lib/security/rate-limit";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ orderNo: string }> };

/**
 * POST {"provider": "alipay" | "wechat" | "unionpay"} → 201 how to pay: {"kind": "redirect", "url"} (Alipay),
 * {"kind": "qr", "codeUrl"} (WeChat Pay Native) or {"kind": "form", "action", "fields"} (UnionPay).
 */
export const POST = apiRoute<Context>(async (request, { params }) => {
  const { userId } = await requireApiUser(request);
  const parsed = orderNoSchema.safeParse((await params).orderNo);
  if (!parsed.success) throw new ApiError(404, "NOT_FOUND", "No such order.");
  const body = await readJson(request, startPaymentSchema);
  const limited = await rateLimit("payments:start", String(userId), { limit: 20, windowSeconds: 60 });
  if (!limited.ok) tooManyRequests(limited.retryAfterSeconds);
  const result = await startPayment({ userId, orderNo: parsed.data, provider: body.provider, clientIp: clientIp(request) });
  return Response.json({ data: { ...result, startedAt: result.startedAt.toISOString() } }, { status: 201, headers: { "cache-control": "no-store" } });
});
