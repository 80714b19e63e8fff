import { ApiError } from "@/lib/http/api";
import { idParam } from "@/lib/live/api";
import { deleteChatMessage } from "@/lib/live/chat";
import { adminApi } from "@/lib/rbac/guard";

type Context = { params: Promise<{ lessonId: string; messageId: string }> };

/** DELETE → 204: the chat line disappears for everyone in the room; 404 when it is not this room's (or gone). */
export const DELETE = adminApi("/api/v1/admin/live/[lessonId]/messages/[messageId]", { category: "courses", zh: "直播间删除消息", en: "Delete live chat messages", roles: ["course_admin"] }, async (_request, context: Context, admin) => {
  const { lessonId, messageId } = await context.params;
  const deleted = await deleteChatMessage(admin, idParam(lessonId), idParam(messageId));
  if (!deleted) throw new ApiError(404, "NOT_FOUND", "No such message in this room.");
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});
