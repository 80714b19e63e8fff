// Private video playback: /media/<expires>-<signature>/<folder>/<file>. The signature (lib/media/signing.ts)
// is checked before anything is read; files are streamed from private storage in the range asked for, never
// read whole into memory. Lesson pages hand out these URLs only to viewers who may open the lesson.
import { env } from "@/lib/config/env";
import { assetKey, mediaStorage } from "@/lib/media/files";
import { checkMediaToken, contentTypeOf, isMediaFile, mediaSigningKey } from "@/lib/media/signing";
import { parseRange } from "@/lib/storage/private";

type Context = { params: Promise<{ token: string; path: string[] }> };

let key: Buffer | undefined;
const signingKey = () => (key ??= mediaSigningKey(env().AUTH_SECRET));

const plain = (status: number, text: string, extra: Record<string, string> = {}) =>
  new Response(`${text}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff", ...extra } });

const MESSAGES = {
  malformed: "This video address is not valid.",
  bad_signature: "This video address is not valid.",
  expired: "This video address has expired; reload the lesson page.",
} as const;

export async function GET(request: Request, context: Context): Promise<Response> {
  const { token, path } = await context.params;
  const [folder = "", ...rest] = path;
  const file = rest.join("/");
  const now = Math.floor(Date.now() / 1000);
  const check = checkMediaToken(signingKey(), token, folder, now);
  if (!check.ok) return plain(403, MESSAGES[check.reason]);
  if (!isMediaFile(file)) return plain(404, "Not found.");

  const range = parseRange(request.headers.get("range"));
  // A Range we do not serve (several ranges, other units) is ignored, as RFC 9110 allows: the whole file.
  const read = await mediaStorage().read(assetKey(folder, file), range === "invalid" ? null : range);
  if (read.status === 404) return plain(404, "Not found.");
  if (read.status === 416) return plain(416, "The range asked for is beyond the end of the file.", { "content-range": `bytes */${read.size}` });

  const headers: Record<string, string> = {
    "content-type": contentTypeOf(file),
    "content-length": String(read.end - read.start + 1),
    "accept-ranges": "bytes",
    "x-content-type-options": "nosniff",
    // Cached by the viewer's browser only, and never past the address's own expiry.
    "cache-control": `private, max-age=${Math.max(0, Math.min(3600, check.expires - now))}`,
  };
  if (read.status === 206) headers["content-range"] = `bytes ${read.start}-${read.end}/${read.size}`;
  if (request.method === "HEAD") {
    await read.body.cancel();
    return new Response(null, { status: read.status, headers });
  }
  return new Response(read.body, { status: read.status, headers });
}
