// The demo data as plain values, computed from the hand-written content (content-*.ts) and a seeded PRNG.
// Pure: no database and no clock of its own. Timestamps are `now` minus deterministic offsets, so recent
// activity looks recent whenever the seed runs, and the same `now` always yields exactly the same data.
// Rows refer to each other by natural keys (slugs, emails, lesson positions); index.ts turns those into ids.
import { CATEGORIES, TEACHERS, type CourseBlueprint, type Level } from "./content-catalogue";
import { DATA_COURSES } from "./content-courses-data";
import { DEV_COURSES } from "./content-courses-dev";
import { MORE_COURSES } from "./content-courses-more";
import { DEMO_LEARNER_COURSES, generateActivity, type SeedEnrolment, type SeedLearner, type SeedProgress } from "./generate-activity";
import { buildChapters, buildDescription } from "./generate-outline";
import { addLessonBodies } from "./generate-lesson-body";
import { generateQuestions, generateReviews, type SeedQuestion, type SeedReview } from "./generate-reviews";
import { createRng } from "./random";
import type { CourseStatus, SeedCourse } from "./seed-course";
import { DAY, daysBefore } from "./time";

export type { SeedChapter, SeedLesson } from "./generate-outline";
export type { SeedEnrolment, SeedLearner, SeedProgress } from "./generate-activity";
export type { CourseStatus, SeedCourse } from "./seed-course";
export type { SeedQuestion, SeedReview } from "./generate-reviews";

export const COURSE_BLUEPRINTS: readonly CourseBlueprint[] = [...DEV_COURSES, ...DATA_COURSES, ...MORE_COURSES];

export interface SeedCategory {
  slug: string;
  parentSlug: string | null;
  nameZh: string;
  nameEn: string;
  position: number;
  createdAt: Date;
}

export interface SeedTeacher {
  slug: string;
  name: string;
  title: string;
  bio: string;
  createdAt: Date;
}

export interface SeedData {
  categories: SeedCategory[];
  teachers: SeedTeacher[];
  courses: SeedCourse[];
  learners: SeedLearner[];
  enrolments: SeedEnrolment[];
  progress: SeedProgress[];
  reviews: SeedReview[];
  questions: SeedQuestion[];
}

/** The course whose teacher has the demo teacher account (teacher@example.com): the demo learner's finished one. */
export const DEMO_TEACHER_COURSE: string = DEMO_LEARNER_COURSES[0].slug;

const DRAFTS = 5;
const ARCHIVED = 3;

/** Typical list prices in yuan on Chinese course stores, by level. */
const PRICE_POINTS: Record<Level, readonly number[]> = {
  beginner: [99, 129, 149, 199, 239],
  intermediate: [199, 239, 299, 349, 399],
  advanced: [299, 399, 499, 599],
};
const PREMIUM_PRICES = [1299, 1599, 1999] as const;

function categories(now: Date): SeedCategory[] {
  const createdAt = daysBefore(now, 640);
  return CATEGORIES.flatMap((top, i) => [
    { slug: top.slug, parentSlug: null, nameZh: top.nameZh, nameEn: top.nameEn, position: i + 1, createdAt },
    ...top.children.map((child, j) => ({ ...child, parentSlug: top.slug, position: j + 1, createdAt })),
  ]);
}

function teachers(now: Date): SeedTeacher[] {
  const rng = createRng("teachers");
  return TEACHERS.map((t) => ({ slug: t.slug, name: t.name, title: t.title, bio: t.bio, createdAt: daysBefore(now, 600 + rng.int(0, 30)) }));
}

/** Spreads courses over teachers who teach that area in that language, keeping everyone's load even. */
function assignTeachers(courses: readonly CourseBlueprint[], topOf: ReadonlyMap<string, string>): string[] {
  const rng = createRng("teacher-assignment");
  const load = new Map<string, number>(TEACHERS.map((t) => [t.slug, 0]));
  return courses.map((course) => {
    const area = topOf.get(course.category);
    const inArea = TEACHERS.filter((t) => area !== undefined && t.areas.includes(area));
    const sameLanguage = inArea.filter((t) => Boolean(t.english) === (course.lang === "en"));
    const candidates = sameLanguage.length > 0 ? sameLanguage : inArea;
    if (candidates.length === 0) throw new Error(`No teacher teaches ${course.category}`);
    const least = Math.min(...candidates.map((t) => load.get(t.slug) ?? 0));
    const teacher = rng.pick(candidates.filter((t) => (load.get(t.slug) ?? 0) === least));
    load.set(teacher.slug, least + 1);
    return teacher.slug;
  });
}

function statuses(courses: readonly CourseBlueprint[]): CourseStatus[] {
  const demo = new Set<string>(DEMO_LEARNER_COURSES.map((c) => c.slug));
  const eligible = courses.map((c, i) => ({ c, i })).filter(({ c }) => !demo.has(c.slug) && !c.price);
  const order = createRng("statuses").shuffle(eligible.map(({ i }) => i));
  const result: CourseStatus[] = courses.map(() => "published");
  order.slice(0, DRAFTS).forEach((i) => (result[i] = "draft"));
  order.slice(DRAFTS, DRAFTS + ARCHIVED).forEach((i) => (result[i] = "archived"));
  return result;
}

function prices(course: CourseBlueprint, rng: ReturnType<typeof createRng>): { priceFen: number; memberPriceFen: number | null } {
  if (course.price === "free") return { priceFen: 0, memberPriceFen: null };
  const yuan = course.price === "premium" ? rng.pick(PREMIUM_PRICES) : rng.pick(PRICE_POINTS[course.level]);
  const memberYuan = Math.min(yuan - 1, Math.round(yuan * (0.7 + rng.next() * 0.15)));
  return { priceFen: yuan * 100, memberPriceFen: memberYuan * 100 };
}

function dates(status: CourseStatus, now: Date, rng: ReturnType<typeof createRng>) {
  if (status === "draft") {
    const createdDays = rng.int(3, 45) + rng.next();
    return { publishedAt: null, createdAt: daysBefore(now, createdDays), updatedAt: daysBefore(now, rng.next() * createdDays) };
  }
  // Published: spread over the past 18 months. Archived: published long ago, taken down in the last few months.
  const publishedDays = status === "archived" ? 420 + rng.next() * 120 : 3 + rng.next() * 537;
  const publishedAt = daysBefore(now, publishedDays);
  const createdAt = new Date(publishedAt.getTime() - rng.int(14, 60) * DAY - rng.int(0, 86_399) * 1000);
  const updatedAt = status === "archived" ? daysBefore(now, 10 + rng.next() * 110) : daysBefore(now, rng.next() * Math.min(publishedDays, 90));
  return { publishedAt, createdAt, updatedAt };
}

export function generateSeed(now: Date): SeedData {
  const topOf = new Map<string, string>();
  const kindOf = new Map<string, "tech" | "soft">();
  for (const top of CATEGORIES) {
    for (const child of top.children) {
      topOf.set(child.slug, top.slug);
      kindOf.set(child.slug, top.kind);
    }
  }
  const teacherSlugs = assignTeachers(COURSE_BLUEPRINTS, topOf);
  const courseStatuses = statuses(COURSE_BLUEPRINTS);

  const courses: SeedCourse[] = COURSE_BLUEPRINTS.map((bp, i) => {
    const kind = kindOf.get(bp.category);
    if (!kind) throw new Error(`Course ${bp.slug} names an unknown child category ${bp.category}`);
    const rng = createRng(`course:${bp.slug}`);
    const status = courseStatuses[i] ?? "published";
    const chapters = buildChapters(rng, bp, kind);
    addLessonBodies(bp, chapters);
    return {
      slug: bp.slug,
      title: bp.title,
      subtitle: bp.subtitle,
      description: buildDescription(bp, chapters, kind),
      ...prices(bp, rng),
      level: bp.level,
      language: bp.lang === "en" ? "en" : "zh-CN",
      status,
      categorySlug: bp.category,
      teacherSlug: teacherSlugs[i] ?? "",
      tags: bp.tags.split("|"),
      enrolmentCount: 0,
      ratingSum: 0,
      ratingCount: 0,
      ...dates(status, now, rng),
      chapters,
    };
  });

  const activity = generateActivity(now, courses, topOf);
  const enrolled = new Map<string, number>();
  for (const e of activity.enrolments) enrolled.set(e.courseSlug, (enrolled.get(e.courseSlug) ?? 0) + 1);
  // A course's rating figures are exactly its reviews' (lib/reviews keeps them so from then on).
  const reviews = generateReviews(now, courses, activity.enrolments);
  for (const course of courses) {
    course.enrolmentCount = enrolled.get(course.slug) ?? 0;
    const own = reviews.filter((r) => r.courseSlug === course.slug);
    course.ratingCount = own.length;
    course.ratingSum = own.reduce((sum, r) => sum + r.rating, 0);
  }

  return {
    categories: categories(now),
    teachers: teachers(now),
    courses,
    ...activity,
    reviews,
    questions: generateQuestions(now, [DEMO_TEACHER_COURSE], activity.enrolments),
  };
}
