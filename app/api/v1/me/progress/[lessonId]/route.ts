import { ApiError, apiRoute, readJson } from "@/lib/http/api";
import { requireJson, requireLearner } from "@/lib/progress/auth";
import { lessonProgressOf } from "@/lib/progress/queries";
import { recordProgress } from "@/lib/progress/record";
import { progressInputSchema } from "@/lib/progress/schemas";

type Context = { params: Promise<{ lessonId: string }> };

function lessonIdOf(raw: string): number {
  if (!/^[1-9]\d{0,15}$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw new ApiError(404, "NOT_FOUND", "No such lesson.");
  return Number(raw);
}

const noStore = { "cache-control": "no-store" };

/** GET → 200 the caller's progress in the lesson (zeros before the first report). */
export const GET = apiRoute(async (request, { params }: Context) => {
  const userId = await requireLearner(request);
  const lessonId = lessonIdOf((await params).lessonId);
  const own = await lessonProgressOf(userId, lessonId);
  return Response.json({ lesson_id: lessonId, position_seconds: own?.positionSeconds ?? 0, percent: own?.percent ?? 0, completed: own?.completed ?? false }, { headers: noStore });
});

/**
 * PUT {"position_seconds"?, "percent"?, "completed"?} → 200 the stored progress, the points this request
 * earned and the course's progress. 404 for an unknown lesson, 403 when the caller is not enrolled.
 */
export const PUT = apiRoute(async (request, { params }: Context) => {
  const userId = await requireLearner(request);
  const lessonId = lessonIdOf((await params).lessonId);
  requireJson(request);
  const input = await readJson(request, progressInputSchema);
  const result = await recordProgress(userId, lessonId, input);
  if (!result.ok) {
    if (result.error === "not_found") throw new ApiError(404, "NOT_FOUND", "No such lesson.");
    throw new ApiError(403, "NOT_ENROLLED", "Enrol in the course to record progress.");
  }
  const p = result.progress;
  return Response.json(
    {
      lesson_id: p.lessonId,
      position_seconds: p.positionSeconds,
      percent: p.percent,
      completed: p.completedAt !== null,
      completed_at: p.completedAt?.toISOString() ?? null,
      points_awarded: p.pointsAwarded,
      course: { id: p.course.id, percent: p.course.percent, completed_lessons: p.course.completedLessons, total_lessons: p.course.totalLessons },
    },
    { headers: noStore },
  );
});
