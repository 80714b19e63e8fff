// Reading a lesson's questions newest first, one page at a time by keyset (id below the previous page's last
// id), so page 500 costs what page 1 does: one range of lesson_posts_lesson_page_idx. The page's answers come
// in one more query over lesson_posts_thread_idx. The viewer's own held posts are shown to them alone.
import "server-only";
import { and, asc, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { lessonPosts, users, type lessonPostKinds, type postStatuses } from "@/db/schema";
import { QUESTIONS_PER_PAGE } from "./schemas";

export interface PostView {
  id: number;
  kind: (typeof lessonPostKinds)[number];
  userId: number;
  authorName: string;
  parentId: number | null;
  depth: number;
  body: string;
  status: (typeof postStatuses)[number];
  byStaff: boolean;
  createdAt: Date;
  editedAt: Date | null;
}

export interface QuestionView extends PostView {
  acceptedAnswerId: number | null;
  answerCount: number;
  answers: PostView[];
}

export interface QuestionPage {
  items: QuestionView[];
  /** The `before` of the next page, or null on the last one. */
  nextBefore: number | null;
}

const columns = {
  id: lessonPosts.id,
  kind: lessonPosts.kind,
  userId: lessonPosts.userId,
  authorName: users.name,
  parentId: lessonPosts.parentId,
  rootId: lessonPosts.rootId,
  depth: lessonPosts.depth,
  body: lessonPosts.body,
  status: lessonPosts.status,
  byStaff: lessonPosts.byStaff,
  acceptedAnswerId: lessonPosts.acceptedAnswerId,
  answerCount: lessonPosts.answerCount,
  createdAt: lessonPosts.createdAt,
  editedAt: lessonPosts.editedAt,
};

/** The keyset query itself (exported for the query-plan test). */
export function questionPageQuery(lessonId: number, before: number | undefined, limit: number) {
  return db()
    .select({ id: lessonPosts.id })
    .from(lessonPosts)
    .where(and(eq(lessonPosts.lessonId, lessonId), eq(lessonPosts.kind, "question"), eq(lessonPosts.status, "published"), before !== undefined ? lt(lessonPosts.id, before) : undefined))
    .orderBy(desc(lessonPosts.id))
    .limit(limit);
}

const visible = (viewerId: number | null) =>
  viewerId === null ? eq(lessonPosts.status, "published") : or(eq(lessonPosts.status, "published"), and(eq(lessonPosts.status, "held"), eq(lessonPosts.userId, viewerId)), eq(lessonPosts.status, "deleted"));

export async function listQuestions(lessonId: number, opts: { before?: number; viewerId: number | null; limit?: number }): Promise<QuestionPage> {
  const limit = opts.limit ?? QUESTIONS_PER_PAGE;
  const ids = (await questionPageQuery(lessonId, opts.before, limit + 1)).map((r) => r.id);
  const pageIds = ids.slice(0, limit);
  // The viewer's own questions waiting for a moderator, above the first page.
  const heldIds =
    opts.before === undefined && opts.viewerId !== null
      ? (
          await db()
            .select({ id: lessonPosts.id })
            .from(lessonPosts)
            .where(and(eq(lessonPosts.lessonId, lessonId), eq(lessonPosts.kind, "question"), eq(lessonPosts.status, "held"), eq(lessonPosts.userId, opts.viewerId)))
            .orderBy(desc(lessonPosts.id))
            .limit(5)
        ).map((r) => r.id)
      : [];
  const all = [...heldIds, ...pageIds];
  if (all.length === 0) return { items: [], nextBefore: null };
  const [questions, answers] = await Promise.all([
    db().select(columns).from(lessonPosts).innerJoin(users, eq(users.id, lessonPosts.userId)).where(inArray(lessonPosts.id, all)),
    db()
      .select(columns)
      .from(lessonPosts)
      .innerJoin(users, eq(users.id, lessonPosts.userId))
      .where(and(inArray(lessonPosts.rootId, all), visible(opts.viewerId)))
      .orderBy(asc(lessonPosts.id)),
  ]);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const items = all.flatMap((id) => {
    const q = byId.get(id);
    if (!q) return [];
    return [{ ...q, answers: answers.filter((a) => a.rootId === id) }];
  });
  return { items, nextBefore: ids.length > limit ? pageIds[pageIds.length - 1]! : null };
}

/** Where the EXPLAIN of a page query says MariaDB reads from (the test checks it uses the keyset index). */
export async function explainQuestionPage(lessonId: number, before: number): Promise<Array<{ key: string | null; type: string; rows: number }>> {
  const query = questionPageQuery(lessonId, before, QUESTIONS_PER_PAGE + 1).toSQL();
  const [rows] = (await db().execute(sql.raw(`EXPLAIN ${interpolate(query.sql, query.params)}`))) as unknown as [Array<{ key: string | null; type: string; rows: number | string }>];
  return rows.map((r) => ({ key: r.key, type: r.type, rows: Number(r.rows) }));
}

function interpolate(text: string, params: unknown[]): string {
  let i = 0;
  return text.replace(/\?/g, () => {
    const v = params[i++];
    return typeof v === "number" ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
  });
}
