// Turns a course blueprint's outline into chapters and lessons, and writes the course's HTML description.
// Lesson titles come from the outline entry when it lists them, otherwise from per-language patterns mixed with
// the chapter topic, so every course reads as its own subject.
import type { CourseBlueprint, TopCategory } from "./content-catalogue";
import type { Rng } from "./random";

export type LessonKind = "video" | "article" | "lab" | "live";

export interface SeedLesson {
  title: string;
  kind: LessonKind;
  isFreePreview: boolean;
  durationSeconds: number;
  /** The lesson's text (HTML), written by generate-lesson-body.ts. */
  body?: string;
}

export interface SeedChapter {
  title: string;
  lessons: SeedLesson[];
}

type Lang = "zh" | "en";
type Kind = TopCategory["kind"];

const INTRO_CHAPTER: Record<Lang, Record<Kind, string>> = {
  zh: { tech: "课程介绍与环境搭建", soft: "课程导学" },
  en: { tech: "Getting Started", soft: "Welcome" },
};

const INTRO_LESSONS: Record<Lang, Record<Kind, (tag: string) => string[]>> = {
  zh: {
    tech: (tag) => ["课程导学：你将收获什么", "开发环境搭建", `第一个 ${tag} 示例：Hello World`, "学习方法与答疑说明"],
    soft: () => ["课程导学：你将收获什么", "学习方法与资料说明", "先导案例：一个真实的问题", "课前自测"],
  },
  en: {
    tech: (tag) => ["Welcome: What You Will Build", "Setting Up Your Environment", `Hello World with ${tag}`, "How to Get Help"],
    soft: () => ["Welcome and Course Overview", "How to Get the Most from This Course", "A Real-World Case to Start With", "Self-Assessment"],
  },
};

/** Patterns for a chapter's lessons, in teaching order; the first is always used. */
const TOPIC_LESSONS: Record<Lang, Record<Kind, Array<(t: string) => string>>> = {
  zh: {
    tech: [(t) => `${t}：核心概念`, (t) => `${t}：原理剖析`, (t) => `动手实践：${t}`, (t) => `${t}：常见问题与排错`,
      (t) => `案例：${spaced(t, "在真实项目中的应用")}`, () => "本章小结与练习"],
    soft: [(t) => `${t}：核心概念`, (t) => `${t}：方法与工具`, (t) => `案例拆解：${t}`, (t) => `${t}：常见误区`,
      (t) => `练习：${t}`, () => "本章小结"],
  },
  en: {
    tech: [(t) => `${t}: Core Concepts`, (t) => `${t}: Under the Hood`, (t) => `Hands-on: ${t}`, (t) => `${t}: Common Pitfalls`,
      (t) => `Case Study: ${t} in a Real Project`, () => "Chapter Summary and Exercises"],
    soft: [(t) => `${t}: Key Ideas`, (t) => `${t}: Methods and Tools`, (t) => `Case Study: ${t}`, (t) => `${t}: Common Mistakes`,
      (t) => `Exercise: ${t}`, () => "Chapter Summary"],
  },
};

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;
/** Joins two parts of a title with a space only between CJK and Latin text, as Chinese typography does. */
function spaced(a: string, b: string): string {
  const cjkEnd = CJK.test(a.slice(-1));
  const cjkStart = CJK.test(b.slice(0, 1));
  return cjkEnd && cjkStart ? `${a}${b}` : `${a} ${b}`;
}

const PROJECT_LESSONS: Record<Lang, string[]> = {
  zh: ["需求分析与技术选型", "项目搭建与目录结构", "核心功能开发", "联调与测试", "部署上线与项目复盘"],
  en: ["Requirements and Design", "Project Setup", "Building the Core Features", "Testing", "Deployment and Retrospective"],
};

const isProject = (topic: string) => /^(项目|Project)/.test(topic);
const isPractice = (title: string) => /^(动手实践|Hands-on|练习|Exercise)/.test(title);
const isSummary = (title: string) => /(小结|Summary)/.test(title);

function videoSeconds(rng: Rng): number {
  // Mostly 8–20 minutes, never outside 3–40.
  const minutes = 3 + ((rng.next() + rng.next() + rng.next()) / 3) * 37;
  return Math.round(minutes * 60);
}

function lesson(rng: Rng, title: string, kind: Kind, premium: boolean): SeedLesson {
  let lessonKind: LessonKind = "video";
  if (isSummary(title)) lessonKind = "article";
  else if (isPractice(title) && kind === "tech" && rng.chance(0.4)) lessonKind = "lab";
  else if (rng.chance(premium ? 0.08 : 0.015)) lessonKind = "live";
  else if (rng.chance(0.08)) lessonKind = "article";
  const durationSeconds = {
    video: () => videoSeconds(rng),
    article: () => rng.int(5, 15) * 60,
    lab: () => rng.int(20, 60) * 60,
    live: () => rng.int(60, 90) * 60,
  }[lessonKind]();
  return { title, kind: lessonKind, isFreePreview: false, durationSeconds };
}

function topicLessonTitles(rng: Rng, lang: Lang, kind: Kind, entry: string): { topic: string; titles: string[] } {
  const [topic = entry, ...named] = entry.split(">");
  if (named.length > 0) return { topic, titles: named.length >= 2 ? named : [...named, lang === "zh" ? "本章小结与练习" : "Chapter Summary"] };
  if (isProject(topic)) return { topic, titles: PROJECT_LESSONS[lang].slice(0, rng.int(3, 5)) };
  const patterns = TOPIC_LESSONS[lang][kind];
  const count = rng.int(2, 6);
  const others = rng.shuffle(patterns.slice(1).map((_, i) => i + 1)).slice(0, count - 1);
  const picked = [0, ...others].sort((a, b) => a - b);
  // "状态管理：Zustand 与 Redux Toolkit" → lessons about "Zustand 与 Redux Toolkit", the specific part.
  const subject = topic.split(/：|: /).pop() ?? topic;
  return { topic, titles: picked.map((i) => (patterns[i] as (t: string) => string)(subject)) };
}

export function buildChapters(rng: Rng, course: CourseBlueprint, kind: Kind): SeedChapter[] {
  const lang: Lang = course.lang === "en" ? "en" : "zh";
  const premium = course.price === "premium";
  const firstTag = course.tags.split("|")[0] ?? course.title;
  const chapterTitle = (n: number, topic: string) => (lang === "zh" ? `第 ${n} 章 ${topic}` : `Chapter ${n}: ${topic}`);

  const intro: SeedChapter = {
    title: chapterTitle(1, INTRO_CHAPTER[lang][kind]),
    lessons: INTRO_LESSONS[lang][kind](firstTag)
      .slice(0, rng.int(2, 4))
      .map((title) => lesson(rng, title, kind, false)),
  };
  const rest = course.outline.split("|").map((entry, i) => {
    const { topic, titles } = topicLessonTitles(rng, lang, kind, entry);
    return { title: chapterTitle(i + 2, topic), lessons: titles.slice(0, 6).map((title) => lesson(rng, title, kind, premium)) };
  });
  const chapters = [intro, ...rest];

  // The first lesson is always a free preview, the second often; the course intro is never a live session.
  const introLessons = intro.lessons;
  introLessons.forEach((l) => {
    if (l.kind === "live" || l.kind === "lab") Object.assign(l, { kind: "video", durationSeconds: videoSeconds(rng) });
  });
  if (introLessons[0]) introLessons[0].isFreePreview = true;
  if (introLessons[1] && rng.chance(0.6)) introLessons[1].isFreePreview = true;
  return chapters;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const AUDIENCE: Record<Lang, Record<CourseBlueprint["level"], string[]>> = {
  zh: {
    beginner: ["零基础、想系统入门的同学", "希望转行或拓展技能的职场人", "在校大学生"],
    intermediate: ["有 1–3 年经验、想突破瓶颈的工程师", "希望把零散知识系统化的同学", "准备跳槽面试的开发者"],
    advanced: ["有 3 年以上经验的资深工程师", "技术负责人与架构师", "希望深入原理、参与技术决策的开发者"],
  },
  en: {
    beginner: ["Complete beginners who want a structured start", "Professionals adding a new skill", "Students"],
    intermediate: ["Engineers with one to three years of experience", "Self-taught developers filling in the gaps", "Anyone preparing for interviews"],
    advanced: ["Senior engineers", "Tech leads and architects", "Developers who want to understand how things work underneath"],
  },
};

export function buildDescription(course: CourseBlueprint, chapters: readonly SeedChapter[], kind: Kind): string {
  const lang: Lang = course.lang === "en" ? "en" : "zh";
  const e = escapeHtml;
  const topics = course.outline.split("|").map((entry) => entry.split(">")[0] ?? entry);
  const lessons = chapters.reduce((n, c) => n + c.lessons.length, 0);
  const hours = Math.max(1, Math.round(chapters.flatMap((c) => c.lessons).reduce((s, l) => s + l.durationSeconds, 0) / 3600));
  const tags = course.tags.split("|");
  const firstTag = tags[0] ?? "";
  const list = (items: readonly string[]) => `<ul>${items.map((i) => `<li>${e(i)}</li>`).join("")}</ul>`;
  const end = (text: string) => (/[。！？.!?]$/.test(text) ? text : `${text}${lang === "zh" ? "。" : "."}`);

  if (lang === "zh") {
    const prerequisite =
      course.level === "beginner"
        ? "<p>零基础即可学习，准备一台能上网的电脑和每周 3–5 小时的学习时间。</p>"
        : kind === "tech"
          ? `<p>熟悉 <code>${e(firstTag)}</code> 的基本用法，有一定的编程经验。</p>`
          : "<p>有一定的工作经验更佳，课程中的方法可以直接用到日常工作里。</p>";
    return [
      `<p>${e(end(course.subtitle))}</p>`,
      `<p>本课程共 ${chapters.length} 章 ${lessons} 节，约 ${hours} 小时，涵盖 ${e(tags.join("、"))} 等内容，讲解与动手实践相结合。</p>`,
      "<h2>你将学到</h2>",
      list(topics),
      "<h2>适合人群</h2>",
      list(AUDIENCE.zh[course.level]),
      "<h2>前置要求</h2>",
      prerequisite,
    ].join("");
  }
  const prerequisite =
    course.level === "beginner"
      ? "<p>No prior experience needed: a computer and a few hours a week are enough.</p>"
      : kind === "tech"
        ? `<p>You should be comfortable with the basics of <code>${e(firstTag)}</code> and have written some code before.</p>`
        : "<p>Some work experience helps; everything in the course applies directly to your day job.</p>";
  return [
    `<p>${e(end(course.subtitle))}</p>`,
    `<p>${chapters.length} chapters, ${lessons} lessons, about ${hours} hours of focused material.</p>`,
    "<h2>What you will learn</h2>",
    list(topics),
    "<h2>Who this course is for</h2>",
    list(AUDIENCE.en[course.level]),
    "<h2>Prerequisites</h2>",
    prerequisite,
  ].join("");
}
