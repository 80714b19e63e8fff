// Writes each seeded lesson's text: an article for article lessons, notes under the video for video lessons,
// the brief of a lab and the agenda of a live session. Built from the course's own outline, tags and the
// lesson's place in it, in the course's language, so every demo lesson reads as part of its course. No random
// numbers are drawn here: the rest of the generated data stays exactly as it was.
import type { CourseBlueprint } from "./content-catalogue";
import { escapeHtml as e, type SeedChapter, type SeedLesson } from "./generate-outline";

type Lang = "zh" | "en";

const list = (items: readonly string[]) => `<ul>${items.map((i) => `<li>${e(i)}</li>`).join("")}</ul>`;
const ordered = (items: readonly string[]) => `<ol>${items.map((i) => `<li>${e(i)}</li>`).join("")}</ol>`;
/** The chapter's subject without its "第 2 章" / "Chapter 2:" prefix. */
const subjectOf = (chapterTitle: string) => chapterTitle.replace(/^第 \d+ 章 |^Chapter \d+: /, "");

function zhBody(course: CourseBlueprint, chapter: SeedChapter, lesson: SeedLesson, next: SeedLesson | undefined): string {
  const topic = subjectOf(chapter.title);
  const tags = course.tags.split("|");
  const others = chapter.lessons.filter((l) => l !== lesson).map((l) => l.title);
  const tag = tags[0] ?? course.title;
  switch (lesson.kind) {
    case "article":
      return [
        `<p>这一节回顾「${e(topic)}」一章的要点，帮助你把零散的知识串成一条线。建议先独立回答下面的问题，再对照要点检查。</p>`,
        "<h2>本章要点</h2>",
        list(others.length > 0 ? others.map((t) => `${t}：理解它解决什么问题、在什么场景下使用`) : [`${topic} 的核心概念与适用场景`]),
        "<h2>自测问题</h2>",
        ordered([`用自己的话解释「${topic}」，并举一个工作中的例子。`, `在 ${tag} 中，哪些做法最容易出错？你会如何排查？`, "如果要向同事介绍本章内容，你会先讲哪三点？"]),
        "<h2>练习</h2>",
        `<p>挑选本章的一个知识点，写一段不超过 50 行的示例或一页笔记，记录你的思路与遇到的问题。完成后再进入下一章${next ? `「${e(next.title)}」` : ""}。</p>`,
      ].join("");
    case "lab":
      return [
        `<p>本实验在「${e(topic)}」的基础上动手完成一个小任务，预计 ${Math.round(lesson.durationSeconds / 60)} 分钟。</p>`,
        "<h2>实验目标</h2>",
        list([`搭建一个最小可运行的 ${tag} 示例`, `把「${topic}」中的概念落到代码或配置上`, "记录每一步的结果，便于排错"]),
        "<h2>步骤</h2>",
        ordered(["准备环境：按课程第 1 章的说明安装所需工具。", "新建项目目录，写出最简单的可运行版本。", `加入本章讲到的「${topic}」相关功能，并逐步验证。`, "对照检查清单，整理实验记录。"]),
        "<h2>检查清单</h2>",
        list(["程序可以从零开始运行", "关键步骤有输出或日志可以验证", "遇到的问题和解决办法已写进笔记"]),
      ].join("");
    case "live":
      return [
        `<p>直播课围绕「${e(topic)}」展开，讲师现场演示并回答问题。请提前准备好你的问题。</p>`,
        "<h2>议程</h2>",
        ordered([`回顾：${topic} 的关键概念（10 分钟）`, "现场演示与讲解（40 分钟）", "答疑与讨论（20 分钟）"]),
        "<h2>课前准备</h2>",
        list(["完成本章前面的课时", "准备一个你在学习或工作中遇到的相关问题"]),
      ].join("");
    default:
      return [
        `<p>本节视频讲解「${e(lesson.title)}」。观看时可以随时暂停，动手跟着操作效果更好。</p>`,
        "<h2>你将学到</h2>",
        list([`${lesson.title} 的核心思路`, `它在 ${tag} 项目中的典型用法`, "常见错误以及如何避免"]),
        "<h2>课后建议</h2>",
        `<p>看完后用几句话总结本节内容${others[0] ? `，并思考它与「${e(others[0])}」的关系` : ""}。</p>`,
      ].join("");
  }
}

function enBody(course: CourseBlueprint, chapter: SeedChapter, lesson: SeedLesson, next: SeedLesson | undefined): string {
  const topic = subjectOf(chapter.title);
  const tags = course.tags.split("|");
  const others = chapter.lessons.filter((l) => l !== lesson).map((l) => l.title);
  const tag = tags[0] ?? course.title;
  switch (lesson.kind) {
    case "article":
      return [
        `<p>This lesson pulls together what the chapter “${e(topic)}” covered. Try to answer the questions below on your own first, then check yourself against the key points.</p>`,
        "<h2>Key points</h2>",
        list(others.length > 0 ? others.map((t) => `${t}: what problem it solves and when to reach for it`) : [`The core ideas of ${topic} and where they apply`]),
        "<h2>Check yourself</h2>",
        ordered([`Explain ${topic} in your own words, with an example from your own work.`, `Where do people most often go wrong with ${tag}, and how would you find out?`, "If you had to teach this chapter to a colleague, which three points would you start with?"]),
        "<h2>Exercise</h2>",
        `<p>Pick one idea from this chapter and write a short example (under 50 lines) or one page of notes about it, including what confused you. Then move on${next ? ` to “${e(next.title)}”` : " to the next chapter"}.</p>`,
      ].join("");
    case "lab":
      return [
        `<p>In this lab you put “${e(topic)}” to work on a small task; allow about ${Math.round(lesson.durationSeconds / 60)} minutes.</p>`,
        "<h2>Goals</h2>",
        list([`Build the smallest working ${tag} example`, `Turn the ideas of ${topic} into code or configuration`, "Keep a record of each step so problems are easy to trace"]),
        "<h2>Steps</h2>",
        ordered(["Set up the tools from chapter 1.", "Create a project folder and get the simplest version running.", `Add the ${topic} features from this chapter, checking each one as you go.`, "Go through the checklist and tidy up your notes."]),
        "<h2>Checklist</h2>",
        list(["It runs from a clean start", "Each key step has output or a log line you can check", "Problems you hit and how you solved them are in your notes"]),
      ].join("");
    case "live":
      return [
        `<p>A live session on “${e(topic)}”: the teacher demonstrates and answers questions. Bring your own.</p>`,
        "<h2>Agenda</h2>",
        ordered([`Recap: the key ideas of ${topic} (10 minutes)`, "Live demonstration (40 minutes)", "Questions and discussion (20 minutes)"]),
        "<h2>Before the session</h2>",
        list(["Finish the earlier lessons of this chapter", "Write down one question from your own study or work"]),
      ].join("");
    default:
      return [
        `<p>This video walks through “${e(lesson.title)}”. Pause whenever you like; following along on your own machine works best.</p>`,
        "<h2>What you will learn</h2>",
        list([`The main idea behind ${lesson.title}`, `How it is typically used in a ${tag} project`, "Common mistakes and how to avoid them"]),
        "<h2>Afterwards</h2>",
        `<p>Sum up the lesson in a few sentences${others[0] ? ` and think about how it relates to “${e(others[0])}”` : ""}.</p>`,
      ].join("");
  }
}

/** Gives every lesson of the course its text (in place). */
export function addLessonBodies(course: CourseBlueprint, chapters: SeedChapter[]): void {
  const lang: Lang = course.lang === "en" ? "en" : "zh";
  const all = chapters.flatMap((c) => c.lessons.map((l) => ({ chapter: c, lesson: l })));
  all.forEach(({ chapter, lesson }, i) => {
    lesson.body = (lang === "zh" ? zhBody : enBody)(course, chapter, lesson, all[i + 1]?.lesson);
  });
}
