// A local stand-in for Aliyun ApsaraVideo VOD, speaking its published API so lib/media/providers/aliyun.ts
// runs unchanged against it (as the payments sandbox does for lib/payments). One HTTP server plays:
//   POST|GET /                     the VOD RPC API (Version 2017-03-21, signature v1 checked: AccessKeyId,
//                                  Timestamp within 15 minutes, SignatureNonce used once, HMAC-SHA1):
//                                  CreateUploadVideo, RefreshUploadVideo, GetPlayInfo, DeleteVideo
//   PUT /<bucket>/<object>         OSS: the upload, OSS header signature with the STS credentials it handed out
//   GET /<videoId>/...?auth_key=   the CDN: type-A auth keys checked (hash, then expiry) before any byte; an
//                                  m3u8's entries are rewritten to carry their own auth_key (the CDN's HLS
//                                  rewrite), so the player's segment requests pass too
//   /_standin/videos, /_standin/deliveries[/<id>/redeliver]   JSON control API for tests
// After an upload it "transcodes" with the real ffmpeg pipeline (lib/media/ffmpeg.ts) and posts the events a
// VOD console with HTTP callbacks posts — FileUploadComplete, SnapshotComplete, TranscodeComplete — signed
// with X-VOD-TIMESTAMP / X-VOD-SIGNATURE, to UserData.MessageCallback.CallbackURL (or the default one).
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { MediaFileError, poster, probe, renditionsFor, transcodeHls } from "../../lib/media/ffmpeg";
import {
  checkTypeA,
  constantTimeEqual,
  encodeBase64Json,
  isoSeconds,
  ossSignature,
  rpcSignature,
  signTypeA,
  vodCallbackSignature,
  VOD_API_VERSION,
  type UploadAuth,
  type VodEvent,
} from "../../lib/media/providers/aliyun-protocol";
import { isLoopbackHost } from "./redis-rest-protocol";

export interface VodStandinOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** The RAM users' AccessKey pairs it accepts (id → secret). */
  accessKeys: Record<string, string>;
  /** The console's callback authentication key. */
  callbackKey: string;
  /** The console's default callback URL, for uploads whose UserData names none. */
  callbackUrl?: string;
  /** The CDN's type-A private key. */
  cdnKey: string;
  /** Where uploads and renditions are kept. */
  dataDir: string;
  now?: () => number;
  log?: (msg: string, fields?: Record<string, unknown>) => void;
}

export interface StandinVideo {
  videoId: string;
  title: string;
  fileName: string;
  status: "Uploading" | "UploadSucc" | "Transcoding" | "Normal" | "TranscodeFail" | "Deleted";
  bucket: string;
  object: string;
  auth: UploadAuth;
  callbackUrl: string | null;
  extend: string | null;
  durationSeconds: number;
  width: number;
  height: number;
  renditions: number[];
  error?: string;
}

export interface StandinDelivery {
  id: string;
  videoId: string;
  eventType: string;
  url: string;
  body: string;
  attempts: { at: number; timestamp: string; status?: number; error?: string }[];
}

export interface VodStandin {
  url: string;
  port: number;
  videos: Map<string, StandinVideo>;
  deliveries: StandinDelivery[];
  /** Resolves once the video's transcode (and its callbacks) are done. */
  settled(videoId: string): Promise<void>;
  close(): Promise<void>;
}

const RPC_MAX_BYTES = 64 * 1024;
const OSS_MAX_BYTES = 5 * 1024 ** 3;
const hex = (n: number) => randomBytes(n).toString("hex");

type Reply = { status: number; headers?: Record<string, string>; body: string | Buffer };
const json = (status: number, value: unknown): Reply => ({ status, headers: { "content-type": "application/json;charset=utf-8" }, body: JSON.stringify(value) });
const ossError = (status: number, code: string, message: string): Reply => ({
  status,
  headers: { "content-type": "application/xml" },
  body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${hex(12).toUpperCase()}</RequestId><HostId>oss.standin</HostId></Error>`,
});

function readSmall(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > RPC_MAX_BYTES) return void reject(Object.assign(new Error("Request body too large"), { status: 413 }));
      chunks.push(c);
    });
    req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}

/** VOD's definitions by height (the template decides; these follow the console's defaults). */
const definitionOf = (h: number) => (h <= 360 ? "LD" : h <= 540 ? "SD" : h <= 720 ? "HD" : "OD");

export async function startVodStandin(opts: VodStandinOptions): Promise<VodStandin> {
  const host = opts.host ?? "127.0.0.1";
  if (!isLoopbackHost(host)) throw new Error(`The VOD stand-in only listens on loopback, not "${host}"`);
  const now = opts.now ?? Date.now;
  const log = opts.log ?? (() => undefined);
  const videos = new Map<string, StandinVideo>();
  const deliveries: StandinDelivery[] = [];
  const usedNonces = new Map<string, number>();
  const pending = new Map<string, Promise<void>>();
  let base = "";
  await fsp.mkdir(opts.dataDir, { recursive: true });
  const videoDir = (id: string) => path.join(opts.dataDir, id);

  const requestId = () => randomUUID().toUpperCase();
  const rpcError = (status: number, code: string, message: string) => json(status, { RequestId: requestId(), HostId: "vod.standin", Code: code, Message: message, Recommend: "" });
  const newAuth = (): UploadAuth => ({ AccessKeyId: `STS.${hex(10)}`, AccessKeySecret: hex(16), SecurityToken: hex(48), Expiration: isoSeconds(now() + 3000_000) });

  // --- event callbacks -------------------------------------------------------------------------------------
  async function attempt(d: StandinDelivery): Promise<void> {
    const timestamp = String(Math.floor(now() / 1000));
    const entry: StandinDelivery["attempts"][number] = { at: now(), timestamp };
    d.attempts.push(entry);
    try {
      const res = await fetch(d.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-vod-timestamp": timestamp, "x-vod-signature": vodCallbackSignature(d.url, timestamp, opts.callbackKey) },
        body: d.body,
        signal: AbortSignal.timeout(10_000),
      });
      entry.status = res.status;
      await res.body?.cancel();
    } catch (error) {
      entry.error = error instanceof Error ? error.message : String(error);
      log("VOD stand-in callback failed", { url: d.url, error: entry.error });
    }
  }

  async function emit(video: StandinVideo, event: Omit<VodEvent, "EventTime" | "VideoId">): Promise<void> {
    const url = video.callbackUrl ?? opts.callbackUrl;
    if (!url) return;
    const body: VodEvent = { EventTime: isoSeconds(now()), VideoId: video.videoId, ...event, ...(video.extend ? { Extend: video.extend } : {}) };
    const d: StandinDelivery = { id: hex(8), videoId: video.videoId, eventType: event.EventType, url, body: JSON.stringify(body), attempts: [] };
    deliveries.push(d);
    await attempt(d);
  }

  // --- the "transcode" ---------------------------------------------------------------------------------------
  async function transcode(video: StandinVideo, source: string, size: number): Promise<void> {
    await emit(video, { EventType: "FileUploadComplete", Status: "success", Size: size, FileUrl: `${base}/${video.bucket}/${video.object}` });
    video.status = "Transcoding";
    const out = videoDir(video.videoId);
    try {
      const probed = await probe(source);
      const renditions = renditionsFor(probed.height);
      await transcodeHls({ input: source, outDir: out, source: probed, renditions });
      await poster(source, path.join(out, "cover.jpg"), probed);
      Object.assign(video, { status: "Normal", durationSeconds: probed.durationSeconds, width: probed.width, height: probed.height, renditions });
      await emit(video, { EventType: "SnapshotComplete", Status: "success", CoverUrl: `${base}/${video.videoId}/cover.jpg` });
      const widthOf = (h: number) => Math.round((probed.width * h) / probed.height / 2) * 2;
      await emit(video, {
        EventType: "TranscodeComplete",
        Status: "success",
        StreamInfos: renditions.map((h) => ({ Status: "success", Definition: definitionOf(h), Format: "m3u8", Duration: probed.durationSeconds.toFixed(3), Height: h, Width: widthOf(h), FileUrl: `${base}/${video.videoId}/${h}/index.m3u8` })),
      });
    } catch (error) {
      video.status = "TranscodeFail";
      video.error = error instanceof MediaFileError ? error.message : String(error);
      await emit(video, { EventType: "TranscodeComplete", Status: "fail", ErrorCode: "InvalidVideo.Unsupported", ErrorMessage: video.error.slice(0, 200), StreamInfos: [] });
    }
  }

  // --- RPC ---------------------------------------------------------------------------------------------------
  function checkRpc(method: string, params: Record<string, string>): Reply | null {
    for (const p of ["Action", "Version", "AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Signature"]) {
      if (!params[p]) return rpcError(400, "MissingParameter", `The input parameter "${p}" that is mandatory for processing this request is not supplied.`);
    }
    if (params.Version !== VOD_API_VERSION) return rpcError(400, "InvalidVersion", `Specified parameter Version is not valid.`);
    if (params.SignatureMethod !== "HMAC-SHA1" || params.SignatureVersion !== "1.0") return rpcError(400, "InvalidParameter", "SignatureMethod must be HMAC-SHA1 and SignatureVersion 1.0.");
    const secret = opts.accessKeys[params.AccessKeyId!];
    if (secret === undefined) return rpcError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
    const at = Date.parse(params.Timestamp!);
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(params.Timestamp!) || !Number.isFinite(at)) return rpcError(400, "InvalidTimeStamp.Format", "Specified time stamp does not match the specified format.");
    if (Math.abs(now() - at) > 15 * 60_000) return rpcError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
    if (!constantTimeEqual(params.Signature!, rpcSignature(secret, method, params))) return rpcError(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.");
    for (const [n, t] of usedNonces) if (t < now() - 15 * 60_000) usedNonces.delete(n);
    if (usedNonces.has(params.SignatureNonce!)) return rpcError(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
    usedNonces.set(params.SignatureNonce!, now());
    return null;
  }

  function playInfo(video: StandinVideo, authTimeout: number): Reply {
    const expires = Math.floor(now() / 1000) + authTimeout;
    const sign = (p: string) => signTypeA(`${base}/${video.videoId}/${p}`, expires, opts.cdnKey);
    const widthOf = (h: number) => Math.round((video.width * h) / video.height / 2) * 2;
    const streams = video.renditions.map((h) => ({ PlayURL: sign(`${h}/index.m3u8`), Definition: definitionOf(h), Format: "m3u8", Height: h, Width: widthOf(h), Duration: video.durationSeconds.toFixed(3), Status: "Normal", StreamType: "video", Encrypt: 0 }));
    streams.push({ PlayURL: sign("master.m3u8"), Definition: "AUTO", Format: "m3u8", Height: video.height, Width: video.width, Duration: video.durationSeconds.toFixed(3), Status: "Normal", StreamType: "video", Encrypt: 0 });
    return json(200, {
      RequestId: requestId(),
      VideoBase: { VideoId: video.videoId, Title: video.title, Status: video.status, Duration: video.durationSeconds.toFixed(3), CoverURL: sign("cover.jpg"), MediaType: "video" },
      PlayInfoList: { PlayInfo: streams },
    });
  }

  async function rpc(method: string, params: Record<string, string>): Promise<Reply> {
    const refused = checkRpc(method, params);
    if (refused) return refused;
    const video = params.VideoId ? videos.get(params.VideoId) : undefined;
    switch (params.Action) {
      case "CreateUploadVideo": {
        if (!params.Title) return rpcError(400, "MissingTitle", "Title is mandatory for this action.");
        if (!params.FileName || !/\.[A-Za-z0-9]{2,5}$/.test(params.FileName)) return rpcError(400, "InvalidFileName.Extension", "FileName must end with a video extension.");
        let callbackUrl: string | null = null;
        let extend: string | null = null;
        if (params.UserData) {
          try {
            const userData = JSON.parse(params.UserData) as { MessageCallback?: { CallbackURL?: string }; Extend?: unknown };
            callbackUrl = userData.MessageCallback?.CallbackURL ?? null;
            extend = userData.Extend === undefined ? null : JSON.stringify(userData.Extend);
          } catch {
            return rpcError(400, "InvalidParameter.UserData", "UserData is not valid JSON.");
          }
        }
        const videoId = hex(16);
        const ext = path.extname(params.FileName).toLowerCase();
        const created: StandinVideo = { videoId, title: params.Title, fileName: params.FileName, status: "Uploading", bucket: `outin-${hex(16)}`, object: `sv/${hex(4)}-${hex(6)}/${hex(4)}-${hex(6)}${ext}`, auth: newAuth(), callbackUrl, extend, durationSeconds: 0, width: 0, height: 0, renditions: [] };
        videos.set(videoId, created);
        return json(200, {
          RequestId: requestId(),
          VideoId: videoId,
          UploadAddress: encodeBase64Json({ Endpoint: base, Bucket: created.bucket, FileName: created.object }),
          UploadAuth: encodeBase64Json({ ...created.auth, Region: "cn-shanghai" }),
        });
      }
      case "RefreshUploadVideo": {
        if (!video || video.status === "Deleted") return rpcError(404, "InvalidVideo.NotFound", "The video does not exist.");
        video.auth = newAuth();
        return json(200, { RequestId: requestId(), VideoId: video.videoId, UploadAddress: encodeBase64Json({ Endpoint: base, Bucket: video.bucket, FileName: video.object }), UploadAuth: encodeBase64Json(video.auth) });
      }
      case "GetPlayInfo": {
        if (!video || video.status === "Deleted") return rpcError(404, "InvalidVideo.NotFound", "The video does not exist.");
        if (video.status !== "Normal") return rpcError(403, "Forbidden.IllegalStatus", `Status of the video is not valid: ${video.status}.`);
        const authTimeout = params.AuthTimeout ? Number(params.AuthTimeout) : 1800;
        if (!Number.isInteger(authTimeout) || authTimeout < 1) return rpcError(400, "InvalidParameter.AuthTimeout", "AuthTimeout is not valid.");
        if (params.Formats && !params.Formats.split(",").includes("m3u8")) return rpcError(404, "InvalidVideo.NoneStream", "No stream in the requested formats.");
        return playInfo(video, authTimeout);
      }
      case "DeleteVideo": {
        const ids = (params.VideoIds ?? "").split(",").filter(Boolean);
        const nonExist: string[] = [];
        for (const id of ids) {
          const v = videos.get(id);
          if (!v) nonExist.push(id);
          else {
            v.status = "Deleted";
            await fsp.rm(videoDir(id), { recursive: true, force: true });
          }
        }
        return json(200, { RequestId: requestId(), NonExistVideoIds: nonExist, ForbiddenVideoIds: [] });
      }
      default:
        return rpcError(404, "InvalidAction.NotFound", `Specified api is not found, please check your url and method.`);
    }
  }

  // --- OSS ---------------------------------------------------------------------------------------------------
  /** A refused PUT still reads the body it was sent, so the client sees the answer rather than a reset. */
  async function ossPut(req: http.IncomingMessage, pathname: string): Promise<Reply> {
    const reply = await ossPutChecked(req, pathname);
    if (!req.readableEnded) {
      req.resume();
      await new Promise((resolve) => (req.once("end", resolve), req.once("error", resolve)));
    }
    return reply;
  }

  async function ossPutChecked(req: http.IncomingMessage, pathname: string): Promise<Reply> {
    const [, bucket = "", ...rest] = pathname.split("/");
    const object = rest.map(decodeURIComponent).join("/");
    const video = [...videos.values()].find((v) => v.bucket === bucket && v.object === object);
    if (!video) return ossError(404, "NoSuchBucket", "The specified bucket or object is not one this account may write.");
    if (video.status !== "Uploading") return ossError(403, "AccessDenied", "The upload address was used already.");
    const date = req.headers.date ?? "";
    const at = Date.parse(date);
    if (!Number.isFinite(at) || Math.abs(now() - at) > 15 * 60_000) return ossError(403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.");
    const m = /^OSS ([^:]+):(.+)$/.exec(req.headers.authorization ?? "");
    if (!m || m[1] !== video.auth.AccessKeyId) return ossError(403, "InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist in our records.");
    if (Date.parse(video.auth.Expiration) < now()) return ossError(403, "SecurityTokenExpired", "The security token you provided has expired.");
    const ossHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (k.startsWith("x-oss-") && typeof v === "string") ossHeaders[k] = v;
    if (ossHeaders["x-oss-security-token"] !== video.auth.SecurityToken) return ossError(403, "InvalidSecurityToken", "The security token you provided is invalid.");
    const wanted = ossSignature(video.auth.AccessKeySecret, { method: "PUT", contentMd5: req.headers["content-md5"] as string | undefined, contentType: req.headers["content-type"], date, headers: ossHeaders, bucket, object });
    if (!constantTimeEqual(m[2]!, wanted)) return ossError(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
    const length = Number(req.headers["content-length"] ?? Number.NaN);
    if (!Number.isInteger(length) || length < 0) return ossError(411, "MissingContentLength", "You must provide the Content-Length HTTP header.");
    if (length > OSS_MAX_BYTES) return ossError(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed object size.");
    await fsp.mkdir(videoDir(video.videoId), { recursive: true });
    const source = path.join(videoDir(video.videoId), `source${path.extname(object)}`);
    const received = await new Promise<number>((resolve, reject) => {
      let n = 0;
      const file = fs.createWriteStream(source);
      req.on("data", (c: Buffer) => (n += c.length));
      req.pipe(file);
      file.once("finish", () => resolve(n));
      file.once("error", reject);
      req.once("error", reject);
    });
    if (received !== length) return ossError(400, "IncompleteBody", "The body was shorter than its Content-Length.");
    video.status = "UploadSucc";
    const job = transcode(video, source, received).catch((error: unknown) => log("VOD stand-in transcode failed", { error: String(error) }));
    pending.set(video.videoId, job);
    return { status: 200, headers: { etag: `"${hex(16).toUpperCase()}"`, "x-oss-request-id": hex(12) }, body: "" };
  }

  // --- CDN ---------------------------------------------------------------------------------------------------
  async function cdnGet(req: http.IncomingMessage, url: URL, res: http.ServerResponse): Promise<Reply | null> {
    const cors = { "access-control-allow-origin": "*", "access-control-expose-headers": "content-length, content-range" };
    const check = checkTypeA(url.pathname, url.searchParams.get("auth_key"), opts.cdnKey, Math.floor(now() / 1000));
    if (!check.ok) return { status: 403, headers: { "content-type": "text/plain", ...cors }, body: `Forbidden: auth_key ${check.reason}\n` };
    const [, videoId = "", ...rest] = url.pathname.split("/");
    const rel = rest.join("/");
    const video = videos.get(videoId);
    if (!video || video.status !== "Normal" || !/^(?:master\.m3u8|cover\.jpg|\d{3,4}\/(?:index\.m3u8|seg_\d{5}\.ts))$/.test(rel)) return { status: 404, headers: cors, body: "Not found\n" };
    const file = path.join(videoDir(videoId), rel === "cover.jpg" ? "cover.jpg" : rel);
    let stat: fs.Stats;
    try {
      stat = await fsp.stat(file);
    } catch {
      return { status: 404, headers: cors, body: "Not found\n" };
    }
    if (rel.endsWith(".m3u8")) {
      // The edge's HLS rewrite: each entry gets its own type-A key with the playlist's expiry.
      const dir = path.posix.dirname(url.pathname);
      const text = (await fsp.readFile(file, "utf8")).replace(/^(?!#)(\S+)$/gm, (entry) => {
        const target = path.posix.normalize(`${dir}/${entry}`);
        return `${entry}?auth_key=${new URL(signTypeA(`${base}${target}`, check.expires, opts.cdnKey)).searchParams.get("auth_key")}`;
      });
      return { status: 200, headers: { "content-type": "application/vnd.apple.mpegurl", ...cors }, body: text };
    }
    const type = rel.endsWith(".ts") ? "video/mp2t" : "image/jpeg";
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
    const start = range ? Number(range[1]) : 0;
    const end = range && range[2] ? Math.min(Number(range[2]), stat.size - 1) : stat.size - 1;
    if (start >= stat.size) return { status: 416, headers: { "content-range": `bytes */${stat.size}`, ...cors }, body: "" };
    res.writeHead(range ? 206 : 200, { "content-type": type, "content-length": end - start + 1, "accept-ranges": "bytes", ...(range ? { "content-range": `bytes ${start}-${end}/${stat.size}` } : {}), ...cors });
    fs.createReadStream(file, { start, end }).pipe(res);
    return null;
  }

  // --- routing -----------------------------------------------------------------------------------------------
  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<Reply | null> {
    const url = new URL(req.url ?? "/", "http://standin.invalid");
    const method = req.method ?? "GET";
    if (url.pathname.startsWith("/_standin/")) {
      if (method === "GET" && url.pathname === "/_standin/videos") return json(200, [...videos.values()]);
      if (method === "GET" && url.pathname === "/_standin/deliveries") return json(200, deliveries.filter((d) => !url.searchParams.get("videoId") || d.videoId === url.searchParams.get("videoId")));
      const again = /^\/_standin\/deliveries\/([0-9a-f]+)\/redeliver$/.exec(url.pathname);
      if (method === "POST" && again) {
        const d = deliveries.find((x) => x.id === again[1]);
        if (!d) return json(404, { error: "no such delivery" });
        await attempt(d);
        return json(200, d);
      }
      return json(404, { error: "unknown control path" });
    }
    if (url.pathname === "/" && (method === "GET" || method === "POST")) {
      const params: Record<string, string> = Object.fromEntries(url.searchParams);
      if (method === "POST") Object.assign(params, Object.fromEntries(new URLSearchParams(await readSmall(req))));
      return rpc(method, params);
    }
    if (method === "PUT") return ossPut(req, url.pathname);
    if (method === "OPTIONS") return { status: 204, headers: { "access-control-allow-origin": "*", "access-control-allow-headers": "range", "access-control-allow-methods": "GET, HEAD" }, body: "" };
    if (method === "GET" || method === "HEAD") return cdnGet(req, url, res);
    return { status: 405, body: "Method not allowed\n" };
  }

  const server = http.createServer((req, res) => {
    handle(req, res)
      .then((reply) => {
        if (!reply) return;
        res.writeHead(reply.status, { "content-length": Buffer.byteLength(reply.body), "cache-control": "no-store", ...reply.headers });
        res.end(reply.body);
      })
      .catch((error: unknown) => {
        const status = (error as { status?: number }).status ?? 500;
        if (status === 500) log("Unexpected VOD stand-in error", { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        if (res.headersSent) return void res.destroy();
        res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
        res.end(status === 500 ? "Internal stand-in error" : String((error as Error).message));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, host, () => (server.off("error", reject), resolve()));
  });
  const port = (server.address() as AddressInfo).port;
  base = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return {
    url: base,
    port,
    videos,
    deliveries,
    settled: async (videoId) => void (await pending.get(videoId)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
