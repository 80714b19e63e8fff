// Course authoring through the real route handlers and server actions, as a signed-in course admin (and a
// learner), against the test MariaDB and Redis: status codes, field errors, audit rows, sanitising, search
// and the image upload checks.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { and, desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const uploadRoot = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/xuefu-uploads-${process.pid}-${Date.now()}`;
  process.env.UPLOAD_DIR = dir;
  return dir;
});

vi.mock("next/headers", () => import("@/test/request-context"));
vi.mock("next/cache", () => import("@/test/request-context"));

import * as itemRoute from "@/app/api/v1/admin/courses/[id]/route";
import * as listRoute from "@/app/api/v1/admin/courses/route";
import * as uploadRoute from "@/app/api/v1/admin/uploads/route";
import { GET as publicCourse } from "@/app/api/v1/courses/[idOrSlug]/route";
import { closeDb, db } from "@/db";
import { auditLog, categories, chapters, courses, lessons, teachers } from "@/db/schema";
import { searchCourses } from "@/lib/search";
import { signInAs } from "@/test/request-context";
import { createTestUser } from "@/test/users";
import * as actions from "./admin-course-actions";
import type { CourseActionResult } from "./admin-course-schema";

const run = randomUUID().slice(0, 8);
const base = "http://localhost/api/v1/admin/courses";
const created: number[] = [];
let admin: number;
let learner: number;
let categoryId: number;
let teacherId: number;

const json = (method: string, url: string, body: unknown) =>
  new Request(url, { method, headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
const ctx = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });

function course(overrides: Record<string, unknown> = {}) {
  return {
    slug: `authoring-${run}-${created.length}-${randomUUID().slice(0, 4)}`,
    title: `造物${run}工坊`,
    subtitle: "A subtitle",
    description: "<h2>About</h2><p>Learn things.</p>",
    priceFen: 19_900,
    memberPriceFen: 9_900,
    level: "beginner",
    language: "zh-CN",
    status: "draft",
    categoryId,
    teacherId,
    tags: ["测试", "authoring"],
    ...overrides,
  };
}

async function create(overrides: Record<string, unknown> = {}) {
  const response = await listRoute.POST(json("POST", base, course(overrides)), {});
  const body = (await response.json()) as { data: { id: number; slug: string; description: string; status: string; publishedAt: string | null } };
  if (response.status === 201) created.push(body.data.id);
  return { response, body };
}

function courseOf(result: CourseActionResult) {
  if (!result.ok || !result.course) throw new Error(`expected a course, got ${JSON.stringify(result)}`);
  return result.course;
}

const auditRows = (id: number) => db().select().from(auditLog).where(and(eq(auditLog.targetType, "course"), eq(auditLog.targetId, String(id)))).orderBy(desc(auditLog.id));

beforeAll(async () => {
  admin = await createTestUser(["course_admin"], "课程编辑");
  learner = await createTestUser([]);
  const [category] = await db().select({ id: categories.id }).from(categories).limit(1);
  const [teacher] = await db().select({ id: teachers.id }).from(teachers).limit(1);
  categoryId = category!.id;
  teacherId = teacher!.id;
});

afterAll(async () => {
  if (created.length) await db().delete(courses).where(inArray(courses.id, created));
  fs.rmSync(uploadRoot, { recursive: true, force: true });
  await closeDb();
});

describe("POST /api/v1/admin/courses", () => {
  it("creates a draft: 201, Location, the stored course, an audit row with the after state", async () => {
    await signInAs(admin);
    const { response, body } = await create();
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe(`/api/v1/admin/courses/${body.data.id}`);
    expect(body.data).toMatchObject({ status: "draft", publishedAt: null, priceFen: 19_900, memberPriceFen: 9_900, tags: ["测试", "authoring"] });
    const [row] = await auditRows(body.data.id);
    expect(row).toMatchObject({ action: "POST /api/v1/admin/courses", actorId: admin, before: null });
    expect(row!.after).toMatchObject({ slug: body.data.slug, priceFen: 19_900 });
  });

  it("sanitises the description on save", async () => {
    await signInAs(admin);
    const { response, body } = await create({
      description: `<p>ok</p><img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)" onclick="x">l</a>`,
    });
    expect(response.status).toBe(201);
    const [row] = await db().select({ description: courses.description }).from(courses).where(eq(courses.id, body.data.id));
    expect(row!.description).toBe(`<p>ok</p><a rel="noopener noreferrer nofollow">l</a>`);
  });

  it("answers 422 with field errors, 400 for a body that is not JSON, and writes nothing", async () => {
    await signInAs(admin);
    const before = (await db().select({ id: courses.id }).from(courses)).length;
    const bad = await create({ slug: "Not A Slug", priceFen: 100, memberPriceFen: 200, tags: Array.from({ length: 11 }, (_, i) => `t${i}`), level: "expert", title: "" });
    expect(bad.response.status).toBe(422);
    const details = (bad.body as unknown as { error: { code: string; details: Record<string, string[]> } }).error;
    expect(details.code).toBe("VALIDATION_FAILED");
    expect(details.details).toMatchObject({ slug: ["slug_format"], title: ["required"], level: ["required"], tags: ["too_many_tags"], memberPriceFen: ["member_above_price"] });

    const first = await create();
    const taken = await create({ slug: first.body.data.slug });
    expect(taken.response.status).toBe(422);
    expect((taken.body as unknown as { error: { details: unknown } }).error.details).toEqual({ slug: ["slug_taken"] });

    const missing = await create({ categoryId: 999_999_999, teacherId: 999_999_999 });
    expect((missing.body as unknown as { error: { details: unknown } }).error.details).toEqual({ categoryId: ["not_found"], teacherId: ["not_found"] });

    expect((await listRoute.POST(json("POST", base, "{not json"), {})).status).toBe(400);
    expect((await db().select({ id: courses.id }).from(courses)).length).toBe(before + 1);
  });

  it("refuses a learner with 403", async () => {
    await signInAs(learner);
    expect((await create()).response.status).toBe(403);
  });
});

describe("/api/v1/admin/courses/{id}", () => {
  it("GET answers any status with the syllabus, 404 for an unknown or malformed id", async () => {
    await signInAs(admin);
    const { body } = await create();
    const response = await itemRoute.GET(new Request(`${base}/${body.data.id}`), ctx(body.data.id));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { id: body.data.id, status: "draft", chapters: [] } });
    expect((await itemRoute.GET(new Request(`${base}/999999999`), ctx(999_999_999))).status).toBe(404);
    expect((await itemRoute.GET(new Request(`${base}/abc`), ctx("abc"))).status).toBe(404);
  });

  it("PUT replaces, PATCH publishes, and search finds the course right after", async () => {
    await signInAs(admin);
    const word = `蜂鸣${run}器`;
    const { body } = await create();
    const id = body.data.id;
    const put = await itemRoute.PUT(json("PUT", `${base}/${id}`, course({ slug: body.data.slug, title: `${word}原理`, description: "<p>x</p><svg onload=alert(1)>" })), ctx(id));
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ data: { title: `${word}原理`, description: "<p>x</p>" } });
    expect((await searchCourses({ q: word, filters: {}, sort: { by: "relevance", order: "desc" }, offset: 0, limit: 10 })).total).toBe(0);

    const patch = await itemRoute.PATCH(json("PATCH", `${base}/${id}`, { status: "published" }), ctx(id));
    expect(patch.status).toBe(200);
    const published = (await patch.json()) as { data: { status: string; publishedAt: string; title: string } };
    expect(published.data).toMatchObject({ status: "published", title: `${word}原理` });
    expect(published.data.publishedAt).not.toBeNull();
    const found = await searchCourses({ q: word, filters: {}, sort: { by: "relevance", order: "desc" }, offset: 0, limit: 10 });
    expect(found.hits.map((h) => h.courseId)).toEqual([id]);
    const publicResponse = await publicCourse(new Request(`http://localhost/api/v1/courses/${body.data.slug}`), { params: Promise.resolve({ idOrSlug: body.data.slug }) });
    expect(publicResponse.status).toBe(200);

    const [audit] = await auditRows(id);
    expect(audit).toMatchObject({ action: "PATCH /api/v1/admin/courses/[id]" });
    expect(audit!.before).toMatchObject({ status: "draft" });
    expect(audit!.after).toMatchObject({ status: "published" });
  });

  it("PATCH refuses no fields, unknown fields and a merged result that breaks a rule", async () => {
    await signInAs(admin);
    const { body } = await create();
    const id = body.data.id;
    const patch = async (payload: unknown) => {
      const response = await itemRoute.PATCH(json("PATCH", `${base}/${id}`, payload), ctx(id));
      return { status: response.status, details: ((await response.json()) as { error?: { details: unknown } }).error?.details };
    };
    expect(await patch({})).toEqual({ status: 422, details: { _: ["no_fields"] } });
    expect(await patch({ enrolmentCount: 1_000_000 })).toEqual({ status: 422, details: { enrolmentCount: ["unknown_field"] } });
    expect(await patch({ memberPriceFen: 30_000 })).toEqual({ status: 422, details: { memberPriceFen: ["member_above_price"] } });
    expect((await itemRoute.PATCH(json("PATCH", `${base}/${id}`, "nope"), ctx(id))).status).toBe(400);
    expect((await itemRoute.PATCH(json("PATCH", `${base}/999999999`, { title: "x" }), ctx(999_999_999))).status).toBe(404);
    expect(await auditRows(id)).toHaveLength(1);
  });

  it("DELETE refuses a published course (409), deletes an archived one (204) with an audit row", async () => {
    await signInAs(admin);
    const { body } = await create({ status: "published" });
    const id = body.data.id;
    expect((await itemRoute.DELETE(new Request(`${base}/${id}`, { method: "DELETE" }), ctx(id))).status).toBe(409);
    expect((await itemRoute.PATCH(json("PATCH", `${base}/${id}`, { status: "archived" }), ctx(id))).status).toBe(200);
    const response = await itemRoute.DELETE(new Request(`${base}/${id}`, { method: "DELETE" }), ctx(id));
    expect(response.status).toBe(204);
    expect((await itemRoute.GET(new Request(`${base}/${id}`), ctx(id))).status).toBe(404);
    expect((await itemRoute.DELETE(new Request(`${base}/${id}`, { method: "DELETE" }), ctx(id))).status).toBe(404);
    const [audit] = await auditRows(id);
    expect(audit).toMatchObject({ action: "DELETE /api/v1/admin/courses/[id]", after: null });
    expect(audit!.before).toMatchObject({ slug: body.data.slug, status: "archived" });
  });
});

describe("the editor's server actions", () => {
  it("create, saveSyllabus (reorder chapters and lessons), publish, archive, delete", async () => {
    await signInAs(admin);
    const id = courseOf(await actions.createCourse(course())).id;
    created.push(id);

    const saved = await actions.saveSyllabus({
      courseId: id,
      chapters: [
        { title: "第一章", lessons: [{ title: "1.1", kind: "video", durationSeconds: 60 }, { title: "1.2", kind: "article" }] },
        { title: "第二章", lessons: [{ title: "2.1", kind: "lab" }] },
      ],
    });
    const first = courseOf(saved).chapters;
    expect(first.map((c) => c.title)).toEqual(["第一章", "第二章"]);

    // Swap the chapters, move lesson 1.2 into the second chapter, drop 2.1's sibling order.
    const [c1, c2] = first as [(typeof first)[number], (typeof first)[number]];
    const reordered = await actions.saveSyllabus({
      courseId: id,
      chapters: [
        { id: c2.id, title: "第二章", lessons: [{ ...c1.lessons[1]! }, { ...c2.lessons[0]! }] },
        { id: c1.id, title: "第一章（改）", lessons: [{ ...c1.lessons[0]! }] },
      ],
    });
    const after = courseOf(reordered).chapters;
    expect(after.map((c) => [c.id, c.title, c.lessons.map((l) => l.title)])).toEqual([
      [c2.id, "第二章", ["1.2", "2.1"]],
      [c1.id, "第一章（改）", ["1.1"]],
    ]);
    const positions = await db().select({ id: chapters.id, position: chapters.position }).from(chapters).where(eq(chapters.courseId, id));
    expect(Object.fromEntries(positions.map((p) => [p.id, p.position]))).toEqual({ [c2.id]: 1, [c1.id]: 2 });
    const lessonRows = await db().select({ title: lessons.title, position: lessons.position, chapterId: lessons.chapterId }).from(lessons).where(eq(lessons.courseId, id));
    expect(lessonRows.find((l) => l.title === "1.2")).toMatchObject({ chapterId: c2.id, position: 1 });

    // Another course's chapter cannot be pulled in.
    const otherId = courseOf(await actions.createCourse(course())).id;
    created.push(otherId);
    const stolen = await actions.saveSyllabus({ courseId: otherId, chapters: [{ id: c1.id, title: "x", lessons: [] }] });
    expect(stolen).toMatchObject({ ok: false, fieldErrors: { "chapters.0.id": ["not_found"] } });

    expect(await actions.publishCourse(id)).toMatchObject({ ok: true, course: { status: "published" } });
    expect(await actions.archiveCourse(id)).toMatchObject({ ok: true, course: { status: "archived" } });
    expect(await actions.previewDescription(`<p>a</p><img src=x onerror=alert(1)>`)).toEqual({ ok: true, html: "<p>a</p>" });
    expect(await actions.deleteCourse(id)).toEqual({ ok: true });
    expect(await db().select().from(courses).where(eq(courses.id, id))).toEqual([]);
  });

  it("answers a validation error for missing or bad input, and writes nothing", async () => {
    await signInAs(admin);
    const count = (await db().select({ id: auditLog.id }).from(auditLog)).length;
    for (const call of [
      () => (actions.createCourse as () => Promise<unknown>)(),
      () => (actions.updateCourse as () => Promise<unknown>)(),
      () => (actions.publishCourse as () => Promise<unknown>)(),
      () => (actions.archiveCourse as () => Promise<unknown>)(),
      () => (actions.deleteCourse as () => Promise<unknown>)(),
      () => (actions.saveSyllabus as () => Promise<unknown>)(),
      () => (actions.previewDescription as () => Promise<unknown>)(),
      () => actions.updateCourse(-1, course()),
    ]) {
      expect(await call()).toMatchObject({ ok: false });
    }
    expect((await db().select({ id: auditLog.id }).from(auditLog)).length).toBe(count);
  });
});

describe("POST /api/v1/admin/uploads", () => {
  const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
  const upload = (bytes: Uint8Array, name: string, type: string) => {
    const form = new FormData();
    form.append("file", new File([new Uint8Array(bytes)], name, { type }));
    return uploadRoute.POST(new Request("http://localhost/api/v1/admin/uploads", { method: "POST", body: form }), {});
  };

  it("stores a PNG under a random key and answers 201 {url}, with an audit row", async () => {
    await signInAs(admin);
    const a = await upload(PNG, "cover.png", "image/png");
    const b = await upload(PNG, "cover.png", "image/png");
    expect(a.status).toBe(201);
    const { url } = (await a.json()) as { url: string };
    const { url: other } = (await b.json()) as { url: string };
    expect(url).toMatch(/^\/uploads\/images\/\d{4}\/\d{2}\/[0-9a-f]{32}\.png$/);
    expect(other).not.toBe(url);
    expect(fs.readFileSync(`${uploadRoot}/${url.slice("/uploads/".length)}`)).toEqual(PNG);
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.targetType, "upload"), eq(auditLog.targetId, url.slice("/uploads/".length))));
    expect(audit).toMatchObject({ action: "POST /api/v1/admin/uploads", actorId: admin });
  });

  it("judges by magic bytes: HTML named .png is refused (415), a JPEG named .txt is stored as .jpg", async () => {
    await signInAs(admin);
    expect((await upload(Buffer.from("<html><script>alert(1)</script></html>"), "evil.png", "image/png")).status).toBe(415);
    expect((await upload(Buffer.from("<svg onload=alert(1)>"), "x.svg", "image/svg+xml")).status).toBe(415);
    const jpeg = await upload(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), "photo.txt", "text/plain");
    expect(jpeg.status).toBe(201);
    expect(((await jpeg.json()) as { url: string }).url).toMatch(/\.jpg$/);
  });

  it("refuses more than 5 MB with 413, a JSON body with 415, a missing file with 422", async () => {
    await signInAs(admin);
    const big = Buffer.alloc(5 * 1024 * 1024 + 1);
    PNG.copy(big);
    expect((await upload(big, "big.png", "image/png")).status).toBe(413);
    expect((await uploadRoute.POST(json("POST", "http://localhost/api/v1/admin/uploads", {}), {})).status).toBe(415);
    const empty = new FormData();
    empty.append("other", "x");
    expect((await uploadRoute.POST(new Request("http://localhost/api/v1/admin/uploads", { method: "POST", body: empty }), {})).status).toBe(422);
  });

  it("refuses a learner with 403", async () => {
    await signInAs(learner);
    expect((await upload(PNG, "cover.png", "image/png")).status).toBe(403);
  });
});
