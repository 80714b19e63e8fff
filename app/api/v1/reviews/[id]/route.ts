import { ApiError, apiRoute } from "@/lib/http/api";
import { reviewApiError, reviewJson } from "@/lib/reviews/api";
import { reviewById } from "@/lib/reviews/queries";
import { idParam, postBody, requireLearner } from "@/lib/reviews/route-helpers";
import { reviewInputSchema } from "@/lib/reviews/schemas";
import { deleteReview, updateReview } from "@/lib/reviews/writes";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };
const noStore = { "cache-control": "no-store" };

/** GET → 200 a published review. */
export const GET = apiRoute(async (_request, { params }: Context) => {
  const review = await reviewById(idParam((await params).id));
  if (!review || review.status !== "published") throw new ApiError(404, "NOT_FOUND", "No such review.");
  return Response.json({ data: reviewJson(review) }, { headers: noStore });
});

/** PATCH {"rating", "body"} → 200 the author's edited review; 403 for anyone else's, 422 for bad fields. */
export const PATCH = apiRoute(async (request, { params }: Context) => {
  const userId = await requireLearner(request);
  const id = idParam((await params).id);
  const input = await postBody(request, reviewInputSchema);
  const result = await updateReview(userId, id, input);
  if (!result.ok) throw reviewApiError(result);
  const review = await reviewById(id);
  return Response.json({ data: review && reviewJson(review) }, { headers: noStore });
});

/** DELETE → 204; the author's own review only (403 otherwise), and its stars leave the course's rating. */
export const DELETE = apiRoute(async (request, { params }: Context) => {
  const userId = await requireLearner(request);
  const result = await deleteReview(userId, idParam((await params).id));
  if (!result.ok) throw reviewApiError(result);
  return new Response(null, { status: 204, headers: noStore });
});
