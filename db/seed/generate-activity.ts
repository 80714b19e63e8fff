// Learners and what they do: accounts created over the past year, enrolments weighted towards popular courses
// and each learner's favourite area, and lesson progress concentrated in the last ten weeks (denser towards
// today) so weekly and monthly leaderboards have something to rank.
import { DEMO_LEARNER_EMAIL, ENGLISH_FIRST_NAMES, ENGLISH_LAST_NAMES, GIVEN_NAMES, LEARNER_COUNT, SURNAMES, learnerEmail } from "./content-people";
import type { SeedCourse } from "./seed-course";
import { createRng, type Rng } from "./random";
import { DAY, daysBefore, later } from "./time";

export interface SeedLearner {
  email: string;
  name: string;
  locale: "zh-CN" | "en";
  createdAt: Date;
  lastSignInAt: Date | null;
}

export interface SeedEnrolment {
  email: string;
  courseSlug: string;
  source: "purchase" | "free";
  createdAt: Date;
}

export interface SeedProgress {
  email: string;
  courseSlug: string;
  /** Position of the lesson in the course, counting through the chapters in order from 0. */
  lessonIndex: number;
  positionSeconds: number;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The demo learner's courses and how far through each they are, so "my learning" shows every state. */
export const DEMO_LEARNER_COURSES = [
  { slug: "typescript-zero-to-master", completed: 1, enrolledDaysAgo: 58 },
  { slug: "react-18-in-action", completed: 0.55, enrolledDaysAgo: 34 },
  { slug: "python-from-zero", completed: 0.2, enrolledDaysAgo: 12 },
  { slug: "mysql-internals-and-tuning", completed: 0, enrolledDaysAgo: 2 },
] as const;

const ACTIVITY_WINDOW_DAYS = 70;
/** How many courses a learner holds: weights for 0, 1, …, 8 (mean about 3.3). */
const COURSES_PER_LEARNER = [6, 16, 20, 18, 14, 10, 7, 5, 4] as const;

interface Profile {
  learner: SeedLearner;
  favouriteArea: string;
  prefersEnglish: boolean;
}

function learnerProfiles(now: Date, areas: readonly string[]): Profile[] {
  const rng = createRng("learners");
  return Array.from({ length: LEARNER_COUNT }, (_, i) => {
    const english = rng.chance(0.12);
    const name = english ? `${rng.pick(ENGLISH_FIRST_NAMES)} ${rng.pick(ENGLISH_LAST_NAMES)}` : `${rng.pick(SURNAMES)}${rng.pick(GIVEN_NAMES)}`;
    const locale = rng.chance(english ? 0.6 : 0.03) ? "en" : "zh-CN";
    // More sign-ups recently, as on a growing site.
    const createdAt = daysBefore(now, 1 + 364 * rng.next() ** 1.3);
    return {
      learner: { email: learnerEmail(i + 1), name, locale, createdAt, lastSignInAt: null },
      favouriteArea: rng.pick(areas),
      prefersEnglish: english || locale === "en",
    };
  });
}

function popularity(course: SeedCourse, now: Date): number {
  if (course.status === "draft" || !course.publishedAt) return 0;
  let w = 0.2 + 3 * createRng(`popularity:${course.slug}`).next() ** 3;
  if (course.priceFen === 0) w *= 2;
  if (course.priceFen >= 100_000) w *= 0.6;
  if (course.level === "beginner") w *= 1.3;
  if (course.status === "archived") w *= 0.4;
  const ageDays = (now.getTime() - course.publishedAt.getTime()) / DAY;
  return w * (0.5 + Math.min(1, ageDays / 365));
}

/** The period in which a learner could have enrolled: after both sign-up and publication, before any archiving. */
function enrolWindow(course: SeedCourse, learner: SeedLearner, now: Date): { from: number; to: number } | null {
  if (!course.publishedAt) return null;
  const from = later(course.publishedAt, learner.createdAt).getTime();
  const to = (course.status === "archived" ? course.updatedAt : now).getTime() - 3_600_000;
  return to - from > DAY ? { from, to } : null;
}

/** How far through a course one enrolment got: a quarter never start, a sixth finish. */
function engagement(rng: Rng): number {
  const r = rng.next();
  if (r < 0.22) return 0;
  if (r < 0.55) return 0.05 + rng.next() * 0.35;
  if (r < 0.84) return 0.4 + rng.next() * 0.5;
  return 1;
}

function progressFor(rng: Rng, email: string, course: SeedCourse, enrolledAt: Date, fraction: number, now: Date, paced = true): SeedProgress[] {
  const lessons = course.chapters.flatMap((c) => c.lessons);
  if (fraction <= 0 || lessons.length === 0) return [];
  const start = later(enrolledAt, daysBefore(now, ACTIVITY_WINDOW_DAYS)).getTime();
  const span = Math.max(0, now.getTime() - 600_000 - start);
  // Nobody finishes a long course the day they buy it: at most 0.3–1.5 lessons a day of the time they had.
  const pace = paced ? Math.max(1, Math.floor((span / DAY) * (0.3 + rng.next() * 1.2))) : lessons.length;
  const done = Math.min(lessons.length, pace, Math.round(fraction * lessons.length));
  // u^0.7 leans towards `now`: more recent weeks hold more activity.
  const at = () => start + Math.floor((span * rng.next() ** 0.7) / 1000) * 1000;
  const times = Array.from({ length: done }, at).sort((a, b) => a - b);

  const rows: SeedProgress[] = times.map((t, i) => {
    const lesson = lessons[i]!;
    const completedAt = new Date(t);
    const createdAt = new Date(Math.max(enrolledAt.getTime(), t - lesson.durationSeconds * 1000));
    const positionSeconds = lesson.kind === "video" ? lesson.durationSeconds : 0;
    return { email, courseSlug: course.slug, lessonIndex: i, positionSeconds, completedAt, createdAt, updatedAt: completedAt };
  });
  const next = lessons[done];
  if (next && next.kind === "video") {
    // Part-way through the next video, watched after the last completed lesson.
    const last = times[times.length - 1] ?? start;
    const updatedAt = new Date(Math.min(now.getTime() - 60_000, last + rng.int(10, 3 * 24 * 60) * 60_000));
    const positionSeconds = Math.round(next.durationSeconds * (0.1 + rng.next() * 0.8));
    const createdAt = new Date(Math.max(enrolledAt.getTime(), updatedAt.getTime() - positionSeconds * 1000));
    rows.push({ email, courseSlug: course.slug, lessonIndex: done, positionSeconds, completedAt: null, createdAt, updatedAt });
  }
  return rows;
}

export function generateActivity(
  now: Date,
  courses: readonly SeedCourse[],
  topOf: ReadonlyMap<string, string>,
): { learners: SeedLearner[]; enrolments: SeedEnrolment[]; progress: SeedProgress[] } {
  const areas = [...new Set(topOf.values())];
  const profiles = learnerProfiles(now, areas);
  const base = courses.map((c) => popularity(c, now));
  const rng = createRng("enrolments");
  const enrolments: SeedEnrolment[] = [];
  const progress: SeedProgress[] = [];

  for (const { learner, favouriteArea, prefersEnglish } of profiles) {
    const weights = courses.map((course, i) => {
      if (!enrolWindow(course, learner, now)) return 0;
      const area = topOf.get(course.categorySlug) === favouriteArea ? 4 : 1;
      const language = course.language === "en" ? (prefersEnglish ? 3 : 0.6) : 1;
      return (base[i] ?? 0) * area * language;
    });
    let latest = learner.createdAt;
    const wanted = rng.weightedIndex(COURSES_PER_LEARNER);
    for (let n = 0; n < wanted && weights.some((w) => w > 0); n++) {
      const i = rng.weightedIndex(weights);
      weights[i] = 0;
      const course = courses[i]!;
      const window = enrolWindow(course, learner, now)!;
      // Learners buy most courses soon after signing up, fewer as time goes on.
      const createdAt = new Date(window.from + Math.floor(((window.to - window.from) * rng.next() ** 1.6) / 1000) * 1000);
      enrolments.push({ email: learner.email, courseSlug: course.slug, source: course.priceFen === 0 ? "free" : "purchase", createdAt });
      const rows = progressFor(rng, learner.email, course, createdAt, engagement(rng), now);
      progress.push(...rows);
      for (const t of [createdAt, ...rows.map((r) => r.updatedAt)]) latest = later(latest, t);
    }
    learner.lastSignInAt = latest;
  }

  const demoRng = createRng("demo-learner");
  for (const demo of DEMO_LEARNER_COURSES) {
    const course = courses.find((c) => c.slug === demo.slug);
    if (!course || course.status !== "published") throw new Error(`The demo learner's course ${demo.slug} must be a published course`);
    const createdAt = daysBefore(now, demo.enrolledDaysAgo + demoRng.next() * 0.5);
    enrolments.push({ email: DEMO_LEARNER_EMAIL, courseSlug: course.slug, source: course.priceFen === 0 ? "free" : "purchase", createdAt });
    progress.push(...progressFor(demoRng, DEMO_LEARNER_EMAIL, course, createdAt, demo.completed, now, false));
  }

  return { learners: profiles.map((p) => p.learner), enrolments, progress };
}
