import { apiRoute } from "@/lib/http/api";
import { requireJson } from "@/lib/progress/auth";
import { reviewApiError } from "@/lib/reviews/api";
import { idParam, requireLearner } from "@/lib/reviews/route-helpers";
import { setHelpful } from "@/lib/reviews/writes";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

async function vote(request: Request, { params }: Context, helpful: boolean): Promise<Response> {
  const userId = await requireLearner(request);
  // No body, but still a request a cross-site form cannot make with the cookie.
  if (!request.headers.has("authorization")) requireJson(request);
  const result = await setHelpful(userId, idParam((await params).id), helpful);
  if (!result.ok) throw reviewApiError(result);
  return Response.json({ helpful, helpful_count: result.value.helpfulCount }, { headers: { "cache-control": "no-store" } });
}

/** PUT → 200 marks the review helpful (once per learner; 403 OWN_REVIEW on one's own). */
export const PUT = apiRoute((request, context: Context) => vote(request, context, true));

/** DELETE → 200 takes the mark back. */
export const DELETE = apiRoute((request, context: Context) => vote(request, context, false));
