import { issueApiToken, tokenRequestSchema } from "@/lib/auth/api-tokens";
import { apiRoute, readJson } from "@/lib/http/api";

/** POST {"login", "password"} → 201 {"access_token", "token_type": "Bearer", "expires_in"}. */
export const POST = apiRoute(async (request) => {
  const input = await readJson(request, tokenRequestSchema);
  const token = await issueApiToken(request, input);
  return Response.json(token, { status: 201, headers: { "cache-control": "no-store" } });
});
