import { ApiError, readJson } from "@/lib/http/api";
import { idParam } from "@/lib/live/api";
import { muteLearner } from "@/lib/live/chat";
import { liveRoomInfo } from "@/lib/live/sessions";
import { muteSchema } from "@/lib/live/schemas";
import { adminApi } from "@/lib/rbac/guard";

type Context = { params: Promise<{ lessonId: string }> };

/** POST {"userId", "minutes"} → 200 {"data": {"until"}}: the learner cannot chat in this room until then. */
export const POST = adminApi("/api/v1/admin/live/[lessonId]/mutes", { category: "courses", zh: "直播间禁言", en: "Mute learners in live rooms", roles: ["course_admin"] }, async (request, context: Context, admin) => {
  const lessonId = idParam((await context.params).lessonId);
  const input = await readJson(request, muteSchema, { limit: 1024 });
  if (!(await liveRoomInfo(lessonId))) throw new ApiError(404, "NOT_FOUND", "No such live lesson.");
  return Response.json({ data: await muteLearner(admin, lessonId, input.userId, input.minutes) }, { headers: { "cache-control": "no-store" } });
});
