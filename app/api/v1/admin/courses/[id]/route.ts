import { authoring, courseIdParam, courseJson } from "@/lib/catalogue/admin-course-api";
import { deleteCourse, getAdminCourse, patchCourse, replaceCourse } from "@/lib/catalogue/admin-course-writes";
import { ApiError, readJsonValue } from "@/lib/http/api";
import { BODY_LIMITS } from "@/lib/http/routes";
import { adminApi } from "@/lib/rbac/guard";

type Context = { params: Promise<{ id: string }> };

/** GET → 200 {"data": course} in any status, with its syllabus; 404 for an unknown id. */
export const GET = adminApi("/api/v1/admin/courses/[id]", { category: "courses", zh: "查看课程接口", en: "Course detail API", roles: ["course_admin"] }, async (_request, context: Context) => {
  const course = await getAdminCourse(await courseIdParam(context));
  if (!course) throw new ApiError(404, "NOT_FOUND", "No such course.");
  return courseJson(course);
});

/** PUT {whole course} → 200 {"data": course}; 422 with field errors; 400 for a body that is not JSON. */
export const PUT = adminApi("/api/v1/admin/courses/[id]", { category: "courses", zh: "替换课程接口", en: "Course replace API", roles: ["course_admin"] }, async (request, context: Context, admin) => {
  const id = await courseIdParam(context);
  const body = await readJsonValue(request, { limit: BODY_LIMITS.course });
  return courseJson(await authoring(() => replaceCourse(admin, id, body)));
});

/** PATCH {some fields} → 200 {"data": course}: merged with the stored course and checked whole. */
export const PATCH = adminApi("/api/v1/admin/courses/[id]", { category: "courses", zh: "修改课程接口", en: "Course update API", roles: ["course_admin"] }, async (request, context: Context, admin) => {
  const id = await courseIdParam(context);
  const body = await readJsonValue(request, { limit: BODY_LIMITS.course });
  return courseJson(await authoring(() => patchCourse(admin, id, body)));
});

/** DELETE → 204. Only an unpublished course without enrolments or orders (409 otherwise: archive it). */
export const DELETE = adminApi("/api/v1/admin/courses/[id]", { category: "courses", zh: "删除课程接口", en: "Course delete API", roles: ["course_admin"] }, async (_request, context: Context, admin) => {
  const id = await courseIdParam(context);
  await authoring(() => deleteCourse(admin, id));
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});
