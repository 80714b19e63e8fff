// Recommendations as the site serves them. A worker job (`maintenance:recommend-build`, hourly) reads every
// learner's courses and progress from MySQL, builds the item model (./model.ts) and writes each course's
// neighbours and the popularity list to Redis under a new version, then points `rec:current` at it: a reader
// sees the old version or the new one, never half of each; the old one expires by itself. Pages read:
// - "learners who took this also took" (course page): the course's neighbours;
// - "recommended for you" (home page): the neighbours of the learner's latest twenty courses, their
//   similarities summed, at most three per category;
// both without the learner's own courses and unpublished ones, and popularity where there is nothing yet
// (a new learner, a new course).
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { courses, enrolments } from "@/db/schema";
import { courseCardsByIds, type CatalogueCourse } from "@/lib/catalogue/course-rows";
import { enrolledCourseIds } from "@/lib/enrolments/access";
import { logger } from "@/lib/log";
import { key, redis } from "@/lib/redis";
import { buildItemModel, diversify, popularity, type Interaction, type Neighbour } from "./model";

const log = logger.child({ component: "recommend" });
/** A version's keys outlive the next two builds, so a reader holding the old pointer still finds them. */
const VERSION_TTL_SECONDS = 3 * 3600;
const NEIGHBOURS_KEPT = 20;
const POPULAR_KEPT = 60;
const BATCH = 50_000;

const currentKey = () => key("rec", "current");
const alsoKey = (version: string, courseId: number) => key("rec", version, "also", courseId);
const popularKey = (version: string) => key("rec", version, "popular");

/**
 * Every enrolment as implicit feedback: 1 for holding the course, up to 3 for finishing it (by the share of
 * its lessons completed). Read in keyset batches.
 */
export async function loadInteractions(): Promise<Interaction[]> {
  const out: Interaction[] = [];
  let after = 0;
  for (;;) {
    const [rows] = (await db().execute(sql`
      SELECT e.id, e.user_id AS user, e.course_id AS item, e.created_at AS at,
             (SELECT COUNT(*) FROM lesson_progress lp WHERE lp.user_id = e.user_id AND lp.course_id = e.course_id AND lp.completed_at IS NOT NULL) AS done,
             (SELECT COUNT(*) FROM lessons l WHERE l.course_id = e.course_id) AS total
        FROM enrolments e WHERE e.id > ${after} ORDER BY e.id LIMIT ${BATCH}`)) as unknown as [Array<{ id: number; user: number; item: number; at: Date; done: number; total: number }>];
    for (const r of rows) {
      const share = Number(r.total) > 0 ? Math.min(1, Number(r.done) / Number(r.total)) : 0;
      out.push({ user: Number(r.user), item: Number(r.item), weight: 1 + 2 * share, at: new Date(r.at).getTime() });
    }
    if (rows.length < BATCH) break;
    after = Number(rows[rows.length - 1]!.id);
  }
  return out;
}

/** The job: builds the model from MySQL and publishes it as a new version. */
export async function buildRecommendations(now = new Date()): Promise<{ version: string; courses: number; interactions: number; ms: number }> {
  const started = performance.now();
  const interactions = await loadInteractions();
  const model = buildItemModel(interactions);
  const version = now.getTime().toString(36);
  const entries: Array<[string, string]> = [];
  for (const [courseId, neighbours] of model) entries.push([alsoKey(version, courseId), JSON.stringify(neighbours.slice(0, NEIGHBOURS_KEPT).map((n) => [n.item, Number(n.score.toFixed(4))]))]);
  entries.push([popularKey(version), JSON.stringify(popularity(interactions).slice(0, POPULAR_KEPT).map((n) => [n.item, n.score]))]);
  for (let i = 0; i < entries.length; i += 500) {
    const pipe = redis().pipeline();
    for (const [k, v] of entries.slice(i, i + 500)) pipe.set(k, v, { ex: VERSION_TTL_SECONDS });
    await pipe.exec();
  }
  await redis().set(currentKey(), version);
  const ms = Math.round(performance.now() - started);
  log.info({ version, courses: model.size, interactions: interactions.length, ms }, "recommendations built");
  return { version, courses: model.size, interactions: interactions.length, ms };
}

const parse = (raw: string | null | undefined): Neighbour[] => {
  if (!raw) return [];
  try {
    return (JSON.parse(raw) as Array<[number, number]>).map(([item, score]) => ({ item, score }));
  } catch {
    return [];
  }
};

async function read(keys: (version: string) => string[]): Promise<{ lists: Neighbour[][]; popular: Neighbour[] } | null> {
  const version = await redis().get<string>(currentKey());
  if (!version) return null;
  const wanted = [...keys(version), popularKey(version)];
  const values = await redis().mget<Array<string | null>>(...wanted);
  return { lists: values.slice(0, -1).map(parse), popular: parse(values[values.length - 1]) };
}

/** Published cards for ranked ids, without the learner's courses, at most `limit`, diversified by category. */
async function cards(ranked: Neighbour[], userId: number | null, limit: number, exclude: ReadonlySet<number>): Promise<CatalogueCourse[]> {
  const candidates = ranked.filter((r) => !exclude.has(r.item)).slice(0, limit * 4);
  if (candidates.length === 0) return [];
  const ids = candidates.map((c) => c.item);
  const [published, owned] = await Promise.all([
    db().select({ id: courses.id }).from(courses).where(and(inArray(courses.id, ids), eq(courses.status, "published"))),
    userId ? enrolledCourseIds(db(), userId, ids) : Promise.resolve([]),
  ]);
  const open = new Set(published.map((p) => p.id));
  const mine = new Set(owned);
  const kept = candidates.filter((c) => open.has(c.item) && !mine.has(c.item));
  const found = await courseCardsByIds(kept.map((k) => k.item));
  const categoryOf = new Map(found.map((c) => [c.id, c.category.rootId]));
  const chosen = diversify(kept, (id) => categoryOf.get(id), limit);
  const byId = new Map(found.map((c) => [c.id, c]));
  return chosen.flatMap((c) => byId.get(c.item) ?? []);
}

/** "Learners who took this also took", for a course page; popular courses when the course is new. */
export async function alsoTook(courseId: number, userId: number | null, limit = 4): Promise<CatalogueCourse[]> {
  try {
    const found = await read((v) => [alsoKey(v, courseId)]);
    if (!found) return [];
    const ranked = found.lists[0]!.length > 0 ? found.lists[0]! : found.popular;
    return await cards(ranked, userId, limit, new Set([courseId]));
  } catch (error) {
    log.warn({ err: error, courseId }, "recommendations unavailable");
    return [];
  }
}

/** "Recommended for you", for a signed-in learner; popular courses when they hold none yet. */
export async function forYou(userId: number, limit = 4): Promise<CatalogueCourse[]> {
  try {
    const held = await db()
      .select({ courseId: enrolments.courseId })
      .from(enrolments)
      .where(eq(enrolments.userId, userId))
      .orderBy(sql`${enrolments.createdAt} DESC`)
      .limit(20);
    const heldIds = held.map((h) => h.courseId);
    const found = await read((v) => heldIds.map((id) => alsoKey(v, id)));
    if (!found) return [];
    const scores = new Map<number, number>();
    for (const list of found.lists) for (const { item, score } of list) scores.set(item, (scores.get(item) ?? 0) + score);
    const ranked = [...scores].map(([item, score]) => ({ item, score })).sort((a, b) => b.score - a.score || a.item - b.item);
    const exclude = new Set(heldIds);
    const picked = await cards(ranked, userId, limit, exclude);
    if (picked.length >= limit) return picked;
    const more = await cards(found.popular, userId, limit - picked.length, new Set([...exclude, ...picked.map((p) => p.id)]));
    return [...picked, ...more];
  } catch (error) {
    log.warn({ err: error, userId }, "recommendations unavailable");
    return [];
  }
}
