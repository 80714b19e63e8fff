// Data of a test's own for reviews, Q&A and moderation: a published course with a teacher who has an account,
// one chapter with two lessons, and learners (enrolled or not). Nothing is shared between tests.
import { randomUUID } from "node:crypto";
import { eq, isNotNull } from "drizzle-orm";
import { db } from "@/db";
import { categories, chapters, courses, enrolments, lessons, teachers, users } from "@/db/schema";

export async function makeUser(name = "评价测试"): Promise<number> {
  const [row] = await db()
    .insert(users)
    .values({ name, email: `community-${randomUUID()}@example.com` })
    .$returningId();
  return Number(row!.id);
}

export interface TestCourse {
  courseId: number;
  slug: string;
  teacherUserId: number;
  lessonId: number;
  otherLessonId: number;
}

export async function makeCourse(opts: { ratingSum?: number; ratingCount?: number } = {}): Promise<TestCourse> {
  const teacherUserId = await makeUser("讲师测试");
  const slug = `community-${randomUUID().slice(0, 8)}`;
  const [category] = await db().select({ id: categories.id }).from(categories).where(isNotNull(categories.parentId)).limit(1);
  const [teacher] = await db().insert(teachers).values({ slug, name: "讲师测试", bio: "", userId: teacherUserId }).$returningId();
  const [course] = await db()
    .insert(courses)
    .values({
      slug,
      title: `评价测试 ${slug}`,
      description: "<p>测试</p>",
      priceFen: 9_900,
      level: "beginner",
      language: "zh-CN",
      status: "published",
      categoryId: category!.id,
      teacherId: teacher!.id,
      tags: [],
      ratingSum: opts.ratingSum ?? 0,
      ratingCount: opts.ratingCount ?? 0,
      publishedAt: new Date(),
    })
    .$returningId();
  const [chapter] = await db().insert(chapters).values({ courseId: course!.id, title: "第一章", position: 1 }).$returningId();
  const [l1] = await db().insert(lessons).values({ courseId: course!.id, chapterId: chapter!.id, title: "第一课", kind: "article", position: 1 }).$returningId();
  const [l2] = await db().insert(lessons).values({ courseId: course!.id, chapterId: chapter!.id, title: "第二课", kind: "article", position: 2 }).$returningId();
  return { courseId: course!.id, slug, teacherUserId, lessonId: l1!.id, otherLessonId: l2!.id };
}

/** A learner enrolled in the course (written here directly: tests set up the world lib/enrolments keeps). */
export async function enrolledLearner(courseId: number, name = "学员测试"): Promise<number> {
  const userId = await makeUser(name);
  await db().insert(enrolments).values({ userId, courseId, source: "grant" });
  return userId;
}

export async function courseRating(courseId: number): Promise<{ sum: number; count: number }> {
  const [row] = await db().select({ sum: courses.ratingSum, count: courses.ratingCount }).from(courses).where(eq(courses.id, courseId));
  return { sum: row!.sum, count: row!.count };
}
