// The admin course API's plumbing: the course's JSON shape and the mapping of authoring errors
// to HTTP answers (422 field errors, 404, 409), shared by the /api/v1/admin/courses route handlers.
import "server-only";
import { ApiError } from "@/lib/http/api";
import { CourseInUseError, CourseNotFoundError, CourseValidationError, type AdminCourseDetail } from "./admin-course-writes";

/** The `[id]` segment as a course id; anything else cannot name a course (404). */
export async function courseIdParam(context: { params: Promise<{ id: string }> }): Promise<number> {
  const { id } = await context.params;
  const value = /^[1-9]\d{0,15}$/.test(id) ? Number(id) : NaN;
  if (!Number.isSafeInteger(value)) throw new ApiError(404, "NOT_FOUND", "No such course.");
  return value;
}

export function courseJson(course: AdminCourseDetail, init?: ResponseInit): Response {
  const headers = new Headers(init?.headers);
  headers.set("cache-control", "no-store");
  return Response.json({ data: course }, { ...init, headers });
}

/** Runs an authoring call and turns its domain errors into API errors. */
export async function authoring<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CourseValidationError) throw new ApiError(422, "VALIDATION_FAILED", "Some fields are invalid.", error.fieldErrors);
    if (error instanceof CourseNotFoundError) throw new ApiError(404, "NOT_FOUND", "No such course.");
    if (error instanceof CourseInUseError) throw new ApiError(409, "COURSE_IN_USE", "A published course, or one with enrolments or orders, cannot be deleted; archive it instead.");
    throw error;
  }
}
