import { apiRoute } from "@/lib/http/api";
import { qaApiError } from "@/lib/qa/api";
import { answerInputSchema } from "@/lib/qa/schemas";
import { answerQuestion } from "@/lib/qa/writes";
import { idParam, postBody, requireLearner } from "@/lib/reviews/route-helpers";

export const dynamic = "force-dynamic";

/** POST {"body", "parent_id"?} → 201 the answer; 404 when the question (or the answer replied to) was deleted. */
export const POST = apiRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const userId = await requireLearner(request);
  const questionId = idParam((await params).id, "question");
  const input = await postBody(request, answerInputSchema);
  const result = await answerQuestion(userId, questionId, input.body, input.parent_id);
  if (!result.ok) throw qaApiError(result);
  return Response.json({ data: { id: result.value.id, question_id: questionId, status: result.value.status } }, { status: 201, headers: { "cache-control": "no-store" } });
});
