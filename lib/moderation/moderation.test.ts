// Moderation against the test MariaDB and Redis, through the moderators' real server actions: the admins'
// word list reaching screenText (cached in Redis, invalidated on change), held posts approved into the
// course's rating, every decision audited, mutes, reports, per-learner rate limits, the honeypot, and a
// learner refused at the guard.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, contentReports, reviews } from "@/db/schema";
import { courseRating, enrolledLearner, makeCourse } from "@/test/community";
import { signInAs, signOutOfRequest } from "@/test/request-context";
import { createTestUser } from "@/test/users";
import { saveReviewAction } from "@/lib/reviews/actions";
import { createReview } from "@/lib/reviews/writes";
import { askQuestion } from "@/lib/qa/writes";
import { decideAction, muteAction, wordAction } from "./admin-actions";
import { admitPost, POST_RATE_RULES } from "./gate";
import { moderationQueue } from "./queue";
import { fileReport } from "./reports";
import { screenText } from "./screen";

vi.mock("next/headers", () => import("@/test/request-context"));
vi.mock("next/cache", () => import("@/test/request-context"));

const FORBIDDEN = { digest: "NEXT_HTTP_ERROR_FALLBACK;403" };
const initial = { ok: false, message: null };
const form = (fields: Record<string, string | number>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, String(v));
  return f;
};

beforeEach(() => signOutOfRequest());

async function auditFor(targetType: string, targetId: number | string) {
  return db().select({ action: auditLog.action, after: auditLog.after }).from(auditLog).where(and(eq(auditLog.targetType, targetType), eq(auditLog.targetId, String(targetId))));
}

describe("the admins' word list", () => {
  it("holds text with a word a moderator added, on every instance's next read, and frees it when removed", async () => {
    const moderator = await createTestUser(["content_moderator"]);
    const word = `刷课${randomUUID().slice(0, 6)}`;
    expect((await screenText(`快来${word}啦`)).held).toBe(false);
    await signInAs(moderator);
    expect(await wordAction(initial, form({ op: "add", word: ` ${word.toUpperCase()} ` }))).toEqual({ ok: true, message: "wordAdded" });
    expect(await wordAction(initial, form({ op: "add", word }))).toEqual({ ok: false, message: "wordExists" });
    // The cache's in-process layer keeps a read for up to a second; the Redis entry was invalidated at once.
    await new Promise((r) => setTimeout(r, 1_100));
    const screened = await screenText(`快来 ${word.split("").join(" ")} 啦`);
    expect(screened.held).toBe(true);
    expect(screened.masked).not.toContain(word.slice(0, 2));
    expect(await auditFor("moderation_word", word.toLowerCase())).toHaveLength(1);

    const [row] = await db().execute(`SELECT id FROM moderation_words WHERE word = '${word.toLowerCase()}'`) as unknown as [Array<{ id: number }>];
    expect(await wordAction(initial, form({ op: "remove", id: row[0]!.id }))).toEqual({ ok: true, message: "wordRemoved" });
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await screenText(`快来${word}啦`)).held).toBe(false);
  });

  it("refuses learners at the guard", async () => {
    const learner = await createTestUser();
    await signInAs(learner);
    await expect(wordAction(initial, form({ op: "add", word: "随便" }))).rejects.toMatchObject(FORBIDDEN);
    await expect(decideAction(initial, form({ type: "review", id: 1, decision: "publish" }))).rejects.toMatchObject(FORBIDDEN);
  });
});

describe("the queue", () => {
  it("shows held and reported posts; approving a held review publishes it into the rating, audited", async () => {
    const moderator = await createTestUser(["content_moderator"]);
    const course = await makeCourse();
    const author = await enrolledLearner(course.courseId);
    const held = await createReview(author, course.courseId, { rating: 5, body: "加微信领取答案" });
    if (!held.ok) throw new Error("review failed");
    expect(held.value.status).toBe("held");
    const fine = await enrolledLearner(course.courseId);
    const published = await createReview(fine, course.courseId, { rating: 2, body: "一般" });
    if (!published.ok) throw new Error("review failed");
    await fileReport(author, "review", published.value.id, "不公正");
    const question = await askQuestion(fine, course.lessonId, "有人一起网赌吗");
    expect(question.ok && question.value.status).toBe("held");

    const queue = await moderationQueue();
    expect(queue.held.map((i) => `${i.type}:${i.id}`)).toEqual(expect.arrayContaining([`review:${held.value.id}`, `post:${question.ok ? question.value.id : 0}`]));
    expect(queue.reported.find((i) => i.type === "review" && i.id === published.value.id)?.reports).toBe(1);

    await signInAs(moderator);
    expect(await decideAction(initial, form({ type: "review", id: held.value.id, decision: "publish" }))).toEqual({ ok: true, message: "approved" });
    expect(await courseRating(course.courseId)).toEqual({ sum: 7, count: 2 });
    expect((await auditFor("review", held.value.id))[0]).toMatchObject({ action: "ACTION moderation.decide", after: { status: "published" } });

    expect(await decideAction(initial, form({ type: "review", id: published.value.id, decision: "hide" }))).toEqual({ ok: true, message: "hidden" });
    expect(await courseRating(course.courseId)).toEqual({ sum: 5, count: 1 });
    const [report] = await db().select({ resolvedAt: contentReports.resolvedAt }).from(contentReports).where(and(eq(contentReports.targetType, "review"), eq(contentReports.targetId, published.value.id)));
    expect(report?.resolvedAt).not.toBeNull();

    expect(await decideAction(initial, form({ type: "post", id: question.ok ? question.value.id : 0, decision: "delete" }))).toEqual({ ok: true, message: "deleted" });
    expect(await decideAction(initial, form({ type: "review", id: 999_999_999, decision: "delete" }))).toEqual({ ok: false, message: "not_found" });
  });

  it("mutes an author: their next review is refused until the mute ends", async () => {
    const moderator = await createTestUser(["content_moderator"]);
    const course = await makeCourse();
    const author = await enrolledLearner(course.courseId);
    await signInAs(moderator);
    expect(await muteAction(initial, form({ userId: author, days: 3 }))).toEqual({ ok: true, message: "muted" });
    const refused = await createReview(author, course.courseId, { rating: 4, body: "我又来了" });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && "until" in refused && refused.until.getTime()).toBeGreaterThan(Date.now() + 2 * 86_400_000);
    expect(await auditFor("user", author)).toHaveLength(1);
  });
});

describe("abuse checks", () => {
  it("limits each learner's posts per minute", async () => {
    const learner = await createTestUser();
    const limit = POST_RATE_RULES[0]!.limit;
    for (let i = 0; i < limit; i++) expect(await admitPost(learner)).toBeNull();
    expect(await admitPost(learner)).toMatchObject({ error: "rate_limited" });
  });

  it("drops a form whose honeypot was filled, answering as if it worked", async () => {
    const course = await makeCourse();
    const learner = await enrolledLearner(course.courseId);
    await signInAs(learner);
    const state = await saveReviewAction({ ok: false, message: null }, form({ courseId: course.courseId, rating: 5, body: "好课", website: "http://spam.example" }));
    expect(state.ok).toBe(true);
    expect(await db().select().from(reviews).where(eq(reviews.courseId, course.courseId))).toEqual([]);
    const real = await saveReviewAction({ ok: false, message: null }, form({ courseId: course.courseId, rating: 5, body: "好课", website: "" }));
    expect(real).toEqual({ ok: true, message: "created" });
  });
});
