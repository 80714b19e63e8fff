// Signed playback URLs. The signature is an HMAC over the asset's folder and the expiry time, and it sits in
// the path — /media/<expires>-<signature>/<folder>/master.m3u8 — so the relative links inside a playlist
// (720/index.m3u8, 720/seg_00001.ts) inherit it: one signature covers a whole video, as Aliyun's type-A
// signing and Mux's signed playback do. Checked before any byte is served (app/media/[token]/[...path]).
// Pure apart from node:crypto, so it is unit-tested and the benchmark can sign without a server.
import { createHmac, timingSafeEqual } from "node:crypto";

export const MEDIA_PREFIX = "/media";
const FOLDER = /^[a-z0-9][a-z0-9-]{5,62}$/;
const TOKEN = /^(\d{10})-([A-Za-z0-9_-]{43})$/;

export const isMediaFolder = (folder: string) => FOLDER.test(folder);

/** The key the URLs are signed with, derived from AUTH_SECRET so no extra secret has to be managed. */
export function mediaSigningKey(authSecret: string): Buffer {
  return createHmac("sha256", authSecret).update("xuefu media url v1").digest();
}

function signature(key: Buffer, folder: string, expires: number): string {
  return createHmac("sha256", key).update(`${folder}\n${expires}`).digest("base64url");
}

/** The signed address of a file of `folder` (default the master playlist), valid until `expires` (Unix seconds). */
export function signMediaPath(key: Buffer, folder: string, expires: number, file = "master.m3u8"): string {
  if (!isMediaFolder(folder)) throw new Error(`Invalid media folder: ${folder}`);
  return `${MEDIA_PREFIX}/${expires}-${signature(key, folder, expires)}/${folder}/${file}`;
}

export type TokenCheck = { ok: true; expires: number } | { ok: false; reason: "malformed" | "bad_signature" | "expired" };

/** Checks a token for `folder` at `now` (Unix seconds): the signature first, then the expiry. */
export function checkMediaToken(key: Buffer, token: string, folder: string, now: number): TokenCheck {
  const match = TOKEN.exec(token);
  if (!match || !isMediaFolder(folder)) return { ok: false, reason: "malformed" };
  const expires = Number(match[1]);
  const given = Buffer.from(match[2]!, "base64url");
  const wanted = Buffer.from(signature(key, folder, expires), "base64url");
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { ok: false, reason: "bad_signature" };
  if (expires <= now) return { ok: false, reason: "expired" };
  return { ok: true, expires };
}

/** The files a signed URL may name inside a folder: the playlists, segments, the poster and caption tracks. */
const FILE = /^(?:master\.m3u8|poster\.jpg|(?:\d{3,4})\/(?:index\.m3u8|seg_\d{5}\.ts)|captions\/[a-z]{2}(?:-[A-Z]{2})?\.vtt)$/;
export const isMediaFile = (file: string) => FILE.test(file);

export function contentTypeOf(file: string): string {
  if (file.endsWith(".m3u8")) return "application/vnd.apple.mpegurl";
  if (file.endsWith(".ts")) return "video/mp2t";
  if (file.endsWith(".jpg")) return "image/jpeg";
  return "text/vtt; charset=utf-8";
}
