import { ApiError, readJson } from "@/lib/http/api";
import { idParam, refusalsAsErrors } from "@/lib/live/api";
import { announce } from "@/lib/live/chat";
import { liveRoomInfo } from "@/lib/live/sessions";
import { announcementSchema } from "@/lib/live/schemas";
import { adminApi } from "@/lib/rbac/guard";

type Context = { params: Promise<{ lessonId: string }> };

/** POST {"body"} → 201 {"data": announcement}: pinned above the room's chat for everyone in it. */
export const POST = adminApi("/api/v1/admin/live/[lessonId]/announcements", { category: "courses", zh: "直播间置顶公告", en: "Pin live room announcements", roles: ["course_admin"] }, async (request, context: Context, admin) => {
  const lessonId = idParam((await context.params).lessonId);
  const { body } = await readJson(request, announcementSchema, { limit: 4096 });
  if (!(await liveRoomInfo(lessonId))) throw new ApiError(404, "NOT_FOUND", "No such live lesson.");
  const announcement = await refusalsAsErrors(() => announce(admin, lessonId, body));
  return Response.json({ data: announcement }, { status: 201, headers: { "cache-control": "no-store" } });
});
