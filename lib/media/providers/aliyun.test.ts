// The Aliyun VOD provider against the real local stand-in (started in this process) and the test MariaDB: an
// uploaded asset is handed to VOD (CreateUploadVideo, the OSS PUT), the stand-in transcodes with ffmpeg and
// posts its signed callbacks to our handler, the asset becomes the lesson's video, and GetPlayInfo's CDN
// addresses play — until they expire or are tampered with. Both sides refuse what is not signed right: the
// stand-in a wrong RPC signature, a reused nonce and a forged OSS PUT; our handler a forged, re-addressed or
// stale callback. A replayed callback changes nothing.
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/test/request-context"));
vi.mock("next/cache", () => import("@/test/request-context"));

import { closeDb, db } from "@/db";
import { chapters, courses, lessons, videoAssets } from "@/db/schema";
import { startVodStandin, type VodStandin } from "@/scripts/local/vod-standin";
import { findAsset } from "../assets";
import { mediaConfig } from "../config";
import { ffmpegInstalled, makeTestClip } from "../ffmpeg";
import { aliyunProvider, VOD_CALLBACK_PATH, type AliyunVodConfig } from "./aliyun";
import { aliyunVodClient, AliyunVodError } from "./aliyun-client";
import { ossSignature, signRpc, vodCallbackSignature } from "./aliyun-protocol";

const ACCESS_KEY_ID = "LTAIstandin0000001";
const ACCESS_KEY_SECRET = "standin-secret-0123456789";
const CALLBACK_KEY = "callback-key-0123";
const CDN_KEY = "cdn-private-key-0123";

let standin: VodStandin;
let receiver: http.Server;
let config: AliyunVodConfig;
let provider: ReturnType<typeof aliyunProvider>;
let skewMs = 0;
let lessonId: number;
let dir: string;
let clip: string;

/** Our callback route, served by a plain HTTP server that hands each request to the provider's handler. */
async function startReceiver(): Promise<string> {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      provider
        .handleCallback(new Request(`http://receiver${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }))
        .then(async (response) => {
          res.writeHead(response.status);
          res.end(await response.text());
        })
        .catch((error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
}

/** An uploaded asset waiting for the worker, its file where the tus store leaves finished uploads. */
async function uploadedAsset(file: string, name = "lecture.mp4"): Promise<number> {
  const sourceKey = randomBytes(16).toString("hex");
  fs.mkdirSync(mediaConfig().uploadsDir, { recursive: true });
  fs.copyFileSync(file, path.join(mediaConfig().uploadsDir, sourceKey));
  const [result] = await db().insert(videoAssets).values({ lessonId, status: "uploaded", provider: "aliyun", sourceKey, sourceName: name, sourceBytes: fs.statSync(file).size, renditions: [] });
  return Number(result.insertId);
}

/** Sends the asset to VOD and waits for the stand-in to finish with it (its callbacks answered). */
async function processed(assetId: number) {
  const result = await provider.process((await findAsset(assetId))!);
  const asset = (await findAsset(assetId))!;
  if (asset.externalId) await standin.settled(asset.externalId);
  return { result, asset: (await findAsset(assetId))! };
}

const callback = (body: string, timestamp: string, signature: string, url = config.callbackUrl) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-vod-timestamp": timestamp, "x-vod-signature": signature }, body });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "xuefu-vod-"));
  standin = await startVodStandin({ port: 0, accessKeys: { [ACCESS_KEY_ID]: ACCESS_KEY_SECRET }, callbackKey: CALLBACK_KEY, cdnKey: CDN_KEY, dataDir: path.join(dir, "standin"), now: () => Date.now() + skewMs });
  const receiverUrl = await startReceiver();
  config = { endpoint: standin.url, accessKeyId: ACCESS_KEY_ID, accessKeySecret: ACCESS_KEY_SECRET, callbackKey: CALLBACK_KEY, callbackUrl: `${receiverUrl}${VOD_CALLBACK_PATH}`, urlTtlSeconds: 120 };
  provider = aliyunProvider(config);
  const [course] = await db().select({ id: courses.id }).from(courses).where(eq(courses.status, "published")).limit(1);
  const [chapter] = await db().select({ id: chapters.id }).from(chapters).where(eq(chapters.courseId, course!.id)).limit(1);
  lessonId = Number((await db().insert(lessons).values({ courseId: course!.id, chapterId: chapter!.id, title: "VOD 测试", kind: "video", position: 998 }))[0].insertId);
  clip = path.join(dir, "clip.mp4");
  if (ffmpegInstalled()) await makeTestClip(clip, { seconds: 3, width: 640, height: 360 });
}, 120_000);

afterAll(async () => {
  if (lessonId) await db().delete(lessons).where(eq(lessons.id, lessonId));
  await standin?.close();
  await new Promise((resolve) => receiver?.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
  await closeDb();
});

describe("the stand-in checks our requests as VOD does", () => {
  it("refuses a wrong secret, an unknown key, a stale timestamp and a reused nonce", async () => {
    const wrong = aliyunVodClient({ ...config, accessKeySecret: "not-the-secret-00000" });
    await expect(wrong.getPlayInfo("0".repeat(32), 60)).rejects.toMatchObject({ code: "SignatureDoesNotMatch", status: 400 });
    const unknown = aliyunVodClient({ ...config, accessKeyId: "LTAIunknown0000001" });
    await expect(unknown.getPlayInfo("0".repeat(32), 60)).rejects.toMatchObject({ code: "InvalidAccessKeyId.NotFound", status: 404 });

    const post = (params: Record<string, string>) => fetch(`${standin.url}/`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(params).toString() }).then(async (r) => ({ status: r.status, body: (await r.json()) as { Code?: string } }));
    const stale = signRpc(config, "GetPlayInfo", { VideoId: "0".repeat(32) }, { now: Date.now() - 20 * 60_000, nonce: randomUUID() });
    expect((await post(stale)).body.Code).toBe("InvalidTimeStamp.Expired");
    const once = signRpc(config, "GetPlayInfo", { VideoId: "0".repeat(32) }, { nonce: randomUUID() });
    expect(await post(once)).toMatchObject({ status: 404, body: { Code: "InvalidVideo.NotFound" } });
    expect(await post(once)).toMatchObject({ status: 400, body: { Code: "SignatureNonceUsed" } });
  });

  it("answers a right request, and refuses an OSS PUT signed with the wrong secret or token", async () => {
    const client = aliyunVodClient(config);
    const created = await client.createUploadVideo({ title: "t", fileName: "a.mp4" });
    expect(created.videoId).toMatch(/^[0-9a-f]{32}$/);
    expect(created.auth.AccessKeyId).toMatch(/^STS\./);
    const file = path.join(dir, "small.bin");
    fs.writeFileSync(file, "not much");
    await expect(client.putFile({ ...created, auth: { ...created.auth, AccessKeySecret: "forged" } }, file)).rejects.toMatchObject({ code: "SignatureDoesNotMatch", status: 403 });
    await expect(client.putFile({ ...created, auth: { ...created.auth, SecurityToken: "forged" } }, file)).rejects.toMatchObject({ code: "InvalidSecurityToken", status: 403 });
    // A hand-made request with a stale Date is refused however well it is signed.
    const date = new Date(Date.now() - 20 * 60_000).toUTCString();
    const signature = ossSignature(created.auth.AccessKeySecret, { method: "PUT", contentType: "video/mp4", date, headers: { "x-oss-security-token": created.auth.SecurityToken }, bucket: created.address.Bucket, object: created.address.FileName });
    const res = await fetch(`${standin.url}/${created.address.Bucket}/${created.address.FileName}`, { method: "PUT", headers: { date, "content-type": "video/mp4", "x-oss-security-token": created.auth.SecurityToken, authorization: `OSS ${created.auth.AccessKeyId}:${signature}` }, body: "x" });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("RequestTimeTooSkewed");
  });
});

describe.skipIf(!ffmpegInstalled())("upload → callback → ready → GetPlayInfo", () => {
  let assetId: number;
  let transcodeDelivery: { body: string; attempts: { timestamp: string }[]; id: string };

  it("hands the upload to VOD and becomes the lesson's video when VOD says it is transcoded", async () => {
    assetId = await uploadedAsset(clip);
    const { result, asset } = await processed(assetId);
    expect(result.status).toBe("transcoding");
    expect(asset).toMatchObject({ status: "ready", provider: "aliyun", progress: 100, dir: null, height: 360, width: 640, renditions: [360], sourceKey: null });
    expect(asset.durationSeconds).toBeGreaterThanOrEqual(2);
    const [lesson] = await db().select({ video: lessons.videoAssetId }).from(lessons).where(eq(lessons.id, lessonId));
    expect(lesson!.video).toBe(assetId);
    const events = standin.deliveries.filter((d) => d.videoId === asset.externalId);
    expect(events.map((d) => d.eventType)).toEqual(["FileUploadComplete", "SnapshotComplete", "TranscodeComplete"]);
    expect(events.every((d) => d.attempts[0]?.status === 200)).toBe(true);
    expect(JSON.parse(events[2]!.body)).toMatchObject({ Extend: JSON.stringify({ assetId: String(assetId) }) });
    transcodeDelivery = events[2]!;
  }, 120_000);

  it("plays through CDN addresses that open every playlist and segment, until tampered with or expired", async () => {
    const asset = (await findAsset(assetId))!;
    const playback = (await provider.playback(asset))!;
    expect(playback.src).toMatch(/\/master\.m3u8\?auth_key=\d{10}-0-0-[0-9a-f]{32}$/);
    expect(playback.poster).toContain("cover.jpg?auth_key=");
    const master = await fetch(playback.src);
    expect(master.status).toBe(200);
    const entry = (await master.text()).split("\n").find((l) => l.startsWith("360/"))!;
    expect(entry).toMatch(/^360\/index\.m3u8\?auth_key=/);
    const variant = await fetch(new URL(entry, playback.src));
    expect(variant.status).toBe(200);
    const segment = (await variant.text()).split("\n").find((l) => l.startsWith("seg_"))!;
    const segmentUrl = new URL(segment, new URL(entry, playback.src));
    const bytes = await fetch(segmentUrl, { headers: { range: "bytes=0-187" } });
    expect(bytes.status).toBe(206);
    expect(new Uint8Array(await bytes.arrayBuffer())[0]).toBe(0x47);

    // The segment's key moved to another segment, a flipped hash, no key: refused before any byte.
    const moved = new URL(segmentUrl);
    moved.pathname = moved.pathname.replace(/seg_\d{5}/, "seg_00009");
    expect((await fetch(moved)).status).toBe(403);
    const flipped = new URL(playback.src);
    flipped.searchParams.set("auth_key", flipped.searchParams.get("auth_key")!.replace(/.$/, (c) => (c === "0" ? "1" : "0")));
    expect((await fetch(flipped)).status).toBe(403);
    expect((await fetch(playback.src.split("?")[0]!)).status).toBe(403);
    // The same addresses after their expiry (VIDEO_URL_TTL_SECONDS is 120 here).
    skewMs = 121_000;
    try {
      expect((await fetch(playback.src)).status).toBe(403);
      expect((await fetch(segmentUrl)).status).toBe(403);
    } finally {
      skewMs = 0;
    }
  });

  it("refuses forged, re-addressed and stale callbacks, and a replayed one changes nothing", async () => {
    const before = (await findAsset(assetId))!;
    const body = transcodeDelivery.body;
    const ts = String(Math.floor(Date.now() / 1000));
    expect((await callback(body, ts, "0".repeat(32))).status).toBe(401);
    expect((await callback(body, ts, vodCallbackSignature(config.callbackUrl, ts, "wrong-key"))).status).toBe(401);
    expect((await callback(body, ts, vodCallbackSignature(`${config.callbackUrl}/other`, ts, CALLBACK_KEY))).status).toBe(401);
    const old = String(Math.floor(Date.now() / 1000) - 600);
    expect((await callback(body, old, vodCallbackSignature(config.callbackUrl, old, CALLBACK_KEY))).status).toBe(401);

    // The very request VOD sent, again; VOD redelivering it with a fresh signature; and a late failure report.
    const first = transcodeDelivery.attempts[0]!.timestamp;
    expect((await callback(body, first, vodCallbackSignature(config.callbackUrl, first, CALLBACK_KEY))).status).toBe(200);
    const redelivered = await fetch(`${standin.url}/_standin/deliveries/${transcodeDelivery.id}/redeliver`, { method: "POST" }).then((r) => r.json() as Promise<{ attempts: { status: number }[] }>);
    expect(redelivered.attempts.at(-1)!.status).toBe(200);
    const failure = JSON.stringify({ ...JSON.parse(body), Status: "fail", ErrorCode: "x", ErrorMessage: "late", StreamInfos: [] });
    expect((await callback(failure, ts, vodCallbackSignature(config.callbackUrl, ts, CALLBACK_KEY))).status).toBe(200);
    const after = (await findAsset(assetId))!;
    expect(after).toEqual(before);
  });

  it("ends a file VOD cannot transcode as failed with VOD's reason, keeping the lesson's video", async () => {
    const junk = path.join(dir, "junk.mp4");
    fs.writeFileSync(junk, Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from("ftypisom"), randomBytes(4000)]));
    const failedId = await uploadedAsset(junk, "broken.mp4");
    const { asset } = await processed(failedId);
    expect(asset.status).toBe("failed");
    expect(asset.error).toMatch(/^Aliyun VOD could not transcode the video \(InvalidVideo\.Unsupported: /);
    const [lesson] = await db().select({ video: lessons.videoAssetId }).from(lessons).where(eq(lessons.id, lessonId));
    expect(lesson!.video).toBe(assetId);
  }, 60_000);

  it("a refused hand-over ends failed with VOD's error code", async () => {
    const id = await uploadedAsset(clip);
    const broken = aliyunProvider({ ...config, accessKeySecret: "not-the-secret-00000" });
    expect((await broken.process((await findAsset(id))!)).status).toBe("failed");
    expect((await findAsset(id))!.error).toBe("Aliyun VOD refused the video (SignatureDoesNotMatch); try again");
    expect(AliyunVodError).toBeDefined();
  });
});
