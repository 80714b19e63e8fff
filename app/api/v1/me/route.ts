import { requireBearer } from "@/lib/auth/bearer";
import { findUserById, roleKeys } from "@/lib/auth/users";
import { ApiError, apiRoute } from "@/lib/http/api";

/** GET → 200 {"id", "name", "roles"} for the bearer of the token. */
export const GET = apiRoute(async (request) => {
  const { userId } = await requireBearer(request);
  const user = await findUserById(userId);
  if (!user || user.disabled) throw new ApiError(401, "UNAUTHORIZED", "This account is no longer active.");
  return Response.json({ id: user.id, name: user.name, roles: await roleKeys(user.id) }, { headers: { "cache-control": "no-store" } });
});
