import { ApiError, apiRoute } from "@/lib/http/api";
import { parseQuery } from "@/lib/http/query";
import { optionalLearner } from "@/lib/progress/auth";
import { lessonRef, qaRole } from "@/lib/qa/access";
import { qaApiError, questionJson } from "@/lib/qa/api";
import { listQuestions } from "@/lib/qa/queries";
import { questionInputSchema, questionListQuerySchema } from "@/lib/qa/schemas";
import { askQuestion } from "@/lib/qa/writes";
import { idParam, postBody, requireLearner } from "@/lib/reviews/route-helpers";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ lessonId: string }> };

/** GET ?before=<id> → 200 a page of the lesson's questions with their answers, newest first; meta.next_before pages on. */
export const GET = apiRoute(async (request, { params }: Context) => {
  const viewerId = await optionalLearner(request);
  const lesson = await lessonRef(idParam((await params).lessonId, "lesson"));
  if (!lesson) throw new ApiError(404, "NOT_FOUND", "No such lesson.");
  if (viewerId === null || !(await qaRole(viewerId, lesson))) throw new ApiError(403, "FORBIDDEN", "Only learners enrolled in the course and its staff read its questions.");
  const query = parseQuery(request.url, questionListQuerySchema);
  const page = await listQuestions(lesson.lessonId, { before: query.before, viewerId });
  return Response.json({ data: page.items.map(questionJson), meta: { next_before: page.nextBefore } }, { headers: { "cache-control": "no-store" } });
});

/** POST {"body"} → 201 the question (status "held" when it waits for a moderator). */
export const POST = apiRoute(async (request, { params }: Context) => {
  const userId = await requireLearner(request);
  const lessonId = idParam((await params).lessonId, "lesson");
  const input = await postBody(request, questionInputSchema);
  const result = await askQuestion(userId, lessonId, input.body);
  if (!result.ok) throw qaApiError(result);
  return Response.json({ data: { id: result.value.id, status: result.value.status } }, { status: 201, headers: { "cache-control": "no-store" } });
});
