import { getCourse } from "@/lib/catalogue/course-detail";
import { ApiError, apiRoute } from "@/lib/http/api";
import { parseQuery } from "@/lib/http/query";
import { optionalLearner } from "@/lib/progress/auth";
import { reviewApiError, reviewJson } from "@/lib/reviews/api";
import { listReviews, ratingSummary, reviewById } from "@/lib/reviews/queries";
import { postBody, requireLearner } from "@/lib/reviews/route-helpers";
import { reviewInputSchema, reviewListQuerySchema } from "@/lib/reviews/schemas";
import { createReview } from "@/lib/reviews/writes";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ idOrSlug: string }> };

async function courseOf(context: Context) {
  const course = await getCourse((await context.params).idOrSlug);
  if (!course) throw new ApiError(404, "NOT_FOUND", "There is no such course.");
  return course;
}

/** GET ?sort=newest|helpful&page=N → 200 the course's rating summary and one page of its published reviews. */
export const GET = apiRoute(async (request, context: Context) => {
  const course = await courseOf(context);
  const query = parseQuery(request.url, reviewListQuerySchema);
  const viewerId = await optionalLearner(request);
  const [summary, page] = await Promise.all([ratingSummary(course.id), listReviews(course.id, { sort: query.sort, page: query.page, viewerId })]);
  return Response.json(
    {
      summary: { rating: summary.rating, average: summary.average, count: summary.count, distribution: summary.bars },
      data: page.items.map(reviewJson),
      meta: { page: page.page, pages: page.pages, total: page.total, sort: page.sort },
    },
    { headers: { "cache-control": "no-store" } },
  );
});

/**
 * POST {"rating": 1-5, "body": "..."} → 201 the review (status "held" when it waits for a moderator).
 * 403 NOT_ENROLLED, 409 ALREADY_REVIEWED, 422 with the field errors and the limit, 429 too often.
 */
export const POST = apiRoute(async (request, context: Context) => {
  const userId = await requireLearner(request);
  const course = await courseOf(context);
  const input = await postBody(request, reviewInputSchema);
  const result = await createReview(userId, course.id, input);
  if (!result.ok) throw reviewApiError(result);
  const review = await reviewById(result.value.id);
  return Response.json({ data: review && reviewJson(review) }, { status: 201, headers: { "cache-control": "no-store" } });
});
