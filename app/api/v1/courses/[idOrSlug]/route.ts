import { toApiCourseDetail } from "@/lib/catalogue/api-schemas";
import { publicJson } from "@/lib/catalogue/api-responses";
import { getCourse } from "@/lib/catalogue/course-detail";
import { ApiError, apiRoute } from "@/lib/http/api";

export const dynamic = "force-dynamic";

/** GET → 200 {"data": course with syllabus}, or 404 for a course that does not exist or is not published. */
export const GET = apiRoute(async (_request, { params }: { params: Promise<{ idOrSlug: string }> }) => {
  const { idOrSlug } = await params;
  const course = await getCourse(idOrSlug);
  if (!course) throw new ApiError(404, "NOT_FOUND", "There is no such course.");
  return publicJson({ data: toApiCourseDetail(course) });
});
