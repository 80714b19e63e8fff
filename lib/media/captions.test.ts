// Caption tracks through the editor's server actions, against the test MariaDB: a course admin uploads a
// WebVTT file for the lesson's current video, learners' playback carries it as a signed track that the media
// route serves (and refuses when tampered with), a bad file is refused with its reason, removal takes the
// track away, a learner may not upload, and a video Aliyun VOD hosts gets a folder for its captions.
import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/test/request-context"));
vi.mock("next/cache", () => import("@/test/request-context"));

import { GET as media } from "@/app/media/[token]/[...path]/route";
import { closeDb, db } from "@/db";
import { auditLog, chapters, courses, lessons, videoAssets } from "@/db/schema";
import { signInAs } from "@/test/request-context";
import { createTestUser } from "@/test/users";
import { removeLessonCaption, uploadLessonCaption } from "./admin-caption-actions";
import { findAsset } from "./assets";
import { previewOf } from "./playback";

const FORBIDDEN = { digest: "NEXT_HTTP_ERROR_FALLBACK;403" };
const VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n欢迎来到学府\n";
let admin: number;
let learner: number;
let lessonId: number;
let bareLesson: number;
let assetId: number;
let dir: string;

function form(fields: { lessonId: number; lang: string; file: string | Uint8Array }): FormData {
  const data = new FormData();
  data.set("lessonId", String(fields.lessonId));
  data.set("lang", fields.lang);
  data.set("file", new Blob([typeof fields.file === "string" ? fields.file : new Uint8Array(fields.file)], { type: "text/vtt" }), "track.vtt");
  return data;
}

const mediaGet = (url: string) => {
  const [, , token, ...rest] = url.split("/");
  return media(new Request(`http://localhost${url}`), { params: Promise.resolve({ token: token!, path: rest }) });
};

beforeAll(async () => {
  admin = await createTestUser(["course_admin"], "字幕编辑");
  learner = await createTestUser([]);
  const [course] = await db().select({ id: courses.id }).from(courses).where(eq(courses.status, "published")).limit(1);
  const [chapter] = await db().select({ id: chapters.id }).from(chapters).where(eq(chapters.courseId, course!.id)).limit(1);
  const insert = async () => Number((await db().insert(lessons).values({ courseId: course!.id, chapterId: chapter!.id, title: "字幕测试", kind: "video", position: 997 }))[0].insertId);
  lessonId = await insert();
  bareLesson = await insert();
  // A ready local video (its renditions are not needed for captions).
  dir = `a9-${randomBytes(8).toString("hex")}`;
  assetId = Number((await db().insert(videoAssets).values({ lessonId, status: "ready", provider: "local", dir, renditions: [360], durationSeconds: 2, width: 640, height: 360 }))[0].insertId);
  await db().update(lessons).set({ videoAssetId: assetId }).where(eq(lessons.id, lessonId));
});

afterAll(async () => {
  await db().delete(lessons).where(eq(lessons.id, lessonId));
  await db().delete(lessons).where(eq(lessons.id, bareLesson));
  await closeDb();
});

describe("caption tracks", () => {
  it("are uploaded per language by a course admin, audited, and played as signed tracks", async () => {
    await signInAs(admin);
    expect(await uploadLessonCaption(form({ lessonId, lang: "zh-CN", file: `\uFEFF${VTT}` }))).toEqual({ ok: true, captions: ["zh-CN"] });
    expect(await uploadLessonCaption(form({ lessonId, lang: "en", file: "WEBVTT\n\n00:00.000 --> 00:02.000\nWelcome\n" }))).toEqual({ ok: true, captions: ["zh-CN", "en"] });
    // The same language again replaces its track.
    expect(await uploadLessonCaption(form({ lessonId, lang: "zh-CN", file: VTT }))).toEqual({ ok: true, captions: ["zh-CN", "en"] });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.actorId, admin), eq(auditLog.targetId, String(lessonId)))).orderBy(desc(auditLog.id)).limit(1);
    expect(audit?.summary).toMatch(/^Uploaded zh-CN captions for lesson/);

    const playback = (await previewOf(assetId))!;
    expect(playback.captions.map((c) => [c.lang, c.label])).toEqual([["zh-CN", "简体中文"], ["en", "English"]]);
    const track = await mediaGet(playback.captions[0]!.src);
    expect(track.status).toBe(200);
    expect(track.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
    expect(await track.text()).toBe(VTT);
    const tampered = playback.captions[0]!.src.replace(/\/(\d{10})-/, (_m, t: string) => `/${Number(t) + 1}-`);
    expect((await mediaGet(tampered)).status).toBe(403);
  });

  it("refuse what is not WebVTT in UTF-8, a language not offered, and a lesson without a video", async () => {
    await signInAs(admin);
    expect(await uploadLessonCaption(form({ lessonId, lang: "ja", file: "1\n00:00:00,000 --> 00:00:02,000\nhi\n" }))).toEqual({ ok: false, error: "not_webvtt" });
    expect(await uploadLessonCaption(form({ lessonId, lang: "ja", file: new Uint8Array([...new TextEncoder().encode("WEBVTT\n\n"), 0xd1, 0xa7, 0xb8, 0xae]) }))).toEqual({ ok: false, error: "not_utf8" });
    expect(await uploadLessonCaption(form({ lessonId, lang: "ja", file: "" }))).toEqual({ ok: false, error: "empty" });
    expect(await uploadLessonCaption(form({ lessonId, lang: "xx", file: VTT }))).toEqual({ ok: false, error: "invalid_input" });
    expect(await uploadLessonCaption(form({ lessonId: bareLesson, lang: "ja", file: VTT }))).toEqual({ ok: false, error: "no_video" });
    expect(await uploadLessonCaption("not a form")).toEqual({ ok: false, error: "invalid_input" });
    expect((await findAsset(assetId))!.captions).toEqual(["zh-CN", "en"]);
  });

  it("may not be changed by a learner", async () => {
    await signInAs(learner);
    await expect(uploadLessonCaption(form({ lessonId, lang: "ja", file: VTT }))).rejects.toMatchObject(FORBIDDEN);
    await expect(removeLessonCaption(lessonId, "en")).rejects.toMatchObject(FORBIDDEN);
  });

  it("are removed with their file", async () => {
    await signInAs(admin);
    const before = (await previewOf(assetId))!.captions.find((c) => c.lang === "en")!;
    expect(await removeLessonCaption(lessonId, "en")).toEqual({ ok: true, captions: ["zh-CN"] });
    expect((await mediaGet(before.src)).status).toBe(404);
    expect((await previewOf(assetId))!.captions.map((c) => c.lang)).toEqual(["zh-CN"]);
  });

  it("of a video Aliyun VOD hosts live in a folder of their own", async () => {
    await signInAs(admin);
    const vodAsset = Number((await db().insert(videoAssets).values({ lessonId: bareLesson, status: "ready", provider: "aliyun", externalId: randomBytes(16).toString("hex"), renditions: [360] }))[0].insertId);
    await db().update(lessons).set({ videoAssetId: vodAsset }).where(eq(lessons.id, bareLesson));
    expect(await uploadLessonCaption(form({ lessonId: bareLesson, lang: "en", file: VTT }))).toEqual({ ok: true, captions: ["en"] });
    const asset = (await findAsset(vodAsset))!;
    expect(asset.dir).toMatch(new RegExp(`^c${vodAsset}-[0-9a-f]{16}$`));
    expect(asset.externalId).not.toBeNull();
  });
});
