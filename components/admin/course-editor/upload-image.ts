// Sends an image to POST /api/v1/admin/uploads with the admin's session cookie; answers its URL or an error key.
export type UploadResult = { ok: true; url: string } | { ok: false; error: "too_large" | "unsupported_image" | "upload_failed" };

export async function uploadImage(file: File): Promise<UploadResult> {
  const form = new FormData();
  form.append("file", file);
  try {
    const response = await fetch("/api/v1/admin/uploads", { method: "POST", body: form, credentials: "same-origin" });
    if (response.status === 201) return { ok: true, url: ((await response.json()) as { url: string }).url };
    if (response.status === 413) return { ok: false, error: "too_large" };
    if (response.status === 415) return { ok: false, error: "unsupported_image" };
    return { ok: false, error: "upload_failed" };
  } catch {
    return { ok: false, error: "upload_failed" };
  }
}
