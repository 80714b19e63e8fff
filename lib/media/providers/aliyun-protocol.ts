// Aliyun ApsaraVideo VOD's published wire formats, shared by our client (./aliyun.ts) and the local stand-in
// (scripts/local/vod-standin.ts) so both sides compute the same bytes:
// - RPC requests (Version 2017-03-21) signed with signature v1: HMAC-SHA1 over
//   `METHOD&%2F&percentEncode(sorted, percent-encoded query)` with the key `AccessKeySecret&`;
// - CreateUploadVideo's base64 JSON UploadAddress {Endpoint, Bucket, FileName} and UploadAuth
//   {AccessKeyId, AccessKeySecret, SecurityToken, Expiration};
// - the OSS header signature of the PUT that carries the file (`Authorization: OSS <id>:<sig>`, STS token in
//   x-oss-security-token, which is one of the canonicalised x-oss-* headers);
// - event callbacks' X-VOD-TIMESTAMP / X-VOD-SIGNATURE = md5(callbackUrl|timestamp|privateKey);
// - CDN URL signing type A: auth_key = timestamp-rand-uid-md5(path-timestamp-rand-uid-privateKey), where the
//   timestamp is when the address stops working.
// Pure apart from node:crypto: unit-tested with the published worked examples.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const VOD_API_VERSION = "2017-03-21";

/** Aliyun's percent-encoding: RFC 3986 unreserved characters stay, everything else (space → %20, * → %2A) is %XY of UTF-8. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `yyyy-MM-ddTHH:mm:ssZ` in UTC, the RPC Timestamp and callbacks' EventTime. */
export const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== "Signature")
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`)
    .join("&");
}

export const rpcStringToSign = (method: string, params: Record<string, string>) => `${method.toUpperCase()}&${percentEncode("/")}&${percentEncode(canonicalQuery(params))}`;

export function rpcSignature(secret: string, method: string, params: Record<string, string>): string {
  return createHmac("sha1", `${secret}&`).update(rpcStringToSign(method, params), "utf8").digest("base64");
}

export interface RpcCredentials {
  accessKeyId: string;
  accessKeySecret: string;
}

/** The full query of one RPC call: the action's parameters, the common ones and the Signature. */
export function signRpc(credentials: RpcCredentials, action: string, params: Record<string, string>, opts: { method?: string; now?: number; nonce: string }): Record<string, string> {
  const all: Record<string, string> = {
    ...params,
    Action: action,
    Format: "JSON",
    Version: VOD_API_VERSION,
    AccessKeyId: credentials.accessKeyId,
    SignatureMethod: "HMAC-SHA1",
    SignatureVersion: "1.0",
    SignatureNonce: opts.nonce,
    Timestamp: isoSeconds(opts.now ?? Date.now()),
  };
  return { ...all, Signature: rpcSignature(credentials.accessKeySecret, opts.method ?? "POST", all) };
}

export const constantTimeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** CreateUploadVideo's UploadAddress and UploadAuth, as they travel (base64 of JSON). */
export interface UploadAddress {
  Endpoint: string;
  Bucket: string;
  FileName: string;
}
export interface UploadAuth {
  AccessKeyId: string;
  AccessKeySecret: string;
  SecurityToken: string;
  Expiration: string;
}

export const encodeBase64Json = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64");

export function decodeBase64Json<T>(value: string, fields: (keyof T & string)[]): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64").toString("utf8"));
  } catch {
    throw new Error("not base64 JSON");
  }
  if (typeof parsed !== "object" || parsed === null) throw new Error("not a JSON object");
  for (const f of fields) if (typeof (parsed as Record<string, unknown>)[f] !== "string") throw new Error(`missing ${f}`);
  return parsed as T;
}

/** Where an object is PUT: virtual-hosted `bucket.endpoint` as OSS wants, or path-style on a loopback stand-in. */
export function ossObjectUrl(endpoint: string, bucket: string, object: string): string {
  const url = new URL(endpoint);
  const key = object.split("/").map(encodeURIComponent).join("/");
  if (/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname)) return `${url.origin}/${bucket}/${key}`;
  return `${url.protocol}//${bucket}.${url.host}/${key}`;
}

/**
 * OSS header signature: base64(HMAC-SHA1(secret, VERB\nContent-MD5\nContent-Type\nDate\n
 * CanonicalizedOSSHeaders CanonicalizedResource)); x-oss-* headers lower-cased, sorted, `name:value\n` each.
 */
export function ossSignature(secret: string, req: { method: string; contentMd5?: string; contentType?: string; date: string; headers: Record<string, string>; bucket: string; object: string }): string {
  const oss = Object.entries(req.headers)
    .map(([k, v]) => [k.toLowerCase(), v.trim()] as const)
    .filter(([k]) => k.startsWith("x-oss-"))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}:${v}\n`)
    .join("");
  const text = `${req.method.toUpperCase()}\n${req.contentMd5 ?? ""}\n${req.contentType ?? ""}\n${req.date}\n${oss}/${req.bucket}/${req.object}`;
  return createHmac("sha1", secret).update(text, "utf8").digest("base64");
}

/** X-VOD-SIGNATURE of an event callback: md5 of `callbackUrl|timestamp|privateKey`, hex. */
export const vodCallbackSignature = (callbackUrl: string, timestamp: string, privateKey: string) => createHash("md5").update(`${callbackUrl}|${timestamp}|${privateKey}`, "utf8").digest("hex");

export type CallbackCheck = { ok: true; timestamp: number } | { ok: false; reason: "missing" | "bad_signature" | "stale" };

/** Checks a callback's headers; a timestamp more than `maxSkewSeconds` from now (either way) is stale. */
export function checkVodCallback(callbackUrl: string, headers: Headers, privateKey: string, nowSeconds: number, maxSkewSeconds = 300): CallbackCheck {
  const timestamp = headers.get("x-vod-timestamp") ?? "";
  const signature = (headers.get("x-vod-signature") ?? "").toLowerCase();
  if (!/^\d{10}$/.test(timestamp) || !/^[0-9a-f]{32}$/.test(signature)) return { ok: false, reason: "missing" };
  if (!constantTimeEqual(signature, vodCallbackSignature(callbackUrl, timestamp, privateKey))) return { ok: false, reason: "bad_signature" };
  if (Math.abs(nowSeconds - Number(timestamp)) > maxSkewSeconds) return { ok: false, reason: "stale" };
  return { ok: true, timestamp: Number(timestamp) };
}

const md5 = (s: string) => createHash("md5").update(s, "utf8").digest("hex");

/** Type-A auth_key for `path` (the URL's path, as sent), valid until `expires` (Unix seconds). */
export function typeAAuthKey(path: string, expires: number, privateKey: string, rand = "0", uid = "0"): string {
  return `${expires}-${rand}-${uid}-${md5(`${path}-${expires}-${rand}-${uid}-${privateKey}`)}`;
}

/** `url` with its type-A auth_key appended. */
export function signTypeA(url: string, expires: number, privateKey: string, rand = "0", uid = "0"): string {
  const u = new URL(url);
  u.searchParams.set("auth_key", typeAAuthKey(u.pathname, expires, privateKey, rand, uid));
  return u.toString();
}

export type TypeACheck = { ok: true; expires: number } | { ok: false; reason: "missing" | "bad_signature" | "expired" };

/** What a CDN edge does: the hash first, then the expiry (`graceSeconds` is the console's extra validity). */
export function checkTypeA(path: string, authKey: string | null, privateKey: string, nowSeconds: number, graceSeconds = 0): TypeACheck {
  const m = /^(\d{10})-([A-Za-z0-9]{1,64})-([A-Za-z0-9]{1,64})-([0-9a-f]{32})$/.exec(authKey ?? "");
  if (!m) return { ok: false, reason: "missing" };
  const [, ts, rand, uid, hash] = m as unknown as [string, string, string, string, string];
  if (!constantTimeEqual(hash, md5(`${path}-${ts}-${rand}-${uid}-${privateKey}`))) return { ok: false, reason: "bad_signature" };
  if (Number(ts) + graceSeconds < nowSeconds) return { ok: false, reason: "expired" };
  return { ok: true, expires: Number(ts) };
}

/** The events VOD posts (the fields we read; VOD sends more). */
export interface VodEvent {
  EventType: string;
  EventTime: string;
  VideoId: string;
  Status?: string;
  Size?: number;
  FileUrl?: string;
  CoverUrl?: string;
  ErrorCode?: string;
  ErrorMessage?: string;
  Extend?: string;
  StreamInfos?: { Status?: string; Definition?: string; Format?: string; Duration?: string | number; Height?: number | string; Width?: number | string; FileUrl?: string; Size?: number }[];
}

/** GetPlayInfo's answer (the fields we read). */
export interface PlayInfoResponse {
  RequestId: string;
  VideoBase: { VideoId: string; CoverURL?: string; Duration?: string; Status: string; Title?: string };
  PlayInfoList: { PlayInfo: { PlayURL: string; Definition: string; Format: string; Height?: number; Width?: number; Duration?: string; Bitrate?: string; Size?: number; Status?: string }[] };
}
