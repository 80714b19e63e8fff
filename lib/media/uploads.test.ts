// Video upload to playback through the real route handlers, against the test MariaDB and Redis: the tus
// upload as a course admin (refusals for learners, empty files, non-video lessons, oversized files, a wrong
// offset, another admin's upload, a file that is not a video), the audit row and the queued transcode, the
// transcode itself with ffmpeg, and signed playback with ranges, tampering and expiry. A later upload that
// fails leaves the lesson's video as it was.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/test/request-context"));
vi.mock("next/cache", () => import("@/test/request-context"));

import * as createRoute from "@/app/api/v1/admin/video-uploads/route";
import * as uploadRoute from "@/app/api/v1/admin/video-uploads/[id]/route";
import { GET as media } from "@/app/media/[token]/[...path]/route";
import { closeDb, db } from "@/db";
import { auditLog, chapters, courses, lessons, videoAssets } from "@/db/schema";
import { QUEUES, closeQueues, queue } from "@/lib/jobs/queues";
import { signInAs } from "@/test/request-context";
import { createTestUser } from "@/test/users";
import { mediaConfig } from "./config";
import { ffmpegInstalled, makeTestClip } from "./ffmpeg";
import { signedPlayback } from "./playback";
import { runTranscodeJob } from "./process";

const base = "http://localhost/api/v1/admin/video-uploads";
const b64 = (s: string) => Buffer.from(s).toString("base64");
let admin: number;
let otherAdmin: number;
let learner: number;
let videoLesson: number;
let articleLesson: number;
let dir: string;
let clip: Uint8Array;

function create(length: number, lessonId: number, name = "lecture.mp4"): Promise<Response> {
  const request = new Request(base, { method: "POST", headers: { "tus-resumable": "1.0.0", "upload-length": String(length), "upload-metadata": `lessonId ${b64(String(lessonId))},filename ${b64(name)}` } });
  return createRoute.POST(request, { params: Promise.resolve({}) });
}

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const idOf = (res: Response) => res.headers.get("location")!.split("/").pop()!;

function patch(id: string, offset: number, body: Uint8Array): Promise<Response> {
  const request = new Request(`${base}/${id}`, { method: "PATCH", headers: { "tus-resumable": "1.0.0", "upload-offset": String(offset), "content-type": "application/offset+octet-stream" }, body: new Uint8Array(body) });
  return uploadRoute.PATCH(request, ctx(id));
}

const head = (id: string) => uploadRoute.GET(new Request(`${base}/${id}`, { method: "HEAD", headers: { "tus-resumable": "1.0.0" } }), ctx(id));

/** Uploads `bytes` in two chunks, the way a resumed upload does: HEAD for the offset between them. */
async function uploadInTwo(lessonId: number, bytes: Uint8Array): Promise<Response> {
  const created = await create(bytes.length, lessonId);
  expect(created.status).toBe(201);
  const id = idOf(created);
  const half = Math.floor(bytes.length / 2);
  expect((await patch(id, 0, bytes.subarray(0, half))).status).toBe(204);
  const resumed = await head(id);
  expect(resumed.headers.get("upload-offset")).toBe(String(half));
  return patch(id, half, bytes.subarray(half));
}

const mediaGet = (url: string, headers: Record<string, string> = {}) => {
  const [, , token, ...rest] = url.split("/");
  return media(new Request(`http://localhost${url}`, { headers }), { params: Promise.resolve({ token: token!, path: rest }) });
};

beforeAll(async () => {
  admin = await createTestUser(["course_admin"], "视频编辑");
  otherAdmin = await createTestUser(["course_admin"], "另一位编辑");
  learner = await createTestUser([]);
  const [course] = await db().select({ id: courses.id }).from(courses).where(eq(courses.status, "published")).limit(1);
  const [chapter] = await db().select({ id: chapters.id }).from(chapters).where(eq(chapters.courseId, course!.id)).limit(1);
  const insert = async (kind: "video" | "article") =>
    Number((await db().insert(lessons).values({ courseId: course!.id, chapterId: chapter!.id, title: `上传测试 ${kind}`, kind, position: 999 }))[0].insertId);
  videoLesson = await insert("video");
  articleLesson = await insert("article");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "xuefu-upload-"));
  if (ffmpegInstalled()) {
    await makeTestClip(path.join(dir, "clip.mp4"), { seconds: 4, width: 1280, height: 720 });
    clip = new Uint8Array(fs.readFileSync(path.join(dir, "clip.mp4")));
  }
}, 60_000);

afterAll(async () => {
  await db().delete(lessons).where(eq(lessons.id, videoLesson));
  await db().delete(lessons).where(eq(lessons.id, articleLesson));
  fs.rmSync(dir, { recursive: true, force: true });
  await closeQueues();
  await closeDb();
});

describe("starting an upload", () => {
  it("is for course admins only", async () => {
    await signInAs(learner);
    const res = await create(1000, videoLesson);
    expect(res.status).toBe(403);
  });

  it("refuses an empty file, a lesson that is not a video, and a file over the limit", async () => {
    await signInAs(admin);
    const empty = await create(0, videoLesson);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toMatch(/empty/);
    expect((await create(1000, articleLesson)).status).toBe(422);
    expect((await create(1000, 987_654_321)).status).toBe(422);
    expect((await create(mediaConfig().maxUploadBytes + 1, videoLesson)).status).toBe(413);
  });
});

describe("sending the bytes", () => {
  it("refuses a chunk at the wrong offset, and lets no other admin continue someone's upload", async () => {
    await signInAs(admin);
    const id = idOf(await create(100, videoLesson));
    expect((await patch(id, 5, new Uint8Array(10))).status).toBe(409);
    expect((await patch(id, 0, new Uint8Array(10))).status).toBe(204);
    expect((await patch(id, 0, new Uint8Array(10))).status).toBe(409);
    await signInAs(otherAdmin);
    expect((await patch(id, 10, new Uint8Array(10))).status).toBe(403);
    expect((await head(id)).status).toBe(403);
    await signInAs(admin);
    expect((await uploadRoute.DELETE(new Request(`${base}/${id}`, { method: "DELETE", headers: { "tus-resumable": "1.0.0" } }), ctx(id))).status).toBe(204);
    expect(fs.existsSync(path.join(mediaConfig().uploadsDir, id))).toBe(false);
  });

  it("deletes a finished file that is not a video and creates nothing", async () => {
    await signInAs(admin);
    const before = await db().select({ id: videoAssets.id }).from(videoAssets).where(eq(videoAssets.lessonId, videoLesson));
    const pdf = new Uint8Array(Buffer.from("%PDF-1.7\n" + "x".repeat(5000)));
    const res = await uploadInTwo(videoLesson, pdf);
    expect(res.status).toBe(415);
    expect(await res.text()).toMatch(/not a video/);
    const after = await db().select({ id: videoAssets.id }).from(videoAssets).where(eq(videoAssets.lessonId, videoLesson));
    expect(after).toHaveLength(before.length);
  });
});

describe.runIf(ffmpegInstalled())("a real video, from upload to signed playback", () => {
  let assetId: number;
  let folder: string;

  it("is kept, audited and queued for transcoding when its last byte arrives", async () => {
    await signInAs(admin);
    const res = await uploadInTwo(videoLesson, clip);
    expect(res.status).toBe(204);
    assetId = Number(res.headers.get("x-video-asset-id"));
    const [asset] = await db().select().from(videoAssets).where(eq(videoAssets.id, assetId));
    expect(asset).toMatchObject({ lessonId: videoLesson, status: "uploaded", sourceBytes: clip.length, createdBy: admin });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.targetType, "lesson"), eq(auditLog.targetId, String(videoLesson)))).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ actorId: admin, action: "PATCH /api/v1/admin/video-uploads/[id]" });
    const jobs = await queue(QUEUES.media).getJobs(["waiting", "delayed", "active"]);
    expect(jobs.some((j) => j.name === "transcode" && (j.data as { assetId: number }).assetId === assetId)).toBe(true);
  });

  it("is transcoded to HLS renditions no taller than the source, and becomes the lesson's video", async () => {
    const progress: number[] = [];
    const result = await runTranscodeJob(assetId, { updateProgress: async (p: unknown) => void progress.push(p as number) } as never);
    expect(result.status).toBe("ready");
    const [asset] = await db().select().from(videoAssets).where(eq(videoAssets.id, assetId));
    expect(asset).toMatchObject({ status: "ready", progress: 100, renditions: [360, 720], width: 1280, height: 720, sourceKey: null });
    expect(asset!.durationSeconds).toBe(4);
    expect(progress.at(-1)).toBe(100);
    const [lesson] = await db().select({ videoAssetId: lessons.videoAssetId, durationSeconds: lessons.durationSeconds }).from(lessons).where(eq(lessons.id, videoLesson));
    expect(lesson).toEqual({ videoAssetId: assetId, durationSeconds: 4 });
    folder = asset!.dir!;
  }, 60_000);

  it("plays through signed URLs, in ranges, and refuses a range past the end", async () => {
    const { src } = signedPlayback(folder);
    const master = await mediaGet(src);
    expect(master.status).toBe(200);
    expect(master.headers.get("content-type")).toBe("application/vnd.apple.mpegurl");
    const text = await master.text();
    expect(text).toContain("360/index.m3u8");
    expect(text).toContain("720/index.m3u8");
    const segment = src.replace("master.m3u8", "720/seg_00000.ts");
    const whole = await mediaGet(segment);
    const size = Number(whole.headers.get("content-length"));
    await whole.body?.cancel();
    expect(size).toBeGreaterThan(1000);
    const part = await mediaGet(segment, { range: "bytes=100-199" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${size}`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);
    const past = await mediaGet(segment, { range: `bytes=${size}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe(`bytes */${size}`);
    expect((await mediaGet(src.replace("master.m3u8", "720/seg_09999.ts"))).status).toBe(404);
  });

  it("refuses a tampered or expired address with 403 before reading anything", async () => {
    const { src } = signedPlayback(folder);
    const tampered = src.replace(/-(.)/, (_m, c: string) => `-${c === "A" ? "B" : "A"}`);
    expect((await mediaGet(tampered)).status).toBe(403);
    const expired = signedPlayback(folder, Date.now() - (mediaConfig().urlTtlSeconds + 5) * 1000);
    const res = await mediaGet(expired.src);
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/expired/);
    expect((await mediaGet(expired.src.replace("master.m3u8", "720/seg_00000.ts"))).status).toBe(403);
  });

  it("keeps the lesson's video when a new upload turns out truncated, and says why", async () => {
    await signInAs(admin);
    const res = await uploadInTwo(videoLesson, clip.subarray(0, Math.floor(clip.length / 2)));
    expect(res.status).toBe(204);
    const failedId = Number(res.headers.get("x-video-asset-id"));
    expect((await runTranscodeJob(failedId)).status).toBe("failed");
    const [failed] = await db().select().from(videoAssets).where(eq(videoAssets.id, failedId));
    expect(failed!.status).toBe("failed");
    expect(failed!.error).toMatch(/incomplete|could not be read/);
    const [lesson] = await db().select({ videoAssetId: lessons.videoAssetId }).from(lessons).where(eq(lessons.id, videoLesson));
    expect(lesson!.videoAssetId).toBe(assetId);
    expect((await mediaGet(signedPlayback(folder).src)).status).toBe(200);
  }, 60_000);

  it("replaces the old renditions only once a new upload is ready, then removes them", async () => {
    await signInAs(admin);
    const res = await uploadInTwo(videoLesson, clip);
    const newId = Number(res.headers.get("x-video-asset-id"));
    // Until the new one is transcoded, the lesson shows the old one.
    const [before] = await db().select({ videoAssetId: lessons.videoAssetId }).from(lessons).where(eq(lessons.id, videoLesson));
    expect(before!.videoAssetId).toBe(assetId);
    expect((await runTranscodeJob(newId)).status).toBe("ready");
    const [after] = await db().select({ videoAssetId: lessons.videoAssetId }).from(lessons).where(eq(lessons.id, videoLesson));
    expect(after!.videoAssetId).toBe(newId);
    expect(await db().select().from(videoAssets).where(eq(videoAssets.id, assetId))).toHaveLength(0);
    expect((await mediaGet(signedPlayback(folder).src)).status).toBe(404);
    const [fresh] = await db().select({ dir: videoAssets.dir }).from(videoAssets).where(eq(videoAssets.id, newId));
    expect((await mediaGet(signedPlayback(fresh!.dir!).src)).status).toBe(200);
  }, 60_000);
});
