// Serves files the local storage adapter keeps (lib/storage/local.ts). Keys are random and never reused, so
// responses are cached for a year; the type comes from the extension the upload route chose after checking
// the file's magic bytes, and nosniff plus a sandboxing CSP stop a browser from treating one as a page.
import fs from "node:fs/promises";
import { resolveLocalKey } from "@/lib/storage/local";
import { uploadDir } from "@/lib/storage";

const TYPES: Record<string, string> = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", webp: "image/webp", gif: "image/gif" };

const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", "cache-control": "no-store" } });

export async function GET(_request: Request, context: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const { key } = await context.params;
  // Keys hold only [A-Za-z0-9._-] segments, so any percent-encoded or odd segment is refused by resolveLocalKey.
  const joined = key.join("/");
  const type = TYPES[joined.split(".").pop()?.toLowerCase() ?? ""];
  const file = type ? resolveLocalKey(uploadDir(), joined) : null;
  if (!file) return notFound();
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    return notFound();
  }
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": type!,
      "content-length": String(bytes.length),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "public, max-age=31536000, immutable",
    },
  });
}
