import { adminCourseFilter, listAdminCourses } from "@/lib/admin/courses";
import { pageMeta, pageParams, parseQuery } from "@/lib/http/query";
import { adminApi } from "@/lib/rbac/guard";

const query = adminCourseFilter.extend(pageParams);

/** GET → 200 {"data": [course], "meta": {"page", "per_page", "total"}}: every course, any status. */
export const GET = adminApi("/api/v1/admin/courses", { category: "courses", zh: "课程列表接口", en: "Course list API", roles: ["course_admin"] }, async (request) => {
  const { page, per_page, ...filter } = parseQuery(request.url, query);
  const { rows, total } = await listAdminCourses(filter, page, per_page);
  return Response.json({ data: rows, meta: pageMeta(page, per_page, total) }, { headers: { "cache-control": "no-store" } });
});

