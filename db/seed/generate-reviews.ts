// Reviews and lesson questions in the demo data. Reviews come from some of each course's own learners (the
// demo learner is left free to write one), after they enrolled, averaging 4.2–4.9 stars; the course's
// rating sum and count are the sum and count of these rows, so the figures on cards match the reviews
// listed under them. A few questions with answers sit under the first lessons of the demo learner's courses.
import { DEMO_LEARNER_EMAIL } from "./content-people";
import type { SeedEnrolment } from "./generate-activity";
import { createRng } from "./random";
import type { SeedCourse } from "./seed-course";

export interface SeedReview {
  email: string;
  courseSlug: string;
  rating: number;
  body: string;
  helpfulCount: number;
  createdAt: Date;
}

export interface SeedQuestion {
  courseSlug: string;
  /** Counting through the course's lessons from 0, as progress rows do. */
  lessonIndex: number;
  email: string;
  body: string;
  createdAt: Date;
  /** `teacher: true` answers come from the course's teacher's account. */
  answers: Array<{ email: string | null; teacher: boolean; body: string; accepted: boolean; minutesLater: number }>;
}

const ZH: Record<number, readonly string[]> = {
  5: ["讲得非常清楚，例子贴近实际工作，强烈推荐。", "老师的思路很清晰，每一章都有收获。", "配套练习很用心，做完感觉真正掌握了。", "从零基础学下来没有掉队，节奏刚好。", "内容扎实，比看文档高效太多了。"],
  4: ["整体很好，个别章节稍快，需要反复看。", "干货多，如果再多一些练习就更好了。", "讲解到位，部分示例代码版本有点旧。", "收获不少，推荐给同事了。"],
  3: ["内容还可以，但有些地方讲得比较浅。", "适合入门，进阶的同学可能觉得简单。"],
  2: ["节奏太快，很多概念没有展开。"],
  1: ["和介绍的不太一样，期待更新。"],
};
const EN: Record<number, readonly string[]> = {
  5: ["Clear explanations and realistic examples. Highly recommended.", "Every chapter taught me something I use at work.", "The exercises are excellent; I finally understand this properly."],
  4: ["Very good overall; a couple of chapters move a bit fast.", "Solid content. More exercises would make it perfect."],
  3: ["Decent introduction, but it stays on the surface in places."],
  2: ["Too fast for me; several ideas are not explained."],
  1: ["Not what the description promised."],
};

/** Stars for `count` reviews that sum to about `average × count`, spread so the bars look like real ones. */
function starsFor(count: number, average: number, rng: ReturnType<typeof createRng>): number[] {
  const stars: number[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng.next();
    // Mostly 5s and 4s, the odd 3, rarely lower; the share of 5s follows the target average.
    const five = Math.min(0.95, Math.max(0.2, average - 4 + 0.15));
    stars.push(r < five ? 5 : r < five + (1 - five) * 0.75 ? 4 : r < 0.985 ? 3 : r < 0.995 ? 2 : 1);
  }
  // Nudge towards the target so every course stays within 4.2–4.9.
  const want = Math.min(Math.floor(4.9 * count), Math.max(Math.ceil(4.2 * count), Math.round(average * count)));
  let sum = stars.reduce((a, b) => a + b, 0);
  for (let i = 0; sum < want && i < stars.length * 4; i++) {
    const j = i % stars.length;
    if (stars[j]! < 5) {
      stars[j]! += 1;
      sum += 1;
    }
  }
  for (let i = 0; sum > want && i < stars.length * 4; i++) {
    const j = i % stars.length;
    if (stars[j]! > 3) {
      stars[j]! -= 1;
      sum -= 1;
    }
  }
  return stars;
}

export function generateReviews(now: Date, courses: readonly SeedCourse[], enrolments: readonly SeedEnrolment[]): SeedReview[] {
  const byCourse = new Map<string, SeedEnrolment[]>();
  for (const e of enrolments) if (e.email !== DEMO_LEARNER_EMAIL) (byCourse.get(e.courseSlug) ?? byCourse.set(e.courseSlug, []).get(e.courseSlug)!).push(e);
  const reviews: SeedReview[] = [];
  for (const course of courses) {
    const learners = byCourse.get(course.slug) ?? [];
    const rng = createRng(`rating:${course.slug}`);
    const count = Math.round(learners.length * (0.25 + rng.next() * 0.35));
    if (count < 2) continue;
    const average = 4.2 + rng.next() * 0.7;
    const stars = starsFor(count, average, rng);
    const pool = course.language === "en" ? EN : ZH;
    // Every few learners along the list, so reviewers are spread over the enrolment history.
    const step = learners.length / count;
    for (let i = 0; i < count; i++) {
      const e = learners[Math.floor(i * step)]!;
      const rating = stars[i]!;
      const texts = pool[rating]!;
      const after = e.createdAt.getTime() + (1 + rng.next() * 20) * 86_400_000;
      // Someone who enrolled within the hour reviews halfway between then and now.
      const createdAt = new Date(after < now.getTime() - 3_600_000 ? after : Math.floor((e.createdAt.getTime() + now.getTime()) / 2));
      reviews.push({ email: e.email, courseSlug: course.slug, rating, body: texts[Math.floor(rng.next() * texts.length)]!, helpfulCount: 0, createdAt });
    }
  }
  return reviews;
}

/** Questions under the first two lessons of the courses the demo learner holds, asked by their classmates. */
export function generateQuestions(now: Date, courseSlugs: readonly string[], enrolments: readonly SeedEnrolment[]): SeedQuestion[] {
  const questions: SeedQuestion[] = [];
  const rng = createRng("questions");
  const asked = [
    { body: "这一节里的示例在本地跑不起来，提示找不到模块，是需要先安装什么依赖吗？", answer: "先在项目根目录执行 npm install，再按课件里的命令运行即可；Node 版本需要 20 以上。", reply: "装好依赖就可以了，谢谢老师！" },
    { body: "为什么这里推荐用 const 而不是 let？两者在性能上有区别吗？", answer: "性能上没有区别。const 表明这个绑定不会再被重新赋值，读代码的人和编译器都能少操心一件事。", reply: null },
    { body: "课后练习第 3 题的边界条件是不是有问题？空数组的时候应该返回什么？", answer: "空数组时返回 0 就好，题目里的说明下一版会补上，谢谢指出。", reply: null },
  ];
  for (const slug of courseSlugs) {
    const classmates = enrolments.filter((e) => e.courseSlug === slug && e.email !== DEMO_LEARNER_EMAIL);
    if (classmates.length < 3) continue;
    asked.forEach((q, i) => {
      const asker = classmates[(i * 7) % classmates.length]!;
      const helper = classmates[(i * 7 + 3) % classmates.length]!;
      const createdAt = new Date(now.getTime() - (3 + i * 4 + rng.next()) * 86_400_000);
      questions.push({
        courseSlug: slug,
        lessonIndex: i % 2,
        email: asker.email,
        body: q.body,
        createdAt,
        answers: [
          { email: null, teacher: true, body: q.answer, accepted: true, minutesLater: 90 + i * 30 },
          ...(q.reply ? [{ email: asker.email, teacher: false, body: q.reply, accepted: false, minutesLater: 200 }] : [{ email: helper.email, teacher: false, body: "我也遇到过，按楼上的方法解决了。", accepted: false, minutesLater: 300 }]),
        ],
      });
    });
  }
  return questions;
}
