import { ApiError, apiRoute } from "@/lib/http/api";
import { admitReaction } from "@/lib/moderation/gate";
import { fileReport } from "@/lib/moderation/reports";
import { reviewApiError } from "@/lib/reviews/api";
import { reviewById } from "@/lib/reviews/queries";
import { idParam, postBody, requireLearner } from "@/lib/reviews/route-helpers";
import { reportInputSchema } from "@/lib/reviews/schemas";

export const dynamic = "force-dynamic";

/** POST {"reason"?} → 202 the review joins the moderators' queue. */
export const POST = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const userId = await requireLearner(request);
  const id = idParam((await params).id);
  const input = await postBody(request, reportInputSchema);
  const review = await reviewById(id);
  if (!review || review.status !== "published") throw new ApiError(404, "NOT_FOUND", "No such review.");
  const refused = await admitReaction(userId);
  if (refused) throw reviewApiError({ ok: false, ...refused });
  await fileReport(userId, "review", id, input.reason);
  return Response.json({ reported: true }, { status: 202, headers: { "cache-control": "no-store" } });
});
