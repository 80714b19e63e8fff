// Unit tests of the demo-data generator: pure, no database.
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_LEARNER_EMAIL } from "./content-people";
import { generateSeed, type SeedData } from "./generate";

const NOW = new Date("2025-03-14T09:26:53.000Z");
const data: SeedData = generateSeed(NOW);
const DAY = 86_400_000;

const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};
const lessonsOf = (course: SeedData["courses"][number]) => course.chapters.flatMap((c) => c.lessons);

describe("generateSeed", () => {
  it("is deterministic: the same `now` gives exactly the same data", () => {
    expect(generateSeed(new Date(NOW))).toEqual(data);
  });

  it("places every timestamp relative to `now`, so a later run looks just as recent", () => {
    const shift = 3 * DAY;
    const relative = (d: SeedData, now: Date) =>
      JSON.stringify(d, (_key, value: unknown) =>
        typeof value === "string" && /^\d{4}-\d\d-\d\dT/.test(value) ? new Date(value).getTime() - now.getTime() : value,
      );
    const later = new Date(NOW.getTime() + shift);
    expect(relative(generateSeed(later), later)).toBe(relative(data, NOW));
  });

  it("has exactly 120 courses, about a quarter of them taught in English with English titles", () => {
    expect(data.courses).toHaveLength(120);
    const english = data.courses.filter((c) => c.language === "en");
    expect(english.length).toBeGreaterThanOrEqual(24);
    expect(english.length).toBeLessThanOrEqual(36);
    for (const c of english) expect(c.title, c.slug).not.toMatch(/[\u4e00-\u9fff]/);
    for (const c of data.courses.filter((c) => c.language === "zh-CN")) expect(c.title, c.slug).toMatch(/[\u4e00-\u9fff]/);
  });

  it("builds a two-level category tree of at least 8 areas with 2–4 children each, courses on the children", () => {
    const tops = data.categories.filter((c) => c.parentSlug === null);
    expect(tops.length).toBeGreaterThanOrEqual(8);
    const children = countBy(data.categories.filter((c) => c.parentSlug !== null), (c) => c.parentSlug ?? "");
    for (const top of tops) {
      expect(children.get(top.slug) ?? 0, top.slug).toBeGreaterThanOrEqual(2);
      expect(children.get(top.slug) ?? 0, top.slug).toBeLessThanOrEqual(4);
    }
    const childSlugs = new Set(data.categories.filter((c) => c.parentSlug !== null).map((c) => c.slug));
    const topSlugs = new Set(tops.map((c) => c.slug));
    for (const c of data.categories.filter((c) => c.parentSlug !== null)) expect(topSlugs.has(c.parentSlug ?? "")).toBe(true);
    for (const course of data.courses) expect(childSlugs.has(course.categorySlug), course.slug).toBe(true);
    for (const c of data.categories) expect(c.nameZh && c.nameEn, c.slug).toBeTruthy();
  });

  it("uses unique, URL-safe slugs and unique emails", () => {
    for (const slugs of [data.courses.map((c) => c.slug), data.categories.map((c) => c.slug), data.teachers.map((t) => t.slug)]) {
      expect(new Set(slugs).size).toBe(slugs.length);
      for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    const emails = data.learners.map((l) => l.email);
    expect(new Set(emails).size).toBe(emails.length);
  });

  it("never gives a learner a demo account's email", () => {
    const learners = new Set(data.learners.map((l) => l.email));
    for (const account of DEMO_ACCOUNTS) expect(learners.has(account.email), account.email).toBe(false);
  });

  it("has about 30 teachers, each teaching at least one course", () => {
    expect(data.teachers.length).toBeGreaterThanOrEqual(25);
    const taught = new Set(data.courses.map((c) => c.teacherSlug));
    for (const t of data.teachers) expect(taught.has(t.slug), t.slug).toBe(true);
  });

  it("prices in whole fen: a few free, most 99–599 yuan, a member price below the list price", () => {
    for (const c of data.courses) {
      expect(Number.isInteger(c.priceFen) && c.priceFen >= 0, c.slug).toBe(true);
      expect(c.priceFen, c.slug).toBeLessThanOrEqual(199_900);
      if (c.priceFen === 0) {
        expect(c.memberPriceFen, c.slug).toBeNull();
      } else {
        expect(Number.isInteger(c.memberPriceFen) && (c.memberPriceFen ?? -1) >= 0, c.slug).toBe(true);
        expect(c.memberPriceFen ?? Infinity, c.slug).toBeLessThan(c.priceFen);
        expect(c.memberPriceFen ?? 0, c.slug).toBeGreaterThanOrEqual(Math.floor(c.priceFen * 0.69));
      }
    }
    const free = data.courses.filter((c) => c.priceFen === 0).length;
    expect(free).toBeGreaterThanOrEqual(3);
    const mainstream = data.courses.filter((c) => c.priceFen >= 9_900 && c.priceFen <= 59_900).length;
    expect(mainstream).toBeGreaterThan(100);
  });

  it("publishes most courses over the past 18 months, with a few drafts and 2–3 archived", () => {
    const status = countBy(data.courses, (c) => c.status);
    expect(status.get("published")).toBeGreaterThanOrEqual(108);
    expect(status.get("draft")).toBeGreaterThanOrEqual(2);
    expect([2, 3]).toContain(status.get("archived"));
    for (const c of data.courses) {
      if (c.status === "draft") expect(c.publishedAt, c.slug).toBeNull();
      else {
        const age = NOW.getTime() - (c.publishedAt?.getTime() ?? Infinity);
        expect(age > 0 && age <= 548 * DAY, c.slug).toBe(true);
      }
    }
  });

  it("keeps every course's enrolment count equal to its enrolments, and drafts without learners", () => {
    const enrolled = countBy(data.enrolments, (e) => e.courseSlug);
    for (const c of data.courses) expect(c.enrolmentCount, c.slug).toBe(enrolled.get(c.slug) ?? 0);
    for (const c of data.courses.filter((c) => c.status === "draft")) expect(c.enrolmentCount, c.slug).toBe(0);
    const pairs = data.enrolments.map((e) => `${e.email} ${e.courseSlug}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it("rates courses plausibly: no more reviews than learners, averages 4.2–4.9", () => {
    for (const c of data.courses) {
      expect(c.ratingCount, c.slug).toBeLessThanOrEqual(c.enrolmentCount);
      if (c.ratingCount > 0) {
        const average = c.ratingSum / c.ratingCount;
        expect(average >= 4.2 && average <= 4.9, `${c.slug} ${average}`).toBe(true);
      }
    }
  });

  it("backs every course's rating with its own learners' reviews, written after they enrolled, leaving the demo learner free to review", () => {
    const enrolledAt = new Map(data.enrolments.map((e) => [`${e.email} ${e.courseSlug}`, e.createdAt.getTime()]));
    for (const c of data.courses) {
      const own = data.reviews.filter((r) => r.courseSlug === c.slug);
      expect(own.length, c.slug).toBe(c.ratingCount);
      expect(own.reduce((sum, r) => sum + r.rating, 0), c.slug).toBe(c.ratingSum);
    }
    const pairs = new Set<string>();
    for (const r of data.reviews) {
      const key = `${r.email} ${r.courseSlug}`;
      expect(enrolledAt.get(key), key).toBeLessThan(r.createdAt.getTime());
      expect(r.createdAt.getTime()).toBeLessThan(NOW.getTime());
      expect(r.rating >= 1 && r.rating <= 5).toBe(true);
      expect(pairs.has(key), key).toBe(false);
      pairs.add(key);
      expect(r.email).not.toBe(DEMO_LEARNER_EMAIL);
    }
    expect(data.reviews.length).toBeGreaterThan(200);
    expect(data.questions.length).toBeGreaterThan(0);
    for (const q of data.questions) expect(enrolledAt.has(`${q.email} ${q.courseSlug}`), q.email).toBe(true);
  });

  it("gives each course 3–8 chapters of 2–6 lessons, opening with a free preview", () => {
    for (const c of data.courses) {
      expect(c.chapters.length, c.slug).toBeGreaterThanOrEqual(3);
      expect(c.chapters.length, c.slug).toBeLessThanOrEqual(8);
      for (const ch of c.chapters) {
        expect(ch.lessons.length, ch.title).toBeGreaterThanOrEqual(2);
        expect(ch.lessons.length, ch.title).toBeLessThanOrEqual(6);
      }
      const lessons = lessonsOf(c);
      expect(lessons[0]?.isFreePreview, c.slug).toBe(true);
      expect(lessons.slice(2).some((l) => l.isFreePreview), c.slug).toBe(false);
      for (const l of lessons.filter((l) => l.kind === "video")) {
        expect(l.durationSeconds >= 180 && l.durationSeconds <= 2400, l.title).toBe(true);
      }
      expect(c.tags.length, c.slug).toBeGreaterThanOrEqual(3);
      expect(c.tags.length, c.slug).toBeLessThanOrEqual(5);
    }
    const kinds = countBy(data.courses.flatMap(lessonsOf), (l) => l.kind);
    const total = [...kinds.values()].reduce((a, b) => a + b, 0);
    expect((kinds.get("video") ?? 0) / total).toBeGreaterThan(0.6);
    for (const kind of ["article", "lab", "live"]) expect(kinds.get(kind) ?? 0, kind).toBeGreaterThan(0);
  });

  it("writes descriptions with only the tags the sanitiser keeps", () => {
    for (const c of data.courses) {
      const tags = [...c.description.matchAll(/<\/?([a-z0-9]+)[^>]*>/g)].map((m) => m[1]);
      for (const tag of tags) expect(["p", "ul", "li", "h2", "code"], `${c.slug} <${tag}>`).toContain(tag);
      expect(c.description).not.toMatch(/<[a-z0-9]+\s/);
    }
  });

  it("has a few hundred learners, each holding 0–8 courses", () => {
    expect(data.learners.length).toBeGreaterThanOrEqual(300);
    const held = countBy(data.enrolments, (e) => e.email);
    for (const l of data.learners) expect(held.get(l.email) ?? 0, l.email).toBeLessThanOrEqual(8);
    expect(data.enrolments.length).toBeGreaterThan(data.learners.length * 2);
  });

  it("records progress only on lessons of courses the learner is enrolled in, after enrolling", () => {
    const enrolledAt = new Map(data.enrolments.map((e) => [`${e.email} ${e.courseSlug}`, e.createdAt.getTime()]));
    const lessonCount = new Map(data.courses.map((c) => [c.slug, lessonsOf(c).length]));
    const seen = new Set<string>();
    for (const p of data.progress) {
      const since = enrolledAt.get(`${p.email} ${p.courseSlug}`);
      expect(since, `${p.email} ${p.courseSlug}`).toBeDefined();
      expect(p.lessonIndex).toBeLessThan(lessonCount.get(p.courseSlug) ?? 0);
      expect(p.createdAt.getTime()).toBeGreaterThanOrEqual(since ?? Infinity);
      expect(p.updatedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      const key = `${p.email} ${p.courseSlug} ${p.lessonIndex}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it("puts learning activity in the last ten weeks, more of it recently", () => {
    const completed = data.progress.flatMap((p) => (p.completedAt ? [NOW.getTime() - p.completedAt.getTime()] : []));
    expect(completed.length).toBeGreaterThan(1000);
    for (const age of completed) expect(age >= 0 && age <= 70 * DAY).toBe(true);
    const lastWeek = completed.filter((age) => age <= 7 * DAY).length;
    const tenthWeek = completed.filter((age) => age > 63 * DAY).length;
    expect(lastWeek).toBeGreaterThan(tenthWeek * 2);
    expect(data.progress.some((p) => p.completedAt === null && p.positionSeconds > 0)).toBe(true);
  });

  it("gives the demo learner a few courses in different states", () => {
    const mine = data.enrolments.filter((e) => e.email === DEMO_LEARNER_EMAIL);
    expect(mine.length).toBeGreaterThanOrEqual(3);
    const progress = data.progress.filter((p) => p.email === DEMO_LEARNER_EMAIL);
    const coursesWithProgress = new Set(progress.map((p) => p.courseSlug));
    expect(coursesWithProgress.size).toBeGreaterThanOrEqual(2);
    expect(coursesWithProgress.size).toBeLessThan(mine.length);
  });
});
