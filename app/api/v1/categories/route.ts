import { toApiCategoryTree } from "@/lib/catalogue/api-schemas";
import { publicJson } from "@/lib/catalogue/api-responses";
import { getCategoryTree } from "@/lib/catalogue/category-tree";
import { apiRoute } from "@/lib/http/api";
import { parseStrictQuery } from "@/lib/http/strict-query";
import { z } from "zod";

export const dynamic = "force-dynamic";

/** GET → 200 {"data": [top-level category with "children"]}. */
export const GET = apiRoute(async (request) => {
  parseStrictQuery(request, z.strictObject({}));
  return publicJson(toApiCategoryTree(await getCategoryTree()));
});
