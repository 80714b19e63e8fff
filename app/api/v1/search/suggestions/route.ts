import { suggestionQuerySchema } from "@/lib/catalogue/api-schemas";
import { publicJson } from "@/lib/catalogue/api-responses";
import { apiRoute } from "@/lib/http/api";
import { parseStrictQuery } from "@/lib/http/strict-query";
import { suggest } from "@/lib/search";

export const dynamic = "force-dynamic";

/** GET ?q=机器 → 200 {"data": [{"kind": "tag" | "course", "text", "slug"?, "parts"}]}: completions as one types. */
export const GET = apiRoute(async (request) => {
  const { q, limit } = parseStrictQuery(request, suggestionQuerySchema);
  return publicJson({ data: await suggest(q, limit ?? 8) });
});
