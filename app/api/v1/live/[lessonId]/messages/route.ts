// The live room's chat box posts here. In through HTTP rather than the socket: the line is checked by the
// web tier like any other write (the session, enrolment, a mute, the Redis rate limit, the word filter) and
// stored in MySQL before it is published; the gateway stays a fan-out that never parses what it forwards.
import { requireApiUser } from "@/lib/auth/api-user";
import { apiRoute, readJson } from "@/lib/http/api";
import { idParam, refusalsAsErrors } from "@/lib/live/api";
import { postChatMessage } from "@/lib/live/chat";
import { chatMessageSchema } from "@/lib/live/schemas";

type Context = { params: Promise<{ lessonId: string }> };

/** POST {"body"} → 201 {"data": line}; 403 not in the room or muted, 409 closed, 422 refused words, 429 too fast. */
export const POST = apiRoute(async (request, context: Context) => {
  const lessonId = idParam((await context.params).lessonId);
  const { userId } = await requireApiUser(request);
  const { body } = await readJson(request, chatMessageSchema, { limit: 4096 });
  const line = await refusalsAsErrors(() => postChatMessage(userId, lessonId, body));
  return Response.json({ data: line }, { status: 201, headers: { "cache-control": "no-store" } });
});
