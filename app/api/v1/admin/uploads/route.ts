import { randomBytes } from "node:crypto";
import { db } from "@/db";
import { ApiError, readBody } from "@/lib/http/api";
import { BODY_LIMITS } from "@/lib/http/routes";
import { logger } from "@/lib/log";
import { adminApi } from "@/lib/rbac/guard";
import { storage } from "@/lib/storage";
import { sniffImage } from "@/lib/storage/images";

const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
// The file and room for the multipart boundaries and headers around it (the server hook stops at the same size).
const MAX_BODY_BYTES = BODY_LIMITS.imageUpload;
const log = logger.child({ component: "admin-uploads" });

const tooLarge = () => new ApiError(413, "PAYLOAD_TOO_LARGE", "Images may be at most 5 MB.");

/**
 * POST multipart/form-data with one `file` field → 201 {"url"}. PNG, JPEG, WebP or GIF as told by the file's
 * magic bytes (415 otherwise, whatever its name or declared type), at most 5 MB (413), stored under a random key.
 */
export const POST = adminApi("/api/v1/admin/uploads", { category: "courses", zh: "上传图片", en: "Image upload", roles: ["course_admin"] }, async (request, _context, admin) => {
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "Send the image as multipart/form-data in a field named `file`.");
  }
  // Read as a stream and never more than the limit, whatever Content-Length claims (413 beyond).
  const body = await readBody(request, { limit: MAX_BODY_BYTES });
  let form: FormData;
  try {
    form = await new Request(request.url, { method: "POST", headers: { "content-type": request.headers.get("content-type")! }, body: new Uint8Array(body) }).formData();
  } catch {
    throw new ApiError(400, "BAD_REQUEST", "The multipart body could not be read.");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new ApiError(422, "VALIDATION_FAILED", "Some fields are invalid.", { file: ["required"] });
  if (file.size > MAX_UPLOAD_BYTES) throw tooLarge();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const image = sniffImage(bytes);
  if (!image) throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "Only PNG, JPEG, WebP and GIF images are accepted.");

  const now = new Date();
  const key = `images/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${randomBytes(16).toString("hex")}.${image.extension}`;
  const { url } = await storage().put(key, bytes, image.contentType);
  try {
    await db().transaction((tx) =>
      admin.audit(tx, { targetType: "upload", targetId: key, summary: `Uploaded an image (${image.contentType}, ${bytes.byteLength} bytes)`, before: null, after: { url, contentType: image.contentType, size: bytes.byteLength, name: file.name.slice(0, 100) } }),
    );
  } catch (error) {
    // No audit row, no file.
    await storage().delete(key).catch((err: unknown) => log.error({ err, key }, "removing an unaudited upload failed"));
    throw error;
  }
  return Response.json({ url }, { status: 201, headers: { "cache-control": "no-store", location: url } });
});
