import { apiRoute } from "@/lib/http/api";
import { reviewApiError, reviewJson } from "@/lib/reviews/api";
import { reviewById } from "@/lib/reviews/queries";
import { idParam, postBody, requireLearner } from "@/lib/reviews/route-helpers";
import { replyInputSchema } from "@/lib/reviews/schemas";
import { replyToReview } from "@/lib/reviews/writes";

export const dynamic = "force-dynamic";

/** PUT {"body"} → 200 the review with the teacher's public reply; 403 NOT_TEACHER, 404 for a deleted review. */
export const PUT = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const userId = await requireLearner(request);
  const id = idParam((await params).id);
  const input = await postBody(request, replyInputSchema);
  const result = await replyToReview(userId, id, input.body);
  if (!result.ok) throw reviewApiError(result);
  const review = await reviewById(id);
  return Response.json({ data: review && reviewJson(review) }, { headers: { "cache-control": "no-store" } });
});
