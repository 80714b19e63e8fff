// Signed /media/ addresses of one private storage folder (the local provider's renditions, and the caption
// tracks of any video), valid for VIDEO_URL_TTL_SECONDS.
import "server-only";
import { env } from "@/lib/config/env";
import { mediaConfig } from "./config";
import { mediaSigningKey, signMediaPath } from "./signing";

let key: Buffer | undefined;
const signingKey = () => (key ??= mediaSigningKey(env().AUTH_SECRET));

export const playbackExpiry = (now = Date.now()) => Math.floor(now / 1000) + mediaConfig().urlTtlSeconds;

/** The master playlist and poster of a folder. */
export function signedFolder(folder: string, now = Date.now()): { src: string; poster: string; expiresAt: number } {
  const expiresAt = playbackExpiry(now);
  return { src: signMediaPath(signingKey(), folder, expiresAt), poster: signMediaPath(signingKey(), folder, expiresAt, "poster.jpg"), expiresAt };
}

/** One file of a folder (a caption track), on the same terms. */
export const signedFile = (folder: string, file: string, expiresAt: number) => signMediaPath(signingKey(), folder, expiresAt, file);
