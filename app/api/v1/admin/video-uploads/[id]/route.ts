// One resumable video upload (tus): HEAD for the offset to resume from, PATCH to send the next chunk at that
// offset, DELETE to abandon it. See lib/media/uploads.ts.
import { ApiError } from "@/lib/http/api";
import { adminApi } from "@/lib/rbac/guard";
import { handleUpload } from "@/lib/media/uploads";

/** HEAD only (Next.js answers HEAD with this handler): the upload's offset. A GET would download the file, which is not offered. */
export const GET = adminApi("/api/v1/admin/video-uploads/[id]", { category: "courses", zh: "上传课时视频", en: "Upload lesson videos", roles: ["course_admin"] }, async (request, _context, admin) => {
  if (request.method !== "HEAD") throw new ApiError(405, "METHOD_NOT_ALLOWED", "Uploads cannot be downloaded; HEAD gives the offset.", undefined, { allow: "HEAD, PATCH, DELETE, OPTIONS" });
  return handleUpload(request, admin);
});

export const PATCH = adminApi("/api/v1/admin/video-uploads/[id]", { category: "courses", zh: "上传课时视频", en: "Upload lesson videos", roles: ["course_admin"] }, (request, _context, admin) => handleUpload(request, admin));

export const DELETE = adminApi("/api/v1/admin/video-uploads/[id]", { category: "courses", zh: "上传课时视频", en: "Upload lesson videos", roles: ["course_admin"] }, (request, _context, admin) => handleUpload(request, admin));
