import { adminCourseFilter, listAdminCourses } from "@/lib/admin/courses";
import { authoring, courseJson } from "@/lib/catalogue/admin-course-api";
import { createCourse } from "@/lib/catalogue/admin-course-writes";
import { readJsonValue } from "@/lib/http/api";
import { pageMeta, pageParams, parseQuery } from "@/lib/http/query";
import { BODY_LIMITS } from "@/lib/http/routes";
import { adminApi } from "@/lib/rbac/guard";

const query = adminCourseFilter.extend(pageParams);

/** GET → 200 {"data": [course], "meta": {"page", "per_page", "total"}}: every course, any status. */
export const GET = adminApi("/api/v1/admin/courses", { category: "courses", zh: "课程列表接口", en: "Course list API", roles: ["course_admin"] }, async (request) => {
  const { page, per_page, ...filter } = parseQuery(request.url, query);
  const { rows, total } = await listAdminCourses(filter, page, per_page);
  return Response.json({ data: rows, meta: pageMeta(page, per_page, total) }, { headers: { "cache-control": "no-store" } });
});


/** POST {course} → 201 {"data": course} with Location; 422 with field errors; 400 for a body that is not JSON. */
export const POST = adminApi("/api/v1/admin/courses", { category: "courses", zh: "创建课程接口", en: "Course create API", roles: ["course_admin"] }, async (request, _context, admin) => {
  const body = await readJsonValue(request, { limit: BODY_LIMITS.course });
  const course = await authoring(() => createCourse(admin, body));
  return courseJson(course, { status: 201, headers: { location: `/api/v1/admin/courses/${course.id}` } });
});
