// The demo learning paths for `npm run dev` (db/seed calls this): three published paths through the seeded
// catalogue, so /paths and "follow this path" can be tried at once. Written only while there is no path at all;
// tests make their own.
import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { courses, learningPathCourses, learningPaths } from "@/db/schema";

export const DEMO_PATHS = [
  {
    slug: "frontend-engineer",
    title: "前端工程师成长路径 · Frontend engineer",
    summary: "从 HTML、CSS 和 JavaScript 起步，经过 TypeScript 与 React，走到工程化与性能优化。\nFrom HTML, CSS and JavaScript through TypeScript and React to tooling and performance.",
    courses: ["html-css-from-zero", "modern-javascript-complete-guide", "typescript-zero-to-master", "react-18-in-action", "webpack-vite-engineering", "web-performance-in-practice"],
  },
  {
    slug: "cloud-native-ops",
    title: "云原生运维路径 · Cloud-native operations",
    summary: "Linux 基本功、Shell 脚本、Docker 与 Kubernetes，再到持续交付和可观测性。\nLinux, shell scripting, Docker and Kubernetes, then continuous delivery and observability.",
    courses: ["linux-zero-to-ops", "shell-scripting-in-practice", "docker-from-zero", "kubernetes-for-developers", "github-actions-ci-cd", "observability-prometheus-grafana"],
  },
  {
    slug: "data-and-ai",
    title: "数据分析到机器学习 · From data analysis to machine learning",
    summary: "Python 与 SQL 打底，用 pandas 分析数据，再学机器学习和深度学习的核心方法。\nPython and SQL first, data analysis with pandas, then the core of machine learning and deep learning.",
    courses: ["python-from-zero", "sql-for-data-analysis", "python-data-analysis-pandas", "machine-learning-primer", "practical-ml-scikit-learn", "deep-learning-foundations"],
  },
] as const;

export async function seedDemoPaths(db: Database, log: (msg: string) => void): Promise<void> {
  const [{ n }] = (await db.select({ n: sql<number>`COUNT(*)` }).from(learningPaths)) as [{ n: number }];
  if (Number(n) > 0) return;
  const slugs = DEMO_PATHS.flatMap((p) => p.courses);
  const found = await db.select({ id: courses.id, slug: courses.slug }).from(courses).where(inArray(courses.slug, slugs));
  const idOf = new Map(found.map((c) => [c.slug, c.id]));
  await db.transaction(async (tx) => {
    for (const path of DEMO_PATHS) {
      const ids = path.courses.map((slug) => idOf.get(slug)).filter((id): id is number => id !== undefined);
      if (ids.length < 2) continue;
      const [created] = await tx.insert(learningPaths).values({ slug: path.slug, title: path.title, summary: path.summary, status: "published" }).$returningId();
      await tx.insert(learningPathCourses).values(ids.map((courseId, i) => ({ pathId: created!.id, courseId, position: i + 1 })));
    }
  });
  log(`Demo learning paths: ${DEMO_PATHS.length} at /paths.`);
}
