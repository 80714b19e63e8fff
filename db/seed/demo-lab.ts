// The demo lab: every seeded lab lesson gets a small shell exercise (files to start from, a check), so
// `npm run dev` has labs that open. Idempotent: lessons that already have a lab keep it.
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../index";
import { labDefinitions, lessons } from "../schema";

export const DEMO_LAB = {
  title: "第一次使用命令行 · Your first shell",
  instructions: [
    "<p>这是一个真实的 Linux 终端，只属于你，且不能联网。/ A real Linux shell of your own, without network.</p>",
    "<ol>",
    "<li>运行 <code>ls</code> 和 <code>cat readme.txt</code>。/ Run <code>ls</code> and <code>cat readme.txt</code>.</li>",
    "<li>创建文件 <code>hello.txt</code>，内容包含 <code>hello</code>：<code>echo hello &gt; hello.txt</code>。/ Create <code>hello.txt</code> containing <code>hello</code>.</li>",
    "<li>点击“检查我的作业”。/ Press “Check my work”.</li>",
    "</ol>",
  ].join(""),
  setupScript: "printf '欢迎来到学府实验室。\\nWelcome to the Xuefu lab.\\n' > readme.txt\nmkdir -p examples && printf 'one\\ntwo\\nthree\\n' > examples/numbers.txt",
  checkCommand: "test -f hello.txt && grep -q hello hello.txt",
};

export async function seedDemoLabs(db: Database, log: (msg: string) => void): Promise<void> {
  const missing = await db
    .select({ id: lessons.id })
    .from(lessons)
    .leftJoin(labDefinitions, eq(labDefinitions.lessonId, lessons.id))
    .where(and(eq(lessons.kind, "lab"), isNull(labDefinitions.lessonId)));
  if (missing.length === 0) return;
  await db.insert(labDefinitions).values(missing.map(({ id }) => ({ lessonId: id, ...DEMO_LAB })));
  log(`Demo labs written for ${missing.length} lab lessons.`);
}
