// Starts a resumable video upload (tus creation). See lib/media/uploads.ts.
import { adminApi } from "@/lib/rbac/guard";
import { handleUpload } from "@/lib/media/uploads";

/** POST (tus creation: Upload-Length, Upload-Metadata with lessonId and filename) → 201 with the upload's Location. */
export const POST = adminApi("/api/v1/admin/video-uploads", { category: "courses", zh: "上传课时视频", en: "Upload lesson videos", roles: ["course_admin"] }, (request, _context, admin) => handleUpload(request, admin));
