// The recommenders on data small enough to check by hand, the evaluation's arithmetic, and the job and the
// pages' reads against the seeded database and the real Redis.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { enrolments, users } from "@/db/schema";
import { key, redis } from "@/lib/redis";
import { evaluate, splitByTime } from "./evaluate";
import { buildItemModel, byUser, diversify, holdersOf, popularity, scoreItemCF, scoreUserEuclidean, type Interaction } from "./model";
import { alsoTook, buildRecommendations, forYou } from "./index";

const took = (user: number, items: number[], at = 0, weight = 1): Interaction[] => items.map((item, i) => ({ user, item, weight, at: at + i }));

describe("item-based collaborative filtering", () => {
  // Courses 1 and 2 are taken together by three learners; 1 and 3 by one; 4 alone.
  const data = [...took(1, [1, 2]), ...took(2, [1, 2]), ...took(3, [1, 2, 3]), ...took(4, [4]), ...took(5, [3])];
  const model = buildItemModel(data);

  it("ranks the course taken together most as the nearest, with the cosine of the two courses' learners", () => {
    expect(model.get(1)![0]).toEqual({ item: 2, score: 3 / Math.sqrt(3 * 3) });
    expect(model.get(1)![1]!.item).toBe(3);
    expect(model.get(1)![1]!.score).toBeCloseTo(1 / Math.sqrt(3 * 2), 10);
    expect(model.get(4)).toEqual([]);
  });

  it("scores what a learner does not hold from what they hold, and never offers a held course", () => {
    const scores = scoreItemCF(model, new Map([[1, 1]]));
    expect(scores.map((s) => s.item)).toEqual([2, 3]);
    expect(scoreItemCF(model, new Map([[1, 1], [2, 1]])).map((s) => s.item)).toEqual([3]);
  });

  it("counts a learner's heavier courses more (finished beats merely enrolled)", () => {
    const weighted = buildItemModel([...took(1, [1, 2], 0, 3), ...took(2, [1, 3], 0, 1)]);
    expect(weighted.get(1)![0]!.item).toBe(2);
  });
});

describe("the other methods and the shaping of a list", () => {
  it("popularity counts learners per course", () => {
    expect(popularity([...took(1, [5, 6]), ...took(2, [6]), ...took(3, [6, 7])]).map((p) => [p.item, p.score])).toEqual([
      [6, 3],
      [5, 1],
      [7, 1],
    ]);
  });

  it("user-based Euclidean lets the most similar learners vote", () => {
    const users = byUser([...took(1, [1, 2]), ...took(2, [1, 2, 9]), ...took(3, [1], 0, 3), ...took(3, [8])]);
    const ranked = scoreUserEuclidean(users, holdersOf(users), 1);
    // Learner 2 matches exactly (distance 0, similarity 1); learner 3 differs on course 1 (similarity 1/3).
    expect(ranked).toEqual([
      { item: 9, score: 1 },
      { item: 8, score: 1 / 3 },
    ]);
  });

  it("diversify keeps at most three of a category, then fills from the rest in order", () => {
    const ranked = [1, 2, 3, 4, 5, 6].map((item) => ({ item, score: 10 - item }));
    const category = (item: number) => (item <= 4 ? 1 : 2);
    expect(diversify(ranked, category, 5).map((r) => r.item)).toEqual([1, 2, 3, 5, 6]);
    expect(diversify(ranked, category, 6).map((r) => r.item)).toEqual([1, 2, 3, 5, 6, 4]);
  });
});

describe("the offline evaluation", () => {
  it("splits by time and scores precision, recall and NDCG at 10", () => {
    const data = [...took(1, [1, 2], 0), { user: 1, item: 3, weight: 1, at: 100 }, { user: 1, item: 4, weight: 1, at: 101 }];
    const split = splitByTime(data, 0.5);
    expect(split.train.map((i) => i.item)).toEqual([1, 2]);
    // A recommender that puts one of the two later courses first and the other nowhere.
    const scores = evaluate(split, () => [{ item: 3, score: 1 }, { item: 9, score: 0.5 }]);
    expect(scores.users).toBe(1);
    expect(scores.precision).toBeCloseTo(0.1);
    expect(scores.recall).toBeCloseTo(0.5);
    expect(scores.ndcg).toBeCloseTo(1 / (1 + 1 / Math.log2(3)));
  });
});

describe("the job and what pages read", () => {
  it("publishes a new version atomically and serves published courses the reader does not hold", async () => {
    const first = await buildRecommendations(new Date(Date.now() - 1000));
    expect(first.interactions).toBeGreaterThan(100);
    expect(first.courses).toBeGreaterThan(10);
    const second = await buildRecommendations();
    expect(second.version).not.toBe(first.version);
    expect(await redis().get(key("rec", "current"))).toBe(second.version);

    const [demo] = await db().select({ id: users.id }).from(users).where(eq(users.email, "learner@example.com"));
    const held = new Set((await db().select({ courseId: enrolments.courseId }).from(enrolments).where(eq(enrolments.userId, demo!.id))).map((e) => e.courseId));
    const mine = await forYou(demo!.id, 4);
    expect(mine.length).toBe(4);
    for (const course of mine) expect(held.has(course.id), `${course.slug} is the learner's already`).toBe(false);

    const [someCourse] = [...held];
    const also = await alsoTook(someCourse!, demo!.id, 4);
    expect(also.length).toBeGreaterThan(0);
    for (const course of also) {
      expect(course.id).not.toBe(someCourse);
      expect(held.has(course.id)).toBe(false);
    }
  });
});
