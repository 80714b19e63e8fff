// Reviews against the test MariaDB and Redis, through the API's route handlers as real signed-in learners:
// the bad inputs the API must refuse (and with which status), the course's rating kept in the same
// transaction, the damped average, helpful votes and the teacher's reply.
import { eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { reviews } from "@/db/schema";
import { courseRating, enrolledLearner, makeCourse, makeUser } from "@/test/community";
import { signInAs, signOutOfRequest } from "@/test/request-context";
import { PlainText } from "@/components/community/plain-text";
import { dampedAverage, displayRating, distribution } from "./rating";
import { REVIEW_MAX_CHARS } from "./schemas";
import { listReviews, ratingSummary } from "./queries";
import { createReview, setReviewStatus } from "./writes";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/courses/[idOrSlug]/reviews/route";
import { DELETE as deleteRoute, PATCH as patchRoute } from "@/app/api/v1/reviews/[id]/route";
import { PUT as helpfulRoute } from "@/app/api/v1/reviews/[id]/helpful/route";
import { PUT as replyRoute } from "@/app/api/v1/reviews/[id]/reply/route";

vi.mock("next/headers", () => import("@/test/request-context"));
vi.mock("next/cache", () => import("@/test/request-context"));

const json = (body: unknown, method = "POST") => new Request("http://localhost/api", { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const courseCtx = (slug: string) => ({ params: Promise.resolve({ idOrSlug: slug }) });
const idCtx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

async function post(slug: string, userId: number, body: unknown) {
  await signInAs(userId);
  const res = await createRoute(json(body), courseCtx(slug));
  return { status: res.status, body: (await res.json()) as { data?: { id: number; status: string; body: string }; error?: { code: string; message: string; details?: Record<string, unknown> } } };
}

beforeEach(() => signOutOfRequest());

describe("the rating math", () => {
  it("damps a few reviews towards the prior so one 5-star review does not top a long record", () => {
    expect(dampedAverage(5, 1)).toBeCloseTo((10 * 4 + 5) / 11, 10);
    expect(displayRating(5, 1)).toBe(4.1);
    // 40 reviews averaging 4.6 beat one perfect review.
    expect(dampedAverage(184, 40)).toBeGreaterThan(dampedAverage(5, 1));
    expect(displayRating(0, 0)).toBeNull();
    expect(dampedAverage(0, 0)).toBe(4);
  });

  it("draws the distribution bars from 5 stars down, as whole percentages", () => {
    expect(distribution(new Map([[5, 3], [4, 1]]))).toEqual([
      { stars: 5, count: 3, percent: 75 },
      { stars: 4, count: 1, percent: 25 },
      { stars: 3, count: 0, percent: 0 },
      { stars: 2, count: 0, percent: 0 },
      { stars: 1, count: 0, percent: 0 },
    ]);
    expect(distribution(new Map()).every((b) => b.percent === 0)).toBe(true);
  });
});

describe("writing a review", () => {
  it("refuses a course the learner does not hold (403), a second review (409), and bad stars or text (422 with the limit)", async () => {
    const course = await makeCourse();
    const outsider = await makeUser();
    expect((await post(course.slug, outsider, { rating: 5, body: "很好" })).status).toBe(403);

    const learner = await enrolledLearner(course.courseId);
    for (const rating of [0, 6, 4.5, "五"]) {
      const r = await post(course.slug, learner, { rating, body: "很好" });
      expect(r.status, String(rating)).toBe(422);
      expect(r.body.error?.details?.rating, String(rating)).toBeDefined();
    }
    for (const body of ["", "   \n  "]) {
      const r = await post(course.slug, learner, { rating: 4, body });
      expect(r.status).toBe(422);
      expect(r.body.error?.details?.body).toBeDefined();
    }
    const long = await post(course.slug, learner, { rating: 4, body: "长".repeat(10_000) });
    expect(long.status).toBe(422);
    expect(JSON.stringify(long.body.error?.details?.body)).toContain(String(REVIEW_MAX_CHARS));

    const first = await post(course.slug, learner, { rating: 4, body: "讲得清楚" });
    expect(first.status).toBe(201);
    expect((await post(course.slug, learner, { rating: 5, body: "再来一次" })).status).toBe(409);
    expect(await courseRating(course.courseId)).toEqual({ sum: 4, count: 1 });
  });

  it("keeps HTML and scripts as typed text and renders them escaped", async () => {
    const course = await makeCourse();
    const learner = await enrolledLearner(course.courseId);
    const text = `<script>alert("x")</script><img src=x onerror=alert(1)> 好课`;
    const r = await post(course.slug, learner, { rating: 5, body: text });
    expect(r.status).toBe(201);
    expect(r.body.data?.body).toBe(text);
    const html = renderToStaticMarkup(createElement(PlainText, { text }));
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });

  it("moves the course's rating with create, edit and delete, and lists it for everyone", async () => {
    const course = await makeCourse({ ratingSum: 0, ratingCount: 0 });
    const a = await enrolledLearner(course.courseId, "甲");
    const b = await enrolledLearner(course.courseId, "乙");
    const ra = await post(course.slug, a, { rating: 5, body: "五星" });
    await post(course.slug, b, { rating: 3, body: "三星" });
    expect(await courseRating(course.courseId)).toEqual({ sum: 8, count: 2 });

    await signInAs(a);
    expect((await patchRoute(json({ rating: 2, body: "改成两星" }, "PATCH"), idCtx(ra.body.data!.id))).status).toBe(200);
    expect(await courseRating(course.courseId)).toEqual({ sum: 5, count: 2 });
    // Someone else's review: 403.
    await signInAs(b);
    expect((await patchRoute(json({ rating: 1, body: "不是我的" }, "PATCH"), idCtx(ra.body.data!.id))).status).toBe(403);
    expect((await deleteRoute(new Request("http://localhost/api", { method: "DELETE" }), idCtx(ra.body.data!.id))).status).toBe(403);

    const summary = await ratingSummary(course.courseId);
    expect(summary).toMatchObject({ count: 2, sum: 5, rating: displayRating(5, 2), average: 2.5 });
    expect(summary.bars.find((x) => x.stars === 3)?.count).toBe(1);

    signOutOfRequest();
    const listed = (await (await listRoute(new Request(`http://localhost/api?sort=newest`), courseCtx(course.slug))).json()) as { data: Array<{ body: string }>; summary: { count: number } };
    expect(listed.summary.count).toBe(2);
    expect(listed.data.map((r) => r.body)).toEqual(["三星", "改成两星"]);

    await signInAs(a);
    expect((await deleteRoute(new Request("http://localhost/api", { method: "DELETE" }), idCtx(ra.body.data!.id))).status).toBe(204);
    expect(await courseRating(course.courseId)).toEqual({ sum: 3, count: 1 });
    // Deleted: gone for edits too.
    expect((await patchRoute(json({ rating: 1, body: "x" }, "PATCH"), idCtx(ra.body.data!.id))).status).toBe(404);
  });

  it("keeps count and sum exact under 30 reviews at once", async () => {
    const course = await makeCourse();
    const learners = await Promise.all(Array.from({ length: 30 }, (_, i) => enrolledLearner(course.courseId, `并发${i}`)));
    const results = await Promise.all(learners.map((userId, i) => createReview(userId, course.courseId, { rating: (i % 5) + 1, body: `第 ${i} 条` })));
    expect(results.every((r) => r.ok)).toBe(true);
    const expected = learners.reduce((sum, _, i) => sum + (i % 5) + 1, 0);
    expect(await courseRating(course.courseId)).toEqual({ sum: expected, count: 30 });
    const bars = (await ratingSummary(course.courseId)).bars;
    expect(bars.every((b) => b.count === 6)).toBe(true);
  });

  it("holds a review with a listed word out of the rating until a moderator publishes it", async () => {
    const course = await makeCourse();
    const learner = await enrolledLearner(course.courseId);
    const r = await post(course.slug, learner, { rating: 5, body: "想要资料的加 微 信 领取" });
    expect(r.status).toBe(201);
    expect(r.body.data?.status).toBe("held");
    expect(await courseRating(course.courseId)).toEqual({ sum: 0, count: 0 });
    expect((await listReviews(course.courseId, { sort: "newest", page: 1, viewerId: null })).total).toBe(0);
    await db().transaction((tx) => setReviewStatus(tx, r.body.data!.id, "published"));
    expect(await courseRating(course.courseId)).toEqual({ sum: 5, count: 1 });
    await db().transaction((tx) => setReviewStatus(tx, r.body.data!.id, "hidden"));
    expect(await courseRating(course.courseId)).toEqual({ sum: 0, count: 0 });
  });
});

describe("helpful votes and the teacher's reply", () => {
  it("counts one vote per learner, refuses one's own review, and sorts by helpful", async () => {
    const course = await makeCourse();
    const author = await enrolledLearner(course.courseId, "作者");
    const other = await enrolledLearner(course.courseId, "读者");
    const older = await post(course.slug, author, { rating: 4, body: "较早的评价" });
    const newer = await post(course.slug, other, { rating: 5, body: "较新的评价" });
    const vote = async (userId: number, id: number) => {
      await signInAs(userId);
      const res = await helpfulRoute(new Request("http://localhost/api", { method: "PUT", headers: { "content-type": "application/json" } }), idCtx(id));
      return { status: res.status, body: (await res.json()) as { helpful_count?: number; error?: { code: string } } };
    };
    const own = await vote(author, older.body.data!.id);
    expect(own).toMatchObject({ status: 403, body: { error: { code: "OWN_REVIEW" } } });
    expect((await vote(other, older.body.data!.id)).body.helpful_count).toBe(1);
    expect((await vote(other, older.body.data!.id)).body.helpful_count).toBe(1);
    const helpful = await listReviews(course.courseId, { sort: "helpful", page: 1, viewerId: other });
    expect(helpful.items.map((r) => r.id)).toEqual([older.body.data!.id, newer.body.data!.id]);
    expect(helpful.items[0]!.votedByViewer).toBe(true);
    const newest = await listReviews(course.courseId, { sort: "newest", page: 1, viewerId: null });
    expect(newest.items[0]!.id).toBe(newer.body.data!.id);
  });

  it("lets only the course's teacher reply, and answers 404 for a deleted review", async () => {
    const course = await makeCourse();
    const learner = await enrolledLearner(course.courseId);
    const r = await post(course.slug, learner, { rating: 3, body: "节奏有点快" });
    const reply = async (userId: number, id: number, body: unknown) => {
      await signInAs(userId);
      return replyRoute(json(body, "PUT"), idCtx(id));
    };
    expect((await reply(learner, r.body.data!.id, { body: "我来回复" })).status).toBe(403);
    expect((await reply(course.teacherUserId, r.body.data!.id, { body: "" })).status).toBe(422);
    const ok = await reply(course.teacherUserId, r.body.data!.id, { body: "谢谢，第二版会放慢" });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { data: { reply: { body: string } } }).data.reply.body).toBe("谢谢，第二版会放慢");

    await db().transaction((tx) => setReviewStatus(tx, r.body.data!.id, "deleted"));
    expect((await reply(course.teacherUserId, r.body.data!.id, { body: "还在吗" })).status).toBe(404);
    const [row] = await db().select({ status: reviews.status }).from(reviews).where(eq(reviews.id, r.body.data!.id));
    expect(row?.status).toBe("deleted");
  });
});
