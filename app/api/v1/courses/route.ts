import { courseListQuerySchema, toApiCourse } from "@/lib/catalogue/api-schemas";
import { pageLinks, publicJson } from "@/lib/catalogue/api-responses";
import { listCourses, UnknownCategoryError } from "@/lib/catalogue/courses";
import { ApiError, apiRoute } from "@/lib/http/api";
import { parseStrictQuery } from "@/lib/http/strict-query";

export const dynamic = "force-dynamic";

/** GET → 200 {"data": [course], "meta": {"page", "per_page", "total", "sortby", "order"}} with a Link header. */
export const GET = apiRoute(async (request) => {
  const query = parseStrictQuery(request, courseListQuerySchema);
  try {
    const list = await listCourses({
      q: query.q,
      category: query.category,
      level: query.level,
      language: query.language,
      priceMinFen: query.price_min,
      priceMaxFen: query.price_max,
      free: query.free === undefined ? undefined : query.free === "true",
      sort: query.sortby,
      order: query.order,
      page: query.page,
      perPage: query.per_page,
    });
    const body = {
      data: list.items.map(toApiCourse),
      meta: { page: list.page, per_page: list.perPage, total: list.total, sortby: list.sort, order: list.order },
    };
    return publicJson(body, { link: pageLinks(request.url, list.page, list.perPage, list.total) });
  } catch (error) {
    if (error instanceof UnknownCategoryError) throw new ApiError(422, "VALIDATION_FAILED", "Some query parameters are invalid.", { category: ["No such category."] });
    throw error;
  }
});
