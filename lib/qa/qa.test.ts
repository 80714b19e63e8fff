// Lesson Q&A against the test MariaDB and Redis: who may post, threads and their depth, the teacher's marked
// answers, accepting, @mentions reaching the notification centre, the edit window, 404 under a deleted
// question, and keyset paging over 10,000 questions on one lesson (plan and page correctness).
import { and, desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { lessonPosts, notifications, users } from "@/db/schema";
import { enrolledLearner, makeCourse, makeUser } from "@/test/community";
import { signInAs, signOutOfRequest } from "@/test/request-context";
import { mentionedNames } from "./mentions";
import { explainQuestionPage, listQuestions } from "./queries";
import { QA_MAX_CHARS } from "./schemas";
import { acceptAnswer, answerQuestion, askQuestion, deleteOwnPost, editPost } from "./writes";
import { POST as askRoute } from "@/app/api/v1/lessons/[lessonId]/questions/route";
import { POST as answerRoute } from "@/app/api/v1/questions/[id]/answers/route";

vi.mock("next/headers", () => import("@/test/request-context"));
vi.mock("next/cache", () => import("@/test/request-context"));

const json = (body: unknown) => new Request("http://localhost/api", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

beforeEach(() => signOutOfRequest());

async function kindsOf(userId: number): Promise<string[]> {
  const rows = await db().select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.id));
  return rows.map((r) => r.kind);
}

describe("mentions", () => {
  it("reads names after @, once each, without trailing punctuation", () => {
    expect(mentionedNames("@陈小北 你好，@Ada.Lovelace. 还有 @陈小北")).toEqual(["陈小北", "Ada.Lovelace"]);
    expect(mentionedNames("no one here: a@b")).toEqual(["b"]);
  });
});

describe("asking and answering", () => {
  it("lets enrolled learners and the teacher take part, marks the teacher, and answers 403/404/422 through the API", async () => {
    const course = await makeCourse();
    const asker = await enrolledLearner(course.courseId, "提问者");
    const outsider = await makeUser();
    await signInAs(outsider);
    expect((await askRoute(json({ body: "可以问吗" }), { params: Promise.resolve({ lessonId: String(course.lessonId) }) })).status).toBe(403);
    await signInAs(asker);
    expect((await askRoute(json({ body: "" }), { params: Promise.resolve({ lessonId: String(course.lessonId) }) })).status).toBe(422);
    const long = await askRoute(json({ body: "问".repeat(10_000) }), { params: Promise.resolve({ lessonId: String(course.lessonId) }) });
    expect(long.status).toBe(422);
    expect(JSON.stringify(await long.json())).toContain(String(QA_MAX_CHARS));
    const asked = await askRoute(json({ body: "第二步为什么要先排序？<b>粗体</b>" }), { params: Promise.resolve({ lessonId: String(course.lessonId) }) });
    expect(asked.status).toBe(201);
    const questionId = ((await asked.json()) as { data: { id: number } }).data.id;

    const teacherAnswer = await answerQuestion(course.teacherUserId, questionId, "因为二分查找需要有序数组。");
    expect(teacherAnswer.ok).toBe(true);
    const page = await listQuestions(course.lessonId, { viewerId: asker });
    expect(page.items[0]).toMatchObject({ id: questionId, body: "第二步为什么要先排序？<b>粗体</b>", answerCount: 1 });
    expect(page.items[0]!.answers[0]).toMatchObject({ byStaff: true, depth: 1 });
    expect(await kindsOf(asker)).toContain("qa.answered");

    // Replies nest two levels, no deeper.
    const a1 = teacherAnswer.ok ? teacherAnswer.value.id : 0;
    const r1 = await answerQuestion(asker, questionId, "明白了，谢谢", a1);
    expect(r1.ok).toBe(true);
    const r2 = await answerQuestion(course.teacherUserId, questionId, "不客气", r1.ok ? r1.value.id : 0);
    expect(r2).toEqual({ ok: false, error: "too_deep" });

    // Deleted thread: answering it is 404.
    expect((await deleteOwnPost(asker, questionId)).ok).toBe(true);
    await signInAs(asker);
    expect((await answerRoute(json({ body: "还有人吗" }), { params: Promise.resolve({ id: String(questionId) }) })).status).toBe(404);
  });

  it("accepts an answer by the asker (not by another learner) and notifies whoever is @mentioned in the thread", async () => {
    const course = await makeCourse();
    const asker = await enrolledLearner(course.courseId, `问者${Date.now() % 100000}`);
    const helper = await enrolledLearner(course.courseId, `答者${Date.now() % 100000}`);
    const bystander = await enrolledLearner(course.courseId, "旁观者");
    const q = await askQuestion(asker, course.lessonId, "递归的终止条件怎么写？");
    if (!q.ok) throw new Error("ask failed");
    expect(await kindsOf(asker)).toEqual([]);
    const a = await answerQuestion(helper, q.value.id, "先写 base case");
    if (!a.ok) throw new Error("answer failed");
    expect(await acceptAnswer(bystander, q.value.id, a.value.id)).toEqual({ ok: false, error: "forbidden" });
    expect((await acceptAnswer(asker, q.value.id, a.value.id)).ok).toBe(true);
    expect((await listQuestions(course.lessonId, { viewerId: null })).items[0]!.acceptedAnswerId).toBe(a.value.id);

    const [{ name }] = (await db().select({ name: users.name }).from(users).where(eq(users.id, helper))) as [{ name: string }];
    await answerQuestion(asker, q.value.id, `谢谢 @${name} ！`);
    expect(await kindsOf(helper)).toContain("qa.mentioned");
    expect(await kindsOf(bystander)).not.toContain("qa.mentioned");
  });

  it("lets authors edit only within the window, and holds a post with a listed word", async () => {
    const course = await makeCourse();
    const asker = await enrolledLearner(course.courseId);
    const q = await askQuestion(asker, course.lessonId, "老师好");
    if (!q.ok) throw new Error("ask failed");
    expect((await editPost(asker, q.value.id, "老师好，请问……")).ok).toBe(true);
    expect(await editPost(asker, q.value.id, "太晚了", new Date(Date.now() + 16 * 60_000))).toEqual({ ok: false, error: "edit_window" });
    const other = await enrolledLearner(course.courseId);
    expect(await editPost(other, q.value.id, "不是我的")).toEqual({ ok: false, error: "forbidden" });

    const held = await askQuestion(asker, course.lessonId, "网赌包赢，私聊领取");
    expect(held.ok && held.value.status).toBe("held");
    expect((await listQuestions(course.lessonId, { viewerId: null })).items.map((i) => i.id)).toEqual([q.value.id]);
    expect((await listQuestions(course.lessonId, { viewerId: asker })).items.map((i) => i.id)).toEqual([held.ok ? held.value.id : 0, q.value.id]);
  });
});

describe("paging 10,000 questions on one lesson", () => {
  it("walks every page by keyset without gaps or repeats, on the keyset index", async () => {
    const course = await makeCourse();
    const author = await enrolledLearner(course.courseId);
    const total = 10_000;
    for (let i = 0; i < total; i += 1_000) {
      await db()
        .insert(lessonPosts)
        .values(Array.from({ length: 1_000 }, (_, j) => ({ courseId: course.courseId, lessonId: course.lessonId, userId: author, kind: "question" as const, body: `问题 ${i + j}` })));
    }
    // Another lesson's posts and answers must not leak into the pages.
    await db().insert(lessonPosts).values({ courseId: course.courseId, lessonId: course.otherLessonId, userId: author, kind: "question", body: "别处" });
    const ids = (await db().select({ id: lessonPosts.id }).from(lessonPosts).where(and(eq(lessonPosts.lessonId, course.lessonId), eq(lessonPosts.kind, "question"))).orderBy(desc(lessonPosts.id))).map((r) => r.id);
    expect(ids).toHaveLength(total);

    const seen: number[] = [];
    let before: number | undefined;
    let pages = 0;
    for (;;) {
      const page = await listQuestions(course.lessonId, { before, viewerId: null, limit: 500 });
      seen.push(...page.items.map((q) => q.id));
      pages++;
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    expect(pages).toBe(20);
    expect(seen).toEqual(ids);

    // Deep in the list: MariaDB reads the keyset index (a range), not the table.
    const deep = ids[9_000]!;
    const plan = await explainQuestionPage(course.lessonId, deep);
    expect(plan[0]!.key).toBe("lesson_posts_lesson_page_idx");
    expect(["range", "ref"]).toContain(plan[0]!.type);
    const started = performance.now();
    const last = await listQuestions(course.lessonId, { before: deep, viewerId: null });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(last.items.map((q) => q.id)).toEqual(ids.slice(9_001, 9_011));
  });
});
